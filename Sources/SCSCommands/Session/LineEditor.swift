import Foundation

/// Reads the lines of a session typed at a terminal: ↑ and ↓ recall earlier lines, Tab completes,
/// Ctrl-U clears the line, Ctrl-C cancels it, Ctrl-D on an empty line ends the session.
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
    private var recall: [String] = []

    /// An editor offering `complete(line)`'s words for the line's last word on Tab.
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
        var line = ""
        var pending: [UInt8] = []
        var recalled = recall.count
        func redraw() { emit("\r\u{1B}[K" + prompt + line) }
        emit(prompt)
        while let byte = readByte() {
            switch byte {
            case 0x0D, 0x0A:
                emit("\r\n")
                if !line.trimmingCharacters(in: .whitespaces).isEmpty, recall.last != line { recall.append(line) }
                return .line(line)
            case 0x03:
                emit("^C\r\n")
                return .cancelled
            case 0x04 where line.isEmpty:
                emit("\r\n")
                return .end
            case 0x7F, 0x08:
                if !line.isEmpty { line.removeLast() }
                redraw()
            case 0x15:
                line = ""
                redraw()
            case 0x09:
                line = completed(line, prompt: prompt)
                redraw()
            case 0x1B:
                // ↑ and ↓ arrive as ESC [ A and ESC [ B (ESC O A in application mode).
                guard [0x5B, 0x4F].contains(readByte()), let key = readByte() else { continue }
                if key == 0x41, recalled > 0 { recalled -= 1 }
                if key == 0x42, recalled < recall.count { recalled += 1 }
                line = recalled < recall.count ? recall[recalled] : ""
                redraw()
            case 0x20...:
                pending.append(byte)
                if let text = String(validating: pending, as: UTF8.self) {
                    line += text
                    pending = []
                    emit(text)
                } else if pending.count >= 4 {
                    pending = []
                }
            default: continue
            }
        }
        emit("\r\n")
        return .end
    }

    /// `line` with its last word completed: the only candidate and a space, or the candidates' common
    /// start, listed below the line when that adds nothing.
    private func completed(_ line: String, prompt: String) -> String {
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
