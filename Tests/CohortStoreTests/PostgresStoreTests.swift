import DeviceProfiles
import Foundation
import Testing

@testable import CohortStore

/// The PostgreSQL store on a real server: `scripts/test-postgres` starts Debian's PostgreSQL 15 and
/// names it in `SCS_TEST_POSTGRES_URL`; without it these tests are skipped.
@Suite(
    "The PostgreSQL cohort store",
    .enabled(if: CohortFixtures.postgresServer != nil, "scripts/test-postgres runs these on a PostgreSQL server"))
struct PostgresStoreTests {
    /// A new empty database on the test server, as a `--store` location.
    static func newDatabase() throws -> String {
        let server = try #require(CohortFixtures.postgresServer)
        let name = "scs_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        #expect(try psql(server, "CREATE DATABASE \(name)").status == 0)
        return server.prefix { $0 != "?" }.split(separator: "/").dropLast().joined(separator: "/")
            .replacingOccurrences(of: ":/", with: "://") + "/\(name)"
    }

    /// Runs `sql` with Debian's psql against `url`.
    static func psql(_ url: String, _ sql: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = [url, "-v", "ON_ERROR_STOP=1", "-qAtc", sql]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func theStoreAndAnalyzeJSONAgreeOnEveryFigure() throws {
        try CohortTests.agreeOnEveryFigure(store: try Self.newDatabase())
    }

    @Test func aSharedDayCountsOnceAndFiltersSelectAsInSQLite() throws {
        let folder = try CohortFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try CohortTests.countSharedDaysOnce(in: folder, store: try Self.newDatabase())
    }

    @Test func jsonCSVHTMLAndTextCarryEveryPatientAndBadFiltersAreBadInputAsInSQLite() throws {
        try CohortTests.askInEveryFormat(store: try Self.newDatabase())
    }

    @Test func theSameContentAnalysedTwiceIsStoredOnceAndScsCohortReadsIt() throws {
        let store = try Self.newDatabase()
        let recording = "Recordings/edge-cases/midnight-boundaries.scsrec.jsonl"
        var rowsUnder: [String] = []
        for _ in 0..<2 {
            let result = try CohortFixtures.scs(["analyze", recording, "--store", store])
            #expect(result.status == 0, "\(result.stderr)")
            rowsUnder.append(
                try Self.psql(store, "SELECT (SELECT COUNT(*) FROM dayUsage), (SELECT COUNT(*) FROM programUsage)")
                    .output)
        }
        #expect(try Self.psql(store, "SELECT COUNT(*) FROM recording").output == "1\n")
        // The second analysis replaced the rows under the recording rather than adding to them.
        #expect(rowsUnder[0] == rowsUnder[1] && rowsUnder[0] != "0|0\n", "\(rowsUnder)")
        let cohort = try CohortFixtures.scs(["cohort", "--store", store, "--csv"])
        #expect(cohort.status == 0, "\(cohort.stderr)")
        #expect(cohort.stdout.split(whereSeparator: \.isNewline).count == 2)
    }

    @Test func aStoreOfANewerSchemaIsOneClearErrorAndExitTwo() throws {
        let store = try Self.newDatabase()
        _ = try PostgresStore(url: store, location: "test")
        #expect(try Self.psql(store, "INSERT INTO scsSchema VALUES (99)").status == 0)
        let result = try CohortFixtures.scs(["cohort", "--store", store])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "error: --store: the store was written by a newer scs (schema 99; this scs knows up to 2); use that scs\n"
        )
    }

    /// The test server trusts every local login but scs_password's, whose password is `right`
    /// (`scripts/with-postgres`); every command that opens a store says the same.
    @Test func anUnreachableServerAWrongPasswordOrAnUnknownUserIsOneErrorAndExitTwo() throws {
        let server = try #require(CohortFixtures.postgresServer)
        let port = try #require(URLComponents(string: server)?.port)
        for (location, reason) in [
            ("postgres://postgres@127.0.0.1:1/postgres", "cannot connect to PostgreSQL"),
            (
                "postgres://scs_password:wrong@127.0.0.1:\(port)/postgres",
                #"cannot connect to PostgreSQL: password authentication failed for user "scs_password""#
            ),
            (
                "postgres://nobody@127.0.0.1:\(port)/postgres",
                #"cannot connect to PostgreSQL: role "nobody" does not exist"#
            ),
            ("postgres://127.0.0.1/x", "expected postgres://USER"),
        ] {
            for command in [
                ["cohort"], ["analyze", "Recordings/edge-cases/midnight-boundaries.scsrec.jsonl"], ["fleet", "status"],
            ] {
                let result = try CohortFixtures.scs(command + ["--store", location])
                #expect(result.status == 2, "\(command) \(location)")
                #expect(result.stdout.isEmpty)
                #expect(result.stderr.hasPrefix("error: --store: \(reason)"), "\(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            }
        }
    }
}
