import RecordingFormat
import TherapyLog

/// How fast a replay lets recorded time pass: `max` (no waiting) or N times real time.
enum ReplaySpeed: Equatable, Sendable {
    case max
    case times(Double)

    /// The factors `--speed` accepts: from a thousandth of real time (a recorded second waits about 17
    /// minutes) to a million times real time (a recorded day waits under a tenth of a second); faster
    /// than that is `max`.
    static let factors: ClosedRange<Double> = 0.001...1_000_000

    /// Parses `max` or a number within ``factors``.
    init(_ text: String) throws(InputError) {
        if text == "max" {
            self = .max
            return
        }
        guard let factor = Double(text), factor.isFinite else {
            throw InputError("--speed", "'\(text)' is neither max nor a number")
        }
        guard Self.factors.contains(factor) else {
            throw InputError(
                "--speed",
                "\(text) is outside 0.001 to 1000000 (times real time); give a number in that range, or max for "
                    + "no waiting")
        }
        self = .times(factor)
    }

    /// The real time to wait between two recorded instants at this speed; nil for none.
    func delay(from earlier: Timestamp, to later: Timestamp) -> Duration? {
        guard case .times(let factor) = self, later > earlier else { return nil }
        // Subtracted as doubles: two instants of a recording can lie further apart than 2⁶³ ns.
        let nanoseconds = Double(later.nanosecondsSinceEpoch) - Double(earlier.nanosecondsSinceEpoch)
        return .seconds(nanoseconds / 1e9 / factor)
    }

    /// Waits the real time that passes between two recorded instants at this speed.
    func wait(from earlier: Timestamp, to later: Timestamp) async {
        guard let delay = delay(from: earlier, to: later) else { return }
        try? await Task.sleep(for: delay)
    }
}
