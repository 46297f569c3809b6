import ArgumentParser
import CohortStore
import DeviceProfiles
import Foundation
import SCSCommands

/// `scs fleet`: many machines analysing a clinic's recordings into one PostgreSQL store through a job
/// queue in it (`docs/fleet.md`).
struct FleetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fleet",
        abstract: "Analyse recordings on many machines through a job queue in a PostgreSQL cohort store.",
        subcommands: [Enqueue.self, Work.self, Status.self])

    /// The PostgreSQL store `location` names; a SQLite one has no queue.
    static func queue(_ location: String) throws(InputError) -> PostgresStore {
        guard let store = try StoreLocation.open(location) as? PostgresStore else {
            throw InputError(
                "--store \(location)", "the fleet's queue needs a PostgreSQL store: postgres://USER@HOST/DB")
        }
        return store
    }

    struct Enqueue: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a job for each recording (folders stand for the recordings in them, as for analyze).",
            discussion: "The same content is one job however often it is enqueued; a parked one is queued again.")

        @Option(help: ArgumentHelp("The PostgreSQL cohort store.", valueName: "postgres://USER@HOST[:PORT]/DB"))
        var store: String
        @Argument(help: "Recordings, device logs or folders, readable at the same path on every worker.")
        var files: [String]

        func run() throws {
            let paths = try RecordingPaths.expand(files)
            let added = try FleetCommand.queue(store).enqueue(paths)
            print("\(added) of \(paths.count) recordings queued (the others are queued or done already)")
        }
    }

    struct Work: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Claim jobs, analyse them and store each report, until stopped or the queue is empty.",
            discussion: """
                A job is held by a lease the worker renews every quarter of --lease; a job whose worker \
                stopped renewing it is taken by another worker after --lease seconds. A job that failed \
                --attempts times is parked with its error (see scs fleet status).
                """)

        @Option(help: ArgumentHelp("The PostgreSQL cohort store.", valueName: "postgres://USER@HOST[:PORT]/DB"))
        var store: String
        @Option(help: "Recordings analysed at once (default: one per core).")
        var jobs = ProcessInfo.processInfo.activeProcessorCount
        @Flag(help: "Stop once no job is queued or running.") var untilEmpty = false
        @Option(help: "Seconds without a heartbeat after which another worker takes a job.") var lease = 60.0
        @Option(help: "Claims of a failing job before it is parked.") var attempts = 3
        @OptionGroup var catalog: CatalogOptions

        func validate() throws {
            guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1 (got \(jobs))") }
            guard lease >= 1 else { throw ValidationError("--lease must be at least 1 second (got \(lease))") }
            guard attempts >= 1 else { throw ValidationError("--attempts must be at least 1 (got \(attempts))") }
        }

        func run() async throws {
            let queue = try FleetCommand.queue(store)
            try queue.commitWithoutWaitingForDisk()
            let analysis = AnalysisJob(catalog: try catalog.loadCatalog())
            let worker = "\(ProcessInfo.processInfo.hostName):\(getpid()):\(UUID().uuidString.prefix(8))"
            let (lease, attempts, untilEmpty) = (lease, attempts, untilEmpty)
            // A thread of its own, so that analyses busy on every core do not hold the lease up.
            let heartbeat = Thread {
                while !Thread.current.isCancelled {
                    Thread.sleep(forTimeInterval: lease / 4)
                    try? queue.heartbeat(worker: worker)
                }
            }
            heartbeat.start()
            defer { heartbeat.cancel() }
            let (done, failed) = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
                for _ in 0..<jobs {
                    group.addTask {
                        var (done, failed) = (0, 0)
                        while true {
                            guard let job = try queue.claim(worker: worker, lease: lease, attempts: attempts) else {
                                if untilEmpty, try queue.queueStatus().isDrained { return (done, failed) }
                                try await Task.sleep(for: .milliseconds(200))
                                continue
                            }
                            do {
                                let (result, json) = try analysis.encoded(job.path)
                                _ = try queue.finish(
                                    job, worker: worker, report: result.report, imported: result.imported, json: json)
                                done += 1
                            } catch let error as InputError where error.location == "--store" {
                                throw error  // the database, not the recording: the job's lease runs out
                            } catch {
                                try queue.fail(job, worker: worker, error: "\(error)", attempts: attempts)
                                failed += 1
                            }
                        }
                    }
                }
                return try await group.reduce((0, 0)) { ($0.0 + $1.0, $0.1 + $1.1) }
            }
            print("\(done) recordings analysed and stored, \(failed) failed analyses")
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Count the queued, running, done and failed jobs, and list the failed ones with their errors.")

        @Option(help: ArgumentHelp("The PostgreSQL cohort store.", valueName: "postgres://USER@HOST[:PORT]/DB"))
        var store: String
        @Flag(help: "Write one JSON document to stdout.") var json = false

        func run() throws {
            let status = try FleetCommand.queue(store).queueStatus()
            if json { return try JSONOutput.write(status) }
            print(
                "queued \(status.queued), running \(status.running), done \(status.done), failed \(status.failed)")
            for failure in status.failures {
                print(
                    Terminal.escaped(
                        "failed after \(failure.attempts) attempts: \(failure.path): \(failure.error)"))
            }
        }
    }
}
