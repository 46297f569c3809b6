import Foundation

/// The lines typed at session prompts, kept between sessions in `$XDG_STATE_HOME/scs/history` (else
/// `~/.local/state/scs/history`), the last ``limit`` of them (docs/cli.md §5).
struct SessionHistory {
    static let limit = 500

    private(set) var lines: [String]
    private let file: URL?

    /// The history in `environment`'s file; empty when there is none or it cannot be read.
    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        file = Self.file(in: environment)
        let text = file.flatMap { try? String(contentsOf: $0, encoding: .utf8) } ?? ""
        lines = Array(text.split(separator: "\n").map(String.init).suffix(Self.limit))
    }

    static func file(in environment: [String: String]) -> URL? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return URL(fileURLWithPath: state).appendingPathComponent("scs/history")
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".local/state/scs/history")
    }

    /// Adds `line` unless it is blank or repeats the last one, and writes the file; a file that
    /// cannot be written is left as it is, since history must never stop a session.
    mutating func add(_ line: String) {
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty, lines.last != line else { return }
        lines = Array((lines + [line]).suffix(Self.limit))
        guard let file else { return }
        try? FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(lines.map { $0 + "\n" }.joined().utf8).write(to: file, options: .atomic)
    }
}
