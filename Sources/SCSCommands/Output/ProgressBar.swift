import Foundation
import Report

/// Progress of long work on standard error, never on standard output (`docs/cli.md` §1): a bar redrawn
/// in place when standard error is a terminal; else, so that a piped run's log shows the work is
/// alive, a heartbeat line with the percent done and the rate every ``heartbeatInterval``, and a last
/// one at the end when there was any; nothing with `--quiet`.
///
/// Not `Sendable`: it keeps the time of the last heartbeat.
final class ProgressBar {
    /// How often a heartbeat line is written when standard error is not a terminal.
    static let heartbeatInterval: Duration = .seconds(5)

    enum Mode { case bar, heartbeat, quiet }

    let total: Int
    let label: String
    let unit: String
    let mode: Mode
    private let interval: Duration
    private let write: (String) -> Void
    private let start = ContinuousClock.now
    private var lastBeat: ContinuousClock.Instant
    private var hasBeaten = false
    private var done = 0

    /// - Parameters:
    ///   - unit: What is counted, plural (`days`, `commands`).
    ///   - mode: By default a bar on a terminal, else heartbeats; `.quiet` for `--quiet`.
    ///   - write: Where the text goes (standard error; a test's sink).
    init(
        total: Int, label: String, unit: String, mode: Mode? = nil, interval: Duration = heartbeatInterval,
        write: @escaping (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }
    ) {
        self.total = max(total, 1)
        self.label = Terminal.escaped(label)
        self.unit = unit
        self.mode = mode ?? (isatty(STDERR_FILENO) == 1 ? .bar : .heartbeat)
        self.interval = interval
        self.write = write
        lastBeat = start
    }

    /// `quiet` as a mode: nil (the default for where standard error goes) or `.quiet`.
    static func mode(quiet: Bool) -> Mode? { quiet ? .quiet : nil }

    /// The bar's text for `done` of `total`.
    static func line(done: Int, total: Int, label: String, width: Int = 30) -> String {
        let filled = min(width, done * width / max(total, 1))
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        return "\(label) [\(bar)] \(done)/\(total)"
    }

    /// A heartbeat: `simulating tonic-16: 42 % (1500/3650 days) in 5 s, 300 days/s`.
    static func heartbeat(done: Int, total: Int, label: String, unit: String, elapsed: Duration) -> String {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = seconds > 0 ? Format.number(Double(done) / seconds, decimals: 0) : "—"
        return "\(label): \(done * 100 / max(total, 1)) % (\(done)/\(total) \(unit)) in "
            + "\(Format.number(seconds, decimals: 1)) s, \(rate) \(unit)/s"
    }

    /// Records `done` and redraws the bar, or writes a heartbeat when one is due.
    func update(_ done: Int) {
        self.done = done
        switch mode {
        case .quiet: return
        case .bar: write("\r" + Self.line(done: done, total: total, label: label))
        case .heartbeat:
            let now = ContinuousClock.now
            guard now - lastBeat >= interval else { return }
            lastBeat = now
            hasBeaten = true
            write(Self.heartbeat(done: done, total: total, label: label, unit: unit, elapsed: now - start) + "\n")
        }
    }

    /// Wipes the bar off its line, so that a report or an error written next starts the line; the next
    /// ``update(_:)`` draws it again below.
    func clear() {
        if mode == .bar { write("\r\u{1B}[K") }
    }

    /// Ends the bar's line, or writes the last heartbeat when there was one before it.
    func finish() {
        switch mode {
        case .quiet: return
        case .bar: write("\n")
        case .heartbeat:
            guard hasBeaten else { return }
            write(
                Self.heartbeat(done: done, total: total, label: label, unit: unit, elapsed: .now - start) + "\n")
        }
    }
}
