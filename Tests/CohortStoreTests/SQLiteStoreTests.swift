import DeviceProfiles
import Foundation
import GRDB
import Testing

@testable import CohortStore

@Suite("The SQLite cohort store")
struct SQLiteStoreTests {
    @Test func theSameContentAnalysedAgainUpdatesItsOneRowAndOtherContentAddsOne() throws {
        let folder = try CohortFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = CohortFixtures.recording(serial: "P-1", start: "2026-03-01", hours: [8, 8])
        for name in ["a.scsrec.jsonl", "copy.scsrec.jsonl"] {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let other = CohortFixtures.recording(serial: "P-2", start: "2026-03-01", hours: [1])
        try other.write(to: folder.appendingPathComponent("b.scsrec.jsonl"), atomically: true, encoding: .utf8)
        let store = "sqlite:" + folder.appendingPathComponent("cohort.sqlite").path
        for name in ["a", "copy", "b", "copy"] {
            let result = try CohortFixtures.scs([
                "analyze", folder.appendingPathComponent("\(name).scsrec.jsonl").path, "--store", store,
            ])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let opened = try #require(try StoreLocation.open(store) as? SQLiteStore)
        let rows = try opened.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT serial, path, contentSHA256 FROM recording ORDER BY serial")
        }
        #expect(rows.map { $0["serial"] as String } == ["P-1", "P-2"])
        #expect((rows[0]["path"] as String).hasSuffix("/copy.scsrec.jsonl"))
        #expect((rows[0]["contentSHA256"] as String).count == 64)
        let days = try opened.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dayUsage") }
        #expect(days == 3)
        let journal = try opened.pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
    }

    @Test func aBatchKeepsEachRecordingItAnalysedAndReportsTheOthersAsErrorLines() throws {
        let folder = try CohortFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = "sqlite:" + folder.appendingPathComponent("cohort.sqlite").path
        let paths = [
            "Recordings/edge-cases/midnight-boundaries.scsrec.jsonl", "missing.scsrec.jsonl",
            "Recordings/edge-cases/newer-version.scsrec.jsonl", "Recordings/simulated/tonic-16-120d.scsrec.jsonl",
        ]
        let input = folder.appendingPathComponent("paths")
        try (paths.joined(separator: "\n") + "\n").write(to: input, atomically: true, encoding: .utf8)
        let result = try CohortFixtures.scs(["analyze", "--batch", "--store", store], input: input)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.filter { $0.contains(#""error":{"#) }.count == 2)
        let serials = try #require(try StoreLocation.open(store) as? SQLiteStore).pool.read { db in
            try String.fetchAll(db, sql: "SELECT serial FROM recording ORDER BY serial")
        }
        #expect(serials == ["IPG-0404", "SIM-1"])
    }

    @Test func severalFilesKeepEachGoodRecordingWhileABadOneIsAnErrorLine() throws {
        let folder = try CohortFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = "sqlite:" + folder.appendingPathComponent("cohort.sqlite").path
        let result = try CohortFixtures.scs([
            "analyze", "--quiet", "Recordings/edge-cases/midnight-boundaries.scsrec.jsonl",
            "Recordings/edge-cases/newer-version.scsrec.jsonl", "Recordings/simulated/tonic-16-120d.scsrec.jsonl",
            "--store", store,
        ])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: Recordings/edge-cases/newer-version.scsrec.jsonl: line 1: "))
        let serials = try #require(try StoreLocation.open(store) as? SQLiteStore).pool.read { db in
            try String.fetchAll(db, sql: "SELECT serial FROM recording ORDER BY serial")
        }
        #expect(serials == ["IPG-0404", "SIM-1"])
    }

    @Test func aStoreOfANewerSchemaIsOneClearErrorAndExitTwo() throws {
        let folder = try CohortFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("newer.sqlite").path
        let store = try SQLiteStore(path: path, location: "test")
        try store.pool.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from a later scs')")
        }
        #expect(throws: InputError.self) { try SQLiteStore(path: path, location: "test") }
        let recording = "Recordings/edge-cases/midnight-boundaries.scsrec.jsonl"
        for arguments in [
            ["analyze", recording, "--store", "sqlite:\(path)"], ["cohort", "--store", "sqlite:\(path)"],
        ] {
            let result = try CohortFixtures.scs(arguments)
            #expect(result.status == 2)
            #expect(result.stdout.isEmpty)
            #expect(
                result.stderr
                    == "error: --store sqlite:\(path): the store was written by a newer scs (a schema this version "
                    + "does not know); use that scs\n")
        }
    }

    @Test(arguments: [
        ("sqlite:/nonexistent-folder/x.sqlite", "cannot open the SQLite store"),
        ("sqlite:", "give the SQLite file's path"),
        ("mysql://db/x", "not a store location"),
    ])
    func aStoreThatCannotBeOpenedIsOneErrorNamingIt(location: String, message: String) throws {
        let result = try CohortFixtures.scs(["cohort", "--store", location])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: --store \(location): \(message)"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }
}
