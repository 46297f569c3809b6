/// A plain text table with aligned columns, for human output. Every cell is passed through
/// ``Terminal/escaped(_:keepingLineBreaks:)``, since cells carry what came from files and devices.
struct TextTable {
    enum Alignment { case left, right }

    var header: [String]
    var alignments: [Alignment]
    var rows: [[String]] = []

    init(_ header: [String], alignments: [Alignment]? = nil) {
        self.header = header.map { Terminal.escaped($0) }
        self.alignments = alignments ?? Array(repeating: .left, count: header.count)
    }

    mutating func add(_ row: [String]) { rows.append(row.map { Terminal.escaped($0) }) }

    /// The table as lines, columns separated by two spaces; `paint` may colour a cell after padding.
    func render(indent: String = "", paint: (_ row: Int, _ column: Int, _ cell: String) -> String = { $2 }) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in
            all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0
        }
        return all.enumerated().map { rowIndex, row in
            let cells = row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: max(widths[column] - cell.count, 0))
                let padded = alignments[column] == .left ? cell + padding : padding + cell
                return rowIndex == 0 ? padded : paint(rowIndex - 1, column, padded)
            }
            return indent + cells.joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n")
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
