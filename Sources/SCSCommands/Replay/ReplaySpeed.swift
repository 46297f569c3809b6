import TherapyLog

/// How fast a replay lets recorded time pass: `max` (no waiting) or N times real time.
enum ReplaySpeed: Equatable, Sendable {
    case max
    case times(Double)

    /// Parses `max` or a positive number.
    init(_ text: String) throws(InputError) {
        if text == "max" {
            self = .max
            return
        }
        guard let factor = Double(text), factor > 0, factor.isFinite else {
            throw InputError("--speed", "'\(text)' is neither max nor a positive number")
        }
        self = .times(factor)
    }

    /// Waits the real time that passes between two recorded instants at this speed.
    func wait(from earlier: Timestamp, to later: Timestamp) async {
        guard case .times(let factor) = self, later > earlier else { return }
        let seconds = Double(later.nanoseconds(since: earlier)) / 1e9 / factor
        try? await Task.sleep(for: .seconds(seconds))
    }
}
