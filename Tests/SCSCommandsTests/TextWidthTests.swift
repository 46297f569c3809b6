import Foundation
import Testing

@testable import SCSCommands

/// Every command's text output fits in 120 columns (`docs/cli.md` §1); `envelope --wide` asks for more.
@Suite("Text output within 120 columns")
struct TextWidthTests {
    static let sixteenContacts = "1-,2-,3-,4-,5-,6-,7-,8-,9+,10+,11+,12+,13+,14+,15+,16+"
    static let session =
        "status\nwrite 1 --amplitude 3 --pulse-width 300 --frequency 50 --contacts 1-,2+\nactivate 1\non\n"

    static let commands: [[String]] =
        [
            ["devices"],
            [
                "validate", "--device", "paddle-32", "--amplitude", "12", "--pulse-width", "500", "--frequency", "50",
                "--contacts", sixteenContacts,
            ],
            ["envelope", "--device", "tonic-16", "--contacts", "1-,2+"],
            [
                "envelope", "--device", "hf10k-16", "--contacts", "1-,2+", "--frequencies",
                "2,10,20,40,50,60,100,130,200,500,1000,1200",
            ],
            ["check", "Tests/Plans/presets.yaml"],
            [
                "replay", "Recordings/edge-cases/charges-impedance-safety.scsrec.jsonl", "--target", "simulator",
                "--speed", "max",
            ],
            ["import", "Tests/DeviceImportTests/Fixtures/percept-session.json", "--out", "-"],
            ["usb", "list"],
            ["session", "--device", "tonic-16", "--script", "-"],
        ]
        + ["burst-with-cycling", "charges-impedance-safety", "malformed-lines", "out-of-order", "truncated"].map {
            ["analyze", "Recordings/edge-cases/\($0).scsrec.jsonl"]
        }
        + [
            "devices", "validate", "envelope", "check", "analyze", "simulate", "serve", "session", "replay", "import",
            "tour", "usb list", "usb status", "usb emulate",
        ].map { $0.split(separator: " ").map(String.init) + ["--help"] }

    @Test(arguments: commands)
    func textOutputFitsIn120Columns(arguments: [String]) throws {
        let result = try SCSProcess.run(arguments, input: Self.session)
        #expect(!result.stdout.isEmpty || !result.stderr.isEmpty)
        // import --out - puts the recording on stdout and its text on stderr.
        let text = arguments.contains("import") ? result.stderr : result.stdout
        let widest = text.split(separator: "\n").max { $0.count < $1.count } ?? ""
        #expect(widest.count <= 120, "\(widest.count) columns: \(widest)")
    }

    @Test func envelopeWideKeepsTheTableInOnePiece() throws {
        let arguments = ["envelope", "--device", "tonic-16", "--contacts", "1-,2+"]
        let split = try SCSProcess.run(arguments)
        let wide = try SCSProcess.run(arguments + ["--wide"])
        #expect(split.stdout.components(separatedBy: "µs \\ Hz").count == 3)
        #expect(wide.stdout.components(separatedBy: "µs \\ Hz").count == 2)
        #expect(wide.stdout.split(separator: "\n").contains { $0.count > 120 })
    }

    @Test func aLongLineWrapsAtSpacesUnderItsLastColumnAndAWordTooLongIsCut() {
        let cell = Array(repeating: "word", count: 30).joined(separator: " ")
        let wrapped = TextWidth.fitted("  line  kind  " + cell, columns: 40).split(separator: "\n")
        #expect(wrapped.allSatisfy { $0.count <= 40 })
        #expect(wrapped.dropFirst().allSatisfy { $0.hasPrefix(String(repeating: " ", count: 14) + "word") })
        #expect(wrapped.joined(separator: " ").split(separator: " ").filter { $0 == "word" }.count == 30)
        #expect(
            TextWidth.fitted(String(repeating: "x", count: 50), columns: 40) == String(repeating: "x", count: 40)
                + "\n  " + String(repeating: "x", count: 10))
        #expect(TextWidth.fitted("short\n\nlines", columns: 40) == "short\n\nlines")
    }
}
