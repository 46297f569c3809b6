import Foundation
import RecordingFormat
import Testing

@testable import CohortStore

/// Recordings written for a test, the built `scs` run on them, and a fresh store file.
enum CohortFixtures {
    /// The PostgreSQL server `scripts/test-postgres` started (a `postgres://` address of its
    /// `postgres` database); nil without one, and the suites that need it are skipped.
    static let postgresServer = ProcessInfo.processInfo.environment["SCS_TEST_POSTGRES_URL"]

    /// A folder of its own for one test, removed by the caller.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scs-cohort-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A recording of `serial` from `start` (a UTC day) with therapy from midnight for `hours[i]`
    /// whole hours (under 24) on day i, ending at the midnight after the last day.
    static func recording(device: String = "tonic-16", serial: String, start: String, hours: [Int]) -> String {
        let parts = start.split(separator: "-").compactMap { Int64($0) }
        let first = CivilDate(year: parts[0], month: parts[1], day: parts[2]).dayNumber
        let day = { (offset: Int) in CivilDate(dayNumber: first + Int64(offset)).isoDate }
        var lines = [
            #"{"type":"header","format":"scs-recording","version":1,"device":"\#(device)","serial":"\#(serial)","start":"\#(start)T00:00:00Z"}"#,
            #"{"t":"\#(start)T00:00:00Z","type":"program","slot":1,"by":"clinician","program":{"amplitude":2,"pulseWidth":100,"frequency":100,"contacts":{"3":-100,"4":100}}}"#,
            #"{"t":"\#(start)T00:00:00Z","type":"activate","slot":1,"by":"clinician"}"#,
        ]
        for (offset, count) in hours.enumerated() where count > 0 {
            lines.append(#"{"t":"\#(day(offset))T00:00:00Z","type":"therapy","on":true,"by":"patient"}"#)
            lines.append(
                #"{"t":"\#(day(offset))T\#(count < 10 ? "0" : "")\#(count):00:00Z","type":"therapy","on":false,"by":"patient"}"#
            )
        }
        lines.append(#"{"t":"\#(day(hours.count))T00:00:00Z","type":"end"}"#)
        return lines.joined(separator: "\n") + "\n"
    }

    /// Runs the built `scs` with `arguments` from the repository root, reading `input` (none: empty).
    static func scs(_ arguments: [String], input: URL? = nil) throws -> (status: Int32, stdout: String, stderr: String)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("scs")
        process.arguments = arguments
        process.currentDirectoryURL = root
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = try input.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
        try process.run()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self)
        )
    }

    /// Starts the built `scs` with `arguments` from the repository root, its output discarded.
    static func launch(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("scs")
        process.arguments = arguments
        process.currentDirectoryURL = root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The rows of `sql` (`?` placeholders, text arguments) in the store of either engine.
    static func rows(_ store: any CohortDatabase, _ sql: String, _ arguments: [String] = []) throws -> [[StoreCell]] {
        if let store = store as? PostgresStore {
            return try store.transaction { run in try run(sql, arguments.map(StoreCell.text)) }
        }
        return try #require(store as? SQLiteStore).rows(sql, arguments)
    }

    /// The repository root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
}
