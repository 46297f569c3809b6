/// Text for people kept within the 120 columns `docs/cli.md` §1 promises.
enum TextWidth {
    /// The most columns a line of a command's text output takes (`envelope --wide` asks for more).
    static let columns = 120

    /// `text` with every line longer than `columns` wrapped at spaces. A continuation line starts where
    /// the line's last column does (after its last run of two spaces, when that leaves room), so that a
    /// table's free-text cell wraps within its column; else two spaces in from the line's indent. A
    /// word longer than the room is cut.
    static func fitted(_ text: String, columns: Int = columns) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { wrapped(Array($0), columns: columns) }
            .joined(separator: "\n")
    }

    private static func wrapped(_ line: [Character], columns: Int) -> [String] {
        guard line.count > columns else { return [String(line)] }
        let indent = hangingIndent(line, columns: columns)
        var lines: [String] = []
        var rest = line[...]
        var room = columns
        while rest.count > room {
            let limit = rest.startIndex + room
            let space = rest[rest.startIndex...limit].lastIndex(of: " ").flatMap { $0 > rest.startIndex ? $0 : nil }
            let end = space ?? limit
            lines.append((lines.isEmpty ? "" : String(repeating: " ", count: indent)) + String(rest[..<end]))
            rest = rest[end...].drop { $0 == " " }
            room = columns - indent
        }
        if !rest.isEmpty { lines.append(String(repeating: " ", count: indent) + String(rest)) }
        return lines.map { $0.trimmingTrailingSpaces() }
    }

    /// Where a continuation of `line` starts: after its last two-space gap that leaves at least a third
    /// of the width, else two spaces in from its indent.
    private static func hangingIndent(_ line: [Character], columns: Int) -> Int {
        let leading = line.prefix { $0 == " " }.count
        var column = 0
        var index = max(leading + 1, 2)
        while index < min(line.count, columns * 2 / 3) {
            if line[index - 1] == " ", line[index - 2] == " ", line[index] != " " { column = index }
            index += 1
        }
        return column > 0 ? column : min(leading + 2, columns / 3)
    }
}
