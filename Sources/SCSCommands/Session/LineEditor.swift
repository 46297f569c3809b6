import Foundation

/// Reads the lines of a session typed at a terminal: ← → Home End (Ctrl-A, Ctrl-E) move the cursor,
/// Backspace and Delete remove the character before and under it, typing inserts at it, Ctrl-W
/// removes the word before it, ↑ and ↓ recall earlier lines (kept by ``SessionHistory``), Tab
/// completes, Ctrl-U clears the line, Ctrl-C cancels it, Ctrl-D on an empty line ends the session.
///
/// The terminal is raw only while a line is read, so that Ctrl-C during a command still stops `scs`.
final class LineEditor {
    /// What reading a line came to.
    enum Input: Equatable {
        case line(String)
        /// Ctrl-C: the line is dropped and the session goes on.
        case cancelled
        /// Ctrl-D on an empty line, or the end of input.
        case end
    }

    private let complete: (String) -> [String]
    private var history = SessionHistory()

    /// An editor offering `complete(line)`'s words for the last word before the cursor on Tab.
    init(complete: @escaping (String) -> [String]) {
        self.complete = complete
    }

    /// Shows `prompt` and reads one line.
    func read(prompt: String) -> Input {
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else {
            emit(prompt)
            return readLine().map(Input.line) ?? .end
        }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL)
        // TCSADRAIN, not TCSAFLUSH: what was typed ahead while a command ran is kept for the next line.
        tcsetattr(STDIN_FILENO, TCSADRAIN, &raw)
        defer { tcsetattr(STDIN_FILENO, TCSADRAIN, &saved) }
        return edit(prompt: prompt)
    }

    private func edit(prompt: String) -> Input {
        var line = LineBuffer()
        var pending: [UInt8] = []
        var recalled = history.lines.count
        func redraw() {
            let after = line.characters.count - line.cursor
            emit("\r\u{1B}[K" + prompt + line.text + (after > 0 ? "\u{1B}[\(after)D" : ""))
        }
        func apply(_ key: LineBuffer.Key) {
            line.apply(key)
            redraw()
        }
        emit(prompt)
        while let byte = readByte() {
            switch byte {
            case 0x0D, 0x0A:
                emit("\r\n")
                history.add(line.text)
                return .line(line.text)
            case 0x03:
                emit("^C\r\n")
                return .cancelled
            case 0x04 where line.characters.isEmpty:
                emit("\r\n")
                return .end
            case 0x7F, 0x08: apply(.backspace)
            case 0x01: apply(.home)
            case 0x05: apply(.end)
            case 0x15: apply(.clear)
            case 0x17: apply(.deleteWord)
            case 0x09: apply(.replaceBeforeCursor(completed(line.beforeCursor)))
            case 0x1B:
                guard let key = escapeKey() else { continue }
                if case .history(let step) = key {
                    recalled = min(max(recalled + step, 0), history.lines.count)
                    line = LineBuffer(recalled < history.lines.count ? history.lines[recalled] : "")
                    redraw()
                } else if case .edit(let key) = key {
                    apply(key)
                }
            case 0x20...:
                pending.append(byte)
                if let text = String(validating: pending, as: UTF8.self) {
                    pending = []
                    if line.isAtEnd {
                        line.apply(.insert(text))
                        emit(text)
                    } else {
                        apply(.insert(text))
                    }
                } else if pending.count >= 4 {
                    pending = []
                }
            default: continue
            }
        }
        emit("\r\n")
        return .end
    }

    /// What an escape sequence asks for: a step through the history or an edit.
    private enum EscapeKey {
        case history(Int)
        case edit(LineBuffer.Key)
    }

    /// Reads the rest of an escape sequence: arrows, Home and End as `ESC [ X` (`ESC O X` in
    /// application mode), and Home, Delete and End as `ESC [ 1 ~`, `ESC [ 3 ~`, `ESC [ 4 ~` (7 and 8
    /// in some terminals); nil for any other.
    private func escapeKey() -> EscapeKey? {
        guard let introducer = readByte(), [0x5B, 0x4F].contains(introducer), var key = readByte() else {
            return nil
        }
        // Parameters are read whole, modifiers after `;` included (Ctrl-→ is ESC [ 1 ; 5 C), so that
        // no part of an unknown sequence is left to be typed into the line.
        var number = 0
        var isFirst = true
        while (0x30...0x3B).contains(key), let next = readByte() {
            if key == 0x3B { isFirst = false } else if isFirst, key <= 0x39 { number = number * 10 + Int(key - 0x30) }
            key = next
        }
        switch (key, number) {
        case (0x41, _): return .history(-1)
        case (0x42, _): return .history(1)
        case (0x43, _): return .edit(.right)
        case (0x44, _): return .edit(.left)
        case (0x48, _), (0x7E, 1), (0x7E, 7): return .edit(.home)
        case (0x46, _), (0x7E, 4), (0x7E, 8): return .edit(.end)
        case (0x7E, 3): return .edit(.delete)
        default: return nil
        }
    }

    /// `line` with its last word completed: the only candidate and a space, or the candidates' common
    /// start, listed below the line when that adds nothing.
    private func completed(_ line: String) -> String {
        let candidates = complete(line)
        let typed = line.last?.isWhitespace ?? true ? "" : String(line.split(whereSeparator: \.isWhitespace).last ?? "")
        let base = String(line.dropLast(typed.count))
        if candidates.count == 1 { return base + candidates[0] + " " }
        guard var common = candidates.first else { return line }
        for candidate in candidates.dropFirst() {
            while !candidate.hasPrefix(common) { common.removeLast() }
        }
        if common.count > typed.count { return base + common }
        if !candidates.isEmpty { emit("\r\n" + candidates.joined(separator: "  ") + "\r\n") }
        return line
    }

    private func readByte() -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let count = Foundation.read(STDIN_FILENO, &byte, 1)
            if count == 1 { return byte }
            if count < 0, errno == EINTR { continue }
            return nil
        }
    }

    private func emit(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
