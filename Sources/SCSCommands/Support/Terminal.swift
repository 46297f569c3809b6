import Foundation

/// Where output goes, and whether it may be coloured (only on a terminal, never under `NO_COLOR`).
enum Terminal {
    static let isColour: Bool = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    /// Writes a line to standard error.
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// `text` in bold red, yellow or green on a terminal; unchanged elsewhere.
    static func paint(_ text: String, _ colour: Colour) -> String {
        isColour ? "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m" : text
    }

    enum Colour: String {
        case red = "1;31"
        case yellow = "1;33"
        case green = "1;32"
        case bold = "1"
        case dim = "2"
    }
}
