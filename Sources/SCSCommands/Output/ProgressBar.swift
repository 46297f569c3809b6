import Foundation

/// A one-line progress bar on standard error, drawn only when standard error is a terminal.
struct ProgressBar {
    let total: Int
    let label: String
    let isVisible = isatty(STDERR_FILENO) == 1
    private let width = 30

    init(total: Int, label: String) {
        self.total = max(total, 1)
        self.label = Terminal.escaped(label)
    }

    /// The bar's text for `done` of `total`.
    static func line(done: Int, total: Int, label: String, width: Int = 30) -> String {
        let filled = min(width, done * width / max(total, 1))
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        return "\(label) [\(bar)] \(done)/\(total)"
    }

    /// Redraws the bar at `done`.
    func update(_ done: Int) {
        guard isVisible else { return }
        FileHandle.standardError.write(Data(("\r" + Self.line(done: done, total: total, label: label)).utf8))
    }

    /// Ends the bar's line.
    func finish() {
        guard isVisible else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
