import DeviceProfiles
import Foundation

/// Where output goes, and whether it may be coloured (only on a terminal, never under `NO_COLOR`).
package enum Terminal {
    static let isColour: Bool = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    /// Writes a line to standard error, with its control characters escaped (line breaks kept).
    package static func error(_ line: String) {
        FileHandle.standardError.write(Data((escaped(line, keepingLineBreaks: true) + "\n").utf8))
    }

    /// Writes `error` to standard error as `error: WHERE: WHAT`, the one form of every error `scs`
    /// reports (`docs/cli.md` §1).
    package static func error(_ error: InputError) {
        self.error("error: \(error)")
    }

    /// Writes `text`, fitted to ``TextWidth/columns``, and a line feed to standard output at once
    /// (unbuffered, so that a pipe sees each line immediately and in order).
    @Sendable static func say(_ text: String) {
        FileHandle.standardOutput.write(Data((TextWidth.fitted(text) + "\n").utf8))
    }

    /// Writes text for people to standard error, where it stays out of a document a command writes to
    /// standard output (`--out -`).
    static func aside(_ text: String) { error(text) }

    /// `text` in bold red, yellow or green on a terminal; unchanged elsewhere.
    static func paint(_ text: String, _ colour: Colour) -> String {
        isColour ? "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m" : text
    }

    /// `text` safe to show on a terminal: every control character (C0, DEL, C1) and every
    /// bidirectional override or isolate is shown as a visible escape (`\n`, `\r`, `\t`, `\u{1B}`),
    /// so that a serial, a device id, a file name or a message read from a file cannot move the
    /// cursor, recolour the screen or reorder what is shown. Other text, UTF-8 included, is kept.
    ///
    /// Every text writer passes what came from a file, a device or the command line through this
    /// before it meets the terminal's own escapes (``paint(_:_:)``); ``TextTable`` does it for cells.
    ///
    /// - Parameter keepingLineBreaks: Keep `\n` as a line break (for text that is several lines).
    package static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingLineBreaks: keepingLineBreaks) }) else {
            return text
        }
        var result = ""
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar, keepingLineBreaks: keepingLineBreaks) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return result
    }

    private static func needsEscape(_ scalar: Unicode.Scalar, keepingLineBreaks: Bool) -> Bool {
        switch scalar.value {
        case 0x0A: !keepingLineBreaks
        case 0x00...0x1F, 0x7F...0x9F: true
        // Bidirectional embeddings, overrides and isolates, which reorder the text shown around them.
        case 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    enum Colour: String {
        case red = "1;31"
        case yellow = "1;33"
        case green = "1;32"
        case bold = "1"
        case dim = "2"
    }
}
