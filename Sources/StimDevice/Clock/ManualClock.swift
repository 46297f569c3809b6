import RecordingFormat
import Synchronization

/// A clock that moves only when told to: simulated time for tests and for `scs simulate`.
///
/// Thread-safe (its reading sits behind a lock), so a test can advance it while a transport thread
/// talks to the simulator.
public final class ManualClock: DeviceClock {
    private let instant: Mutex<Timestamp>

    /// A clock reading `start` until it is advanced.
    public init(start: Timestamp) {
        instant = Mutex(start)
    }

    public func now() -> Timestamp {
        instant.withLock { $0 }
    }

    /// Moves the clock forward by `duration`; a negative duration is ignored, so time never runs back.
    public func advance(by duration: Duration) {
        guard duration > .zero else { return }
        instant.withLock { $0 = $0.advanced(by: duration) }
    }

    /// Moves the clock forward to `later`; an earlier instant is ignored.
    public func advance(to later: Timestamp) {
        instant.withLock { $0 = max($0, later) }
    }
}
