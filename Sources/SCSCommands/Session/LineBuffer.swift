/// The line being typed at the session prompt and the cursor in it, edited key by key; kept apart from
/// the terminal so that every key can be tested without one.
struct LineBuffer: Equatable {
    /// An editing key, decoded from the terminal's bytes by ``LineEditor``.
    enum Key: Equatable {
        case insert(String)
        case left, right, home, end
        /// Backspace: the character before the cursor.
        case backspace
        /// Delete: the character under the cursor.
        case delete
        /// Ctrl-W: the word before the cursor, and the spaces between it and the cursor.
        case deleteWord
        /// Ctrl-U: the whole line.
        case clear
        /// Tab: the text before the cursor replaced by its completion, the cursor after it.
        case replaceBeforeCursor(String)
    }

    /// Characters, not bytes, so that the cursor never stands inside `µ`.
    private(set) var characters: [Character]
    /// Where the next typed character goes: 0 before the first character, `characters.count` at the end.
    private(set) var cursor: Int

    /// `text` with the cursor at its end.
    init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    var text: String { String(characters) }

    /// The text before the cursor, what a redraw writes again to put the cursor back.
    var beforeCursor: String { String(characters[..<cursor]) }

    var isAtEnd: Bool { cursor == characters.count }

    mutating func apply(_ key: Key) {
        switch key {
        case .insert(let text):
            characters.insert(contentsOf: text, at: cursor)
            cursor += text.count
        case .left: cursor = max(cursor - 1, 0)
        case .right: cursor = min(cursor + 1, characters.count)
        case .home: cursor = 0
        case .end: cursor = characters.count
        case .backspace where cursor > 0:
            cursor -= 1
            characters.remove(at: cursor)
        case .delete where !isAtEnd: characters.remove(at: cursor)
        case .deleteWord:
            var start = cursor
            while start > 0, characters[start - 1].isWhitespace { start -= 1 }
            while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .clear: self = LineBuffer()
        case .replaceBeforeCursor(let text):
            characters.replaceSubrange(..<cursor, with: text)
            cursor = text.count
        case .backspace, .delete: break
        }
    }
}
