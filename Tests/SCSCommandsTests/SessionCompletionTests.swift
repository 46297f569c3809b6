import StimSafety
import Testing

@testable import SCSCommands

@Suite("Tab completion at the session prompt")
struct SessionCompletionTests {
    @Test(
        "completes commands, flags of the line's command and rule ids after --acknowledge",
        arguments: [
            ("", SessionCompletion.commands),
            ("a", ["activate", "adjust"]),
            ("wr", ["write"]),
            ("status ", []),
            ("write 1 --pu", ["--pulse-width", "--pulses-per-burst"]),
            ("adjust 3 --", ["--acknowledge"]),
            ("write 1 --acknowledge sh", ["shannon"]),
            ("adjust 3 --acknowledge shannon,charge", ["shannon,chargeDensity"]),
            ("activate --", []),
            ("frobnicate --", []),
        ])
    func candidates(line: String, expected: [String]) {
        #expect(SessionCompletion.candidates(for: line) == expected)
    }

    @Test("every command offered is one the session knows, and every rule id follows --acknowledge")
    func complete() throws {
        let limits = try SessionLineTests.limits()
        for command in SessionCompletion.commands {
            #expect(throws: Never.self) {
                do {
                    _ = try SessionLine.parse(command, limits: limits)
                } catch  where !"\(error)".contains("unknown command") {}
            }
        }
        #expect(SessionCompletion.candidates(for: "check 1 --acknowledge ") == RuleID.allCases.map(\.name))
    }
}
