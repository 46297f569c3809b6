import RecordingFormat
import TherapyLog

extension RecordingReplay {
    /// Why a replay stopped before its end (a divergence does not stop it: it is reported).
    public enum Failure: Error, CustomStringConvertible {
        /// The connection could not open a session: its own error.
        case connection(any Error)
        /// The stimulator reached is another kind of device than the recording's.
        case wrongDevice(target: String, reported: String, expected: String)
        /// An event's time is outside what the device clock can be set to.
        case clockOutOfRange(file: String, line: Int, time: Timestamp)
        /// The device clock could not be set.
        case clockNotSet(target: String, reason: String)
        /// The device's state could not be read.
        case stateUnreadable(target: String, reason: String)

        /// Where the problem is: the stimulator, or `file: line N`; empty for a connection's error.
        public var location: String {
            switch self {
            case .connection: ""
            case .wrongDevice(let target, _, _), .clockNotSet(let target, _), .stateUnreadable(let target, _): target
            case .clockOutOfRange(let file, let line, _): "\(file): line \(line)"
            }
        }

        /// What went wrong, in words.
        public var message: String {
            switch self {
            case .connection(let error): "\(error)"
            case .wrongDevice(_, let reported, let expected):
                "the device is a \(reported), not the \(expected) the replay is for"
            case .clockOutOfRange(_, _, let time):
                "\(time) is outside the device clock's range (2000-01-01 to 2200-01-01), so the event cannot be "
                    + "replayed"
            case .clockNotSet(_, let reason): "cannot set the device clock: \(reason)"
            case .stateUnreadable(_, let reason): "cannot read the device's state: \(reason)"
            }
        }

        public var description: String { location.isEmpty ? message : "\(location): \(message)" }
    }
}
