import DeviceProfiles
import Foundation
import StimSafety
import Testing

@testable import SCSCommands

@Suite("session lines")
struct SessionLineTests {
    /// The limits of the shipped tonic-16 (fraction step 1 %, as the shorthand cases assume).
    static func limits() throws -> DeviceLimits {
        try DeviceCatalog(contentsOf: SCSProcess.root.appendingPathComponent("Devices")).profile(id: "tonic-16").limits
    }

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
        let limits = try Self.limits()
        #expect(try SessionLine.parse("STATUS", limits: limits) == .status)
        #expect(try SessionLine.parse("activate 2", limits: limits) == .activate(slot: 2))
        #expect(try SessionLine.parse("activate 255", limits: limits) == .activate(slot: 255))
        #expect(try SessionLine.parse("on", limits: limits) == .therapy(isOn: true))
        #expect(
            try SessionLine.parse("adjust 3.5", limits: limits)
                == .adjust(Nanoamps(rawValue: 3_500_000), acknowledged: []))
        #expect(try SessionLine.parse("log", limits: limits) == .log(file: nil))
        #expect(try SessionLine.parse("", limits: limits) == .nothing)
        let write = try SessionLine.parse(
            "write 1 --amplitude 3 --pulse-width 300 --frequency 50 --contacts 2-,3+ --acknowledge shannon",
            limits: limits)
        guard case .write(let slot, let program, let acknowledged) = write else {
            Issue.record("not a write: \(write)")
            return
        }
        #expect(slot == 1)
        #expect(program.amplitude == Nanoamps(rawValue: 3_000_000))
        #expect(acknowledged == RuleSet(rule: .shannon))
    }

    @Test(
        "wait takes a duration in ms, s or min, to the millisecond",
        arguments: [
            ("wait 500ms", Duration.milliseconds(500)), ("wait 2s", .seconds(2)), ("wait 1.5s", .milliseconds(1500)),
            ("wait 0.001s", .milliseconds(1)), ("wait 2min", .seconds(120)), ("wait 60min", .seconds(3600)),
        ])
    func wait(line: String, duration: Duration) throws {
        #expect(try SessionLine.parse(line, limits: try Self.limits()) == .wait(duration))
    }

    @Test("adjust takes acknowledgements as write does, repeated or separated by commas")
    func adjustAcknowledges() throws {
        let line = try SessionLine.parse(
            "adjust 6 --acknowledge shannon,chargeDensity --acknowledge compliance", limits: try Self.limits())
        #expect(
            line
                == .adjust(
                    Nanoamps(rawValue: 6_000_000), acknowledged: RuleSet([.shannon, .chargeDensity, .compliance])))
    }

    @Test(
        "a line that is not a command says what is wrong",
        arguments: [
            ("frobnicate", "unknown command 'frobnicate'"),
            ("activate", "usage: activate SLOT"),
            ("activate 0", "'0' is not a slot number"),
            ("activate -1", "'-1' is not a slot number"),
            ("write 0 --amplitude 3 --pulse-width 300 --frequency 50 --contacts 2-,3+", "'0' is not a slot number"),
            // One byte carries a slot on the wire: a larger one is refused when read, not when sent.
            ("activate 256", "slot 256 is beyond what the protocol can address (1…255)"),
            ("write 256 --amplitude 3 --pulse-width 300 --frequency 50 --contacts 2-,3+", "slot 256 is beyond"),
            ("check 256 --amplitude 3 --pulse-width 300 --frequency 50 --contacts 2-,3+", "slot 256 is beyond"),
            // A negative slot reads as an option, so the slot is missing.
            (
                "check -1 --amplitude 3 --pulse-width 300 --frequency 50 --contacts 2-,3+",
                "Missing expected argument '<slot>'"
            ),
            ("status now", "status takes no arguments"),
            ("adjust lots", "adjust"),
            ("adjust", "usage: adjust MA"),
            ("wait", "usage: wait DURATION"),
            ("wait 2", "'2' is not a duration"),
            ("wait 2h", "'2h' is not a duration"),
            ("wait -1s", "'-1s' is not a duration"),
            ("wait 1.s", "'1.s' is not a duration"),
            ("wait 0s", "must be above zero"),
            ("wait 1.0005s", "finer than a millisecond"),
            ("wait 1.5min", "finer than a millisecond"),
            ("wait 3600001ms", "longer than the longest wait, 1 hour"),
            ("wait 99999999999999999999s", "longer than the longest wait"),
            ("adjust 3 --acknowledge shannon,nope", "'nope' is not a rule id"),
            ("write 1 --amplitude 3 --pulse-width 300 --contacts 2-,3+", "--frequency: missing"),
            ("check 1 --amplitude 3 --pulse-width 300 --frequency 50 --contacts 2-,3+ --acknowledge nope", "nope"),
        ])
    func errors(line: String, fragment: String) throws {
        let limits = try Self.limits()
        #expect {
            try SessionLine.parse(line, limits: limits)
        } throws: { error in
            "\(error)".contains(fragment)
        }
    }
}
