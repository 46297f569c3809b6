import RecordingFormat

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a simulated stimulator reads the time.
///
/// The simulator integrates its battery and ramps from one reading to the next, so a clock that jumps
/// ahead by a month costs no more than one that ticks: inject a ``ManualClock`` to run simulated time
/// as fast as the computer allows, or a ``SystemClock`` for a device that keeps real time.
public protocol DeviceClock: Sendable {
    /// The current instant. Readings should not go backwards; the simulator treats a step back as no
    /// time passing.
    func now() -> Timestamp
}

/// The computer's real-time clock (`clock_gettime(CLOCK_REALTIME)`).
public struct SystemClock: DeviceClock {
    public init() {}

    public func now() -> Timestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Timestamp(
            nanosecondsSinceEpoch: Int64(spec.tv_sec) * Timestamp.nanosecondsPerSecond + Int64(spec.tv_nsec))
    }
}
