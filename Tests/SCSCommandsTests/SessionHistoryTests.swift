import Foundation
import Testing

@testable import SCSCommands

@Suite("Session history kept between sessions")
struct SessionHistoryTests {
    @Test("the file is $XDG_STATE_HOME/scs/history, else ~/.local/state/scs/history")
    func file() {
        #expect(SessionHistory.file(in: ["XDG_STATE_HOME": "/s", "HOME": "/h"])?.path == "/s/scs/history")
        #expect(SessionHistory.file(in: ["XDG_STATE_HOME": "", "HOME": "/h"])?.path == "/h/.local/state/scs/history")
        #expect(SessionHistory.file(in: ["HOME": "/h"])?.path == "/h/.local/state/scs/history")
        #expect(SessionHistory.file(in: [:]) == nil)
    }

    @Test("a line is written at once, blank and repeated lines are not, and the last 500 are kept")
    func kept() throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("history-\(UUID())")
        defer { try? FileManager.default.removeItem(at: state) }
        let environment = ["XDG_STATE_HOME": state.path]
        var history = SessionHistory(environment: environment)
        #expect(history.lines.isEmpty)
        for line in ["status", "status", "  ", "adjust 3 µ"] { history.add(line) }
        #expect(SessionHistory(environment: environment).lines == ["status", "adjust 3 µ"])
        for number in 1...SessionHistory.limit { history.add("adjust \(number)") }
        let reread = SessionHistory(environment: environment).lines
        #expect(reread.count == SessionHistory.limit)
        #expect(reread.first == "adjust 1")
        #expect(reread.last == "adjust 500")
        // Lines are appended until the file holds twice the limit, then it is cut back to the last 500.
        let file = state.appendingPathComponent("scs/history")
        for number in 501...(2 * SessionHistory.limit) { history.add("adjust \(number)") }
        let written = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(written.count < 2 * SessionHistory.limit)
        #expect(Array(written.suffix(SessionHistory.limit)) == history.lines)
        #expect(SessionHistory(environment: environment).lines == history.lines)
    }

    @Test("a history file that cannot be written leaves the session going with the lines in memory")
    func unwritable() throws {
        let blocker = FileManager.default.temporaryDirectory.appendingPathComponent("history-\(UUID())")
        try Data().write(to: blocker)
        defer { try? FileManager.default.removeItem(at: blocker) }
        var history = SessionHistory(environment: ["XDG_STATE_HOME": blocker.path])
        history.add("status")
        #expect(history.lines == ["status"])
    }
}
