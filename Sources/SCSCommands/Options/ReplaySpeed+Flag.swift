import DeviceProfiles
import Replay

extension ReplaySpeed {
    /// Parses `--speed`: `max` or a number within ``factors``.
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
}
