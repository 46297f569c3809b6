import Foundation

/// The lines typed at session prompts, kept between sessions in `$XDG_STATE_HOME/scs/history` (else
/// `~/.local/state/scs/history`), the last ``limit`` of them (docs/cli.md §5).
struct SessionHistory {
    static let limit = 500

    private(set) var lines: [String]
    private let file: URL?
    /// How many lines the file holds, ``lines`` the last of them, one a line (a missing file holding
    /// none): a new line is then appended. Nil when the file holds anything else, which is written anew.
    private var fileLineCount: Int?

    /// The history in `environment`'s file; empty when there is none or it cannot be read.
    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        file = Self.file(in: environment)
        let text = file.flatMap { try? String(contentsOf: $0, encoding: .utf8) } ?? ""
        let all = text.split(separator: "\n").map(String.init)
        lines = Array(all.suffix(Self.limit))
        fileLineCount = text == Self.fileText(all) ? all.count : nil
    }

    static func file(in environment: [String: String]) -> URL? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return URL(fileURLWithPath: state).appendingPathComponent("scs/history")
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".local/state/scs/history")
    }

    /// Adds `line` unless it is blank or repeats the last one, and appends it to the file; the file is
    /// written anew with only ``lines`` once it would hold twice ``limit``, so that a line typed costs
    /// an append, not a rewrite. A file that cannot be written is left as it is, since history must
    /// never stop a session.
    mutating func add(_ line: String) {
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty, lines.last != line else { return }
        lines = Array((lines + [line]).suffix(Self.limit))
        guard let file else { return }
        if let count = fileLineCount, count > 0, count < 2 * Self.limit, (try? Self.append(line, to: file)) != nil {
            fileLineCount = count + 1
            return
        }
        try? FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let isWritten = (try? Data(Self.fileText(lines).utf8).write(to: file, options: .atomic)) != nil
        fileLineCount = isWritten ? lines.count : nil
    }

    /// `lines` as the file holds them: each ended by a line feed.
    private static func fileText(_ lines: [String]) -> String {
        lines.map { $0 + "\n" }.joined()
    }

    /// Appends `line` and a line feed to `file`, which exists.
    private static func append(_ line: String, to file: URL) throws {
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((line + "\n").utf8))
    }
}
