import Testing

@testable import SCSCommands

@Suite("Editing the line at the session prompt")
struct LineBufferTests {
    /// `text` with the cursor `fromEnd` characters before its end.
    static func buffer(_ text: String, fromEnd: Int = 0) -> LineBuffer {
        var buffer = LineBuffer(text)
        for _ in 0..<fromEnd { buffer.apply(.left) }
        return buffer
    }

    @Test(
        "each key edits at the cursor, whether it stands at the start, in the middle or at the end",
        arguments: [
            // (text, cursor from the end, key, text after, cursor after)
            ("adjust 3", 0, LineBuffer.Key.insert("0"), "adjust 30", 9),
            ("adjust 3", 2, .insert("µ"), "adjustµ 3", 7),
            ("adjust 3", 8, .insert("x"), "xadjust 3", 1),
            ("adjust 3", 0, .left, "adjust 3", 7),
            ("adjust 3", 8, .left, "adjust 3", 0),
            ("adjust 3", 2, .right, "adjust 3", 7),
            ("adjust 3", 0, .right, "adjust 3", 8),
            ("adjust 3", 4, .home, "adjust 3", 0),
            ("adjust 3", 4, .end, "adjust 3", 8),
            ("adjust 3", 0, .backspace, "adjust ", 7),
            ("adjust 3", 2, .backspace, "adjus 3", 5),
            ("adjust 3", 8, .backspace, "adjust 3", 0),
            ("adjust 3", 2, .delete, "adjust3", 6),
            ("adjust 3", 8, .delete, "djust 3", 0),
            ("adjust 3", 0, .delete, "adjust 3", 8),
            ("write 1 --pulse-width 90", 0, .deleteWord, "write 1 --pulse-width ", 22),
            ("write 1 --pulse-width 90", 3, .deleteWord, "write 1  90", 8),
            ("write 1 --pulse-width 90", 24, .deleteWord, "write 1 --pulse-width 90", 0),
            ("write 1 --pulse-width 90", 2, .clear, "", 0),
            ("write 1 --pul 90", 3, .replaceBeforeCursor("write 1 --pulse-width "), "write 1 --pulse-width  90", 22),
            ("adj", 0, .replaceBeforeCursor("adjust "), "adjust ", 7),
            ("adjust 3", 8, .replaceBeforeCursor("µ"), "µadjust 3", 1),
        ])
    func key(text: String, fromEnd: Int, key: LineBuffer.Key, after: String, cursor: Int) {
        var buffer = Self.buffer(text, fromEnd: fromEnd)
        buffer.apply(key)
        #expect(buffer.text == after)
        #expect(buffer.cursor == cursor)
    }

    @Test("the cursor moves over µ as one character, and Backspace removes all of its bytes")
    func multibyte() {
        var buffer = Self.buffer("µA", fromEnd: 1)
        #expect(buffer.beforeCursor == "µ")
        buffer.apply(.backspace)
        #expect(buffer.text == "A")
        #expect(Array(buffer.text.utf8) == [0x41])
        buffer.apply(.insert("µµ"))
        #expect(buffer.text == "µµA")
        #expect(buffer.beforeCursor == "µµ")
    }
}
