import ArgumentParser
import Testing

@testable import ProgrammerUI

@Suite("scs ui's command line")
struct UICommandTests {
    @Test(
        "One stimulator at most, and a port that exists",
        arguments: [
            (
                ["--device", "tonic-16", "--socket", "/tmp/s.sock"],
                "give at most one of --device ID, --socket PATH and --usb"
            ),
            (["--socket", "/tmp/s.sock", "--usb"], "give at most one of"),
            (["--port", "65536"], "--port must be from 0 to 65535, not 65536"),
        ])
    func badCombinationsAreRefused(arguments: [String], message: String) {
        #expect {
            _ = try UICommand.parse(arguments)
        } throws: { error in
            UICommand.message(for: error).contains(message)
        }
    }

    @Test("Each launch makes a new 128-bit token")
    func tokensDiffer() {
        let tokens = Set((0..<20).map { _ in UICommand.makeToken() })
        #expect(tokens.count == 20)
        #expect(tokens.allSatisfy { $0.count == 32 && $0.allSatisfy(\.isHexDigit) })
    }
}
