import DeviceImport
import DeviceProfiles
import TherapyLog

/// The fleet's job queue in a PostgreSQL store (`docs/fleet.md`): one job per recording content,
/// claimed with `FOR UPDATE SKIP LOCKED` by workers on any number of machines, held by a lease the
/// worker's heartbeat renews, and done in the same transaction that stores its report.
extension PostgresStore {
    /// A job a worker holds.
    public struct Job: Sendable {
        public var id: Int
        public var path: String
        public var contentSHA256: String
    }

    /// The count of jobs in each state, and the error of each failed one.
    public struct QueueStatus: Encodable, Sendable {
        public var queued = 0
        public var running = 0
        public var done = 0
        public var failed = 0
        /// The parked jobs: path and last error.
        public var failures: [Failure] = []

        /// Whether no job is left to claim or to wait for.
        public var isDrained: Bool { queued == 0 && running == 0 }

        public struct Failure: Encodable, Sendable {
            public var path: String
            public var attempts: Int
            public var error: String
        }
    }

    /// Makes this connection's commits return before the server has written them to its disk
    /// (PostgreSQL's `synchronous_commit = off`), for a worker: the server stays consistent, and a
    /// crash of the server loses at most its last fraction of a second of claims and results, whose
    /// jobs their lease then gives back to the queue, to be analysed again and stored once. Waiting
    /// for the disk twice per job (the claim and the result) cost a worker a third of its time on the
    /// benchmark's machine (`Benchmarks/README.md` §The cohort store).
    public func commitWithoutWaitingForDisk() throws(InputError) {
        _ = try queue("set up the worker's connection", inTransaction: false) { run in
            try run("SET synchronous_commit = off", [])
        }
    }

    /// Adds a job for each path whose content has none, and queues again a parked one: the same
    /// content enqueued twice is one job.
    ///
    /// - Returns: The number of jobs added or queued again.
    public func enqueue(_ paths: [String]) throws(InputError) -> Int {
        var hashed: [[StoreCell]] = []
        for path in paths { hashed.append([.text(path), .text(try ContentHash.of(path))]) }
        return try queue("enqueue") { run in
            try hashed.reduce(0) { added, cells in
                let sql = """
                    INSERT INTO job (path, contentSHA256) VALUES (?, ?) ON CONFLICT (contentSHA256) DO UPDATE
                    SET path = excluded.path, state = 'queued', attempts = 0, error = NULL WHERE job.state = 'failed'
                    RETURNING id
                    """
                return added + (try run(sql, cells)).count
            }
        }
    }

    /// Claims the oldest queued job, or one whose worker's heartbeat is older than `lease` seconds
    /// (parking instead a job claimed `attempts` times already); nil when there is none.
    ///
    /// One statement, so one round trip and its own transaction: the jobs it parks and the job it
    /// claims are never the same rows.
    public func claim(worker: String, lease: Double, attempts: Int) throws(InputError) -> Job? {
        try queue("claim a job", inTransaction: false) { run in
            let rows = try run(
                """
                WITH parked AS (
                    UPDATE job SET state = 'failed', worker = NULL,
                        error = COALESCE(error || '; ', '') || 'its worker stopped before finishing it'
                    WHERE state = 'running' AND heartbeatAt < now() - make_interval(secs => ?) AND attempts >= ?)
                UPDATE job SET state = 'running', attempts = attempts + 1, worker = ?, claimedAt = now(),
                    heartbeatAt = now()
                WHERE id = (
                    SELECT id FROM job
                    WHERE state = 'queued'
                        OR (state = 'running' AND heartbeatAt < now() - make_interval(secs => ?) AND attempts < ?)
                    ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
                RETURNING id, path, contentSHA256
                """, [.real(lease), .integer(attempts), .text(worker), .real(lease), .integer(attempts)])
            return rows.first.map { Job(id: $0[0].int, path: $0[1].string, contentSHA256: $0[2].string) }
        }
    }

    /// Stores `report` as the analysis of `job` and marks the job done, in one transaction; false,
    /// with nothing written, when the job is no longer `worker`'s (its lease ran out and another
    /// worker took it), so that each content is stored once.
    public func finish(
        _ job: Job, worker: String, report: RecordingReport, imported: ImportResult?, json: String
    ) throws(InputError) -> Bool {
        try queue("finish \(job.path)") { run in
            let held = try run(
                "UPDATE job SET state = 'done', doneAt = now(), error = NULL WHERE id = ? AND worker = ? AND state = 'running' RETURNING id",
                [.integer(job.id), .text(worker)])
            guard !held.isEmpty else { return false }
            let row = StoredRecording(
                report: report, notes: imported?.notes ?? [], path: job.path, contentSHA256: job.contentSHA256,
                json: json)
            try Self.write(row, run)
            return true
        }
    }

    /// Gives `job` back after its analysis failed with `error`: queued again, or parked as failed
    /// once it was claimed `attempts` times.
    public func fail(_ job: Job, worker: String, error: String, attempts: Int) throws(InputError) {
        _ = try queue("record the failure of \(job.path)") { run in
            try run(
                """
                UPDATE job SET state = CASE WHEN attempts >= ? THEN 'failed' ELSE 'queued' END, error = ?, worker = NULL
                WHERE id = ? AND worker = ? AND state = 'running'
                """, [.integer(attempts), .text(error), .integer(job.id), .text(worker)])
        }
    }

    /// Renews the lease of every job `worker` holds.
    public func heartbeat(worker: String) throws(InputError) {
        _ = try queue("renew the lease") { run in
            try run("UPDATE job SET heartbeatAt = now() WHERE worker = ? AND state = 'running'", [.text(worker)])
        }
    }

    /// The count of jobs in each state, and the parked jobs with their errors.
    public func queueStatus() throws(InputError) -> QueueStatus {
        try queue("read the queue") { run in
            var status = QueueStatus()
            for row in try run("SELECT state, COUNT(*) FROM job GROUP BY state", []) {
                switch row[0].string {
                case "queued": status.queued = row[1].int
                case "running": status.running = row[1].int
                case "done": status.done = row[1].int
                default: status.failed = row[1].int
                }
            }
            status.failures = try run("SELECT path, attempts, error FROM job WHERE state = 'failed' ORDER BY id", [])
                .map { QueueStatus.Failure(path: $0[0].string, attempts: $0[1].int, error: $0[2].string) }
            return status
        }
    }

    /// `body` in one transaction (or, for a single statement, in the statement's own); an error of
    /// the database names `--store` and `what` was being done.
    private func queue<T>(_ what: String, inTransaction: Bool = true, _ body: (Run) throws -> T) throws(InputError)
        -> T
    {
        do {
            return try inTransaction ? transaction(body) : connected(body)
        } catch {
            throw InputError("--store", "cannot \(what): \(Self.reason(error))")
        }
    }
}
