import StimSafety
import Testing

@testable import SCSCommands

@Suite("session lines")
struct SessionLineTests {
    static let step = Percent(rawValue: 1_000)

    @Test(
        "words split at white space, quotes group, a # at a word's start begins a comment",
        arguments: [
            ("write 1 --contacts 2-,3+", ["write", "1", "--contacts", "2-,3+"]),
            ("  log 'my file.jsonl'  ", ["log", "my file.jsonl"]),
            ("status # the state", ["status"]),
            ("# only a comment", []),
            ("log a#b", ["log", "a#b"]),
            (#"log """#, ["log", ""]),
        ])
    func words(line: String, expected: [String]) {
        #expect(SessionLine.words(of: line) == expected)
    }

    @Test("commands parse with their arguments")
    func commands() throws {
        #expect(try SessionLine.parse("STATUS", fractionStep: Self.step) == .status)
        #expect(try SessionLine.parse("activate 2", fractionStep: Self.step) == .activate(slot: 2))
        #expect(try SessionLine.parse("on", fractionStep: Self.step) == .therapy(isOn: true))
        #expect(try SessionLine.parse("adjust 3.5", fractionStep: Self.step) == .adjust(Nanoamps(rawValue: 3_500_000)))
        #expect(try SessionLine.parse("log", fractionStep: Self.step) == .log(file: nil))
        #expect(try SessionLine.parse("", fractionStep: Self.step) == .nothing)
        let write = try SessionLine.parse(
            "write 1 --amplitude 3 --pulse-width 300 --frequency 50 --contacts 2-,3+ --acknowledge shannon",
            fractionStep: Self.step)
        guard case .write(let slot, let program, let acknowledged) = write else {
            Issue.record("not a write: \(write)")
            return
        }
        #expect(slot == 1)
        #expect(program.amplitude == Nanoamps(rawValue: 3_000_000))
        #expect(acknowledged == RuleSet(rule: .shannon))
    }

    @Test(
        "a line that is not a command says what is wrong",
        arguments: [
            ("frobnicate", "unknown command 'frobnicate'"),
            ("activate", "usage: activate SLOT"),
            ("activate 0", "'0' is not a slot number"),
            ("status now", "status takes no arguments"),
            ("adjust lots", "adjust"),
            ("write 1 --amplitude 3 --pulse-width 300 --contacts 2-,3+", "--frequency: missing"),
            ("check 1 --amplitude 3 --pulse-width 300 --frequency 50 --contacts 2-,3+ --acknowledge nope", "nope"),
        ])
    func errors(line: String, fragment: String) {
        #expect {
            try SessionLine.parse(line, fractionStep: Self.step)
        } throws: { error in
            "\(error)".contains(fragment)
        }
    }
}
