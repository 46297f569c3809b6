import RecordingFormat
import TherapyLog

/// How fast a replay lets recorded time pass: `max` (no waiting) or N times real time.
public enum ReplaySpeed: Equatable, Sendable {
    /// No waiting: each command as soon as the previous one is done.
    case max
    /// The given number of times real time.
    case times(Double)

    /// The factors `--speed` accepts: from a thousandth of real time (a recorded second waits about 17
    /// minutes) to a million times real time (a recorded day waits under a tenth of a second); faster
    /// than that is `max`.
    public static let factors: ClosedRange<Double> = 0.001...1_000_000

    /// The real time to wait between two recorded instants at this speed; nil for none.
    public func delay(from earlier: Timestamp, to later: Timestamp) -> Duration? {
        guard case .times(let factor) = self, later > earlier else { return nil }
        // Subtracted as doubles: two instants of a recording can lie further apart than 2⁶³ ns.
        let nanoseconds = Double(later.nanosecondsSinceEpoch) - Double(earlier.nanosecondsSinceEpoch)
        return .seconds(nanoseconds / 1e9 / factor)
    }

    /// Waits the real time that passes between two recorded instants at this speed.
    public func wait(from earlier: Timestamp, to later: Timestamp) async {
        guard let delay = delay(from: earlier, to: later) else { return }
        try? await Task.sleep(for: delay)
    }
}
