import Foundation
import Testing

@testable import CohortStore

/// `scs fleet` on a real PostgreSQL server (`scripts/test-postgres`): worker processes sharing one
/// queue, a worker killed mid-job, a recording that keeps failing, and content enqueued twice.
@Suite(
    "The fleet's job queue in PostgreSQL",
    .enabled(if: CohortFixtures.postgresServer != nil, "scripts/test-postgres runs these on a PostgreSQL server"))
struct FleetTests {
    /// Writes `count` recordings of distinct content into `folder`.
    static func recordings(_ count: Int, in folder: URL) throws -> [String] {
        try (0..<count).map { index in
            let url = folder.appendingPathComponent("r\(index).scsrec.jsonl")
            try CohortFixtures.recording(serial: "F-\(index)", start: "2026-03-01", hours: [index % 24, 3])
                .write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
    }

    static func count(_ store: String, _ sql: String) throws -> String {
        try PostgresStoreTests.psql(store, sql).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func threeWorkerProcessesDrainTwoThousandJobsEachClaimedOnce() throws {
        let folder = try CohortFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.recordings(2000, in: folder)
        let store = try PostgresStoreTests.newDatabase()
        let enqueued = try CohortFixtures.scs(["fleet", "enqueue", folder.path, "--store", store])
        #expect(enqueued.status == 0, "\(enqueued.stderr)")
        #expect(enqueued.stdout == "2000 of 2000 recordings queued (the others are queued or done already)\n")
        let workers = try (0..<3).map { _ in
            try CohortFixtures.launch(["fleet", "work", "--store", store, "--jobs", "1", "--until-empty"])
        }
        for worker in workers {
            worker.waitUntilExit()
            #expect(worker.terminationStatus == 0)
        }
        #expect(
            try Self.count(store, "SELECT state, COUNT(*), MIN(attempts), MAX(attempts) FROM job GROUP BY state")
                == "done|2000|1|1")
        #expect(try Self.count(store, "SELECT COUNT(*) FROM recording") == "2000")
        #expect(try Self.count(store, "SELECT COUNT(DISTINCT worker) FROM job") == "3")
        let status = try CohortFixtures.scs(["fleet", "status", "--store", store])
        #expect(status.stdout == "queued 0, running 0, done 2000, failed 0\n")
    }

    /// A worker killed mid-job: the next claim after the lease takes its job, and finishes it, or
    /// parks it when the job has had its `--attempts` already.
    @Test(arguments: [2, 1])
    func aJobWhoseWorkerWasKilledIsFinishedByAnotherAfterItsLeaseOrParked(attempts: Int) throws {
        let folder = try CohortFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.recordings(1, in: folder)[0]
        let content = try Data(contentsOf: URL(fileURLWithPath: path))
        let store = try PostgresStoreTests.newDatabase()
        #expect(try CohortFixtures.scs(["fleet", "enqueue", path, "--store", store]).status == 0)
        // The recording becomes a pipe nobody writes to: the first worker blocks reading it, mid-job.
        try FileManager.default.removeItem(atPath: path)
        #expect(mkfifo(path, 0o600) == 0)
        let first = try CohortFixtures.launch(["fleet", "work", "--store", store, "--jobs", "1", "--lease", "1"])
        var state = ""
        for _ in 0..<100 where state != "running" {
            Thread.sleep(forTimeInterval: 0.1)
            state = try Self.count(store, "SELECT state FROM job")
        }
        #expect(state == "running")
        let holder = try Self.count(store, "SELECT worker FROM job")
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        try FileManager.default.removeItem(atPath: path)
        try content.write(to: URL(fileURLWithPath: path))
        let second = try CohortFixtures.scs([
            "fleet", "work", "--store", store, "--lease", "1", "--attempts", "\(attempts)", "--until-empty",
        ])
        #expect(second.status == 0, "\(second.stderr)")
        if attempts == 1 {
            #expect(second.stdout == "0 recordings analysed and stored, 0 failed analyses\n")
            #expect(
                try Self.count(store, "SELECT state, attempts, worker IS NULL, error FROM job")
                    == "failed|1|t|its worker stopped before finishing it")
            #expect(try Self.count(store, "SELECT COUNT(*) FROM recording") == "0")
            return
        }
        #expect(second.stdout == "1 recordings analysed and stored, 0 failed analyses\n")
        #expect(try Self.count(store, "SELECT state, attempts FROM job") == "done|2")
        #expect(try Self.count(store, "SELECT worker FROM job") != holder)
        #expect(try Self.count(store, "SELECT COUNT(*) FROM recording") == "1")
    }

    @Test func aPoisonedRecordingIsParkedWithItsErrorWhileTheRestComplete() throws {
        let folder = try CohortFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths = try Self.recordings(3, in: folder)
        let poisoned = folder.appendingPathComponent("poisoned.scsrec.jsonl").path
        try FileManager.default.copyItem(
            atPath: CohortFixtures.root.appendingPathComponent("Recordings/edge-cases/newer-version.scsrec.jsonl").path,
            toPath: poisoned)
        paths.insert(poisoned, at: 1)
        let store = try PostgresStoreTests.newDatabase()
        #expect(try CohortFixtures.scs(["fleet", "enqueue"] + paths + ["--store", store]).status == 0)
        let work = try CohortFixtures.scs(["fleet", "work", "--store", store, "--attempts", "2", "--until-empty"])
        #expect(work.status == 0, "\(work.stderr)")
        #expect(work.stdout == "3 recordings analysed and stored, 2 failed analyses\n")
        let status = try CohortFixtures.scs(["fleet", "status", "--store", store])
        let lines = status.stdout.split(separator: "\n")
        #expect(lines.first == "queued 0, running 0, done 3, failed 1")
        #expect(lines.count == 2)
        #expect(
            lines.last?.hasPrefix("failed after 2 attempts: \(poisoned): \(poisoned): line 1:") == true,
            "\(status.stdout)")
        #expect(try Self.count(store, "SELECT COUNT(*) FROM recording") == "3")
    }

    @Test func theSameContentEnqueuedTwiceIsOneJobAndOneRow() throws {
        let folder = try CohortFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.recordings(1, in: folder)[0]
        let copy = folder.appendingPathComponent("copy.scsrec.jsonl").path
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        let store = try PostgresStoreTests.newDatabase()
        let first = try CohortFixtures.scs(["fleet", "enqueue", path, "--store", store])
        #expect(first.stdout.hasPrefix("1 of 1 recordings queued"))
        for again in [path, copy] {
            let result = try CohortFixtures.scs(["fleet", "enqueue", again, "--store", store])
            #expect(result.stdout.hasPrefix("0 of 1 recordings queued"), "\(result.stderr)")
        }
        #expect(try CohortFixtures.scs(["fleet", "work", "--store", store, "--until-empty"]).status == 0)
        #expect(try Self.count(store, "SELECT COUNT(*) FROM job") == "1")
        #expect(try Self.count(store, "SELECT COUNT(*) FROM recording") == "1")
    }

    @Test func aSQLiteStoreHasNoQueue() throws {
        let folder = try CohortFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = "sqlite:" + folder.appendingPathComponent("cohort.sqlite").path
        let result = try CohortFixtures.scs(["fleet", "status", "--store", store])
        #expect(result.status == 2)
        #expect(result.stderr.contains("the fleet's queue needs a PostgreSQL store"))
    }
}
