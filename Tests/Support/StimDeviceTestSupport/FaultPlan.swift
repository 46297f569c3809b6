/// How often each fault strikes the messages going one way through a ``FaultInjectingTransport``.
///
/// Each message meets at most one fault, chosen by one draw against the cumulative probabilities in
/// the order disconnect, drop, corrupt, duplicate, delay; their sum should not exceed 1.
public struct FaultRates: Hashable, Sendable {
    /// The probability that the link goes down at this message (and stays down).
    public var disconnect: Double
    /// The probability that the message is lost.
    public var drop: Double
    /// The probability that one to three of its bits are flipped.
    public var corrupt: Double
    /// The probability that it arrives twice.
    public var duplicate: Double
    /// The probability that it arrives late, after a pause drawn from `delayRange`; later messages
    /// may overtake it.
    public var delay: Double
    /// The range the pause of a delayed message is drawn from.
    public var delayRange: ClosedRange<Duration>

    public init(
        disconnect: Double = 0, drop: Double = 0, corrupt: Double = 0, duplicate: Double = 0, delay: Double = 0,
        delayRange: ClosedRange<Duration> = .milliseconds(1)...(.milliseconds(20))
    ) {
        self.disconnect = disconnect
        self.drop = drop
        self.corrupt = corrupt
        self.duplicate = duplicate
        self.delay = delay
        self.delayRange = delayRange
    }

    /// No faults.
    public static let none = FaultRates()
}

/// The faults of both directions of a ``FaultInjectingTransport`` and the seed that makes them
/// reproducible.
public struct FaultPlan: Hashable, Sendable {
    /// Faults on what the host sends to the device.
    public var outbound: FaultRates
    /// Faults on what the device sends back.
    public var inbound: FaultRates
    /// The seed of the fault draws.
    public var seed: UInt64

    public init(outbound: FaultRates = .none, inbound: FaultRates = .none, seed: UInt64) {
        self.outbound = outbound
        self.inbound = inbound
        self.seed = seed
    }

    /// The same `rates` both ways.
    public static func symmetric(_ rates: FaultRates, seed: UInt64) -> FaultPlan {
        FaultPlan(outbound: rates, inbound: rates, seed: seed)
    }
}

/// The kinds of fault a ``FaultInjectingTransport`` injects.
public enum FaultKind: String, CaseIterable, Hashable, Sendable {
    case disconnect, drop, corrupt, duplicate, delay
}

/// How many faults of each kind a ``FaultInjectingTransport`` has injected in each direction.
public struct FaultCounts: Hashable, Sendable {
    /// Faults on messages to the device, by kind.
    public var outbound: [FaultKind: Int] = [:]
    /// Faults on messages from the device, by kind.
    public var inbound: [FaultKind: Int] = [:]
    /// Messages that went through untouched, both directions.
    public var clean = 0

    public init() {}

    /// All faults of `kind`, both directions.
    public func total(_ kind: FaultKind) -> Int {
        outbound[kind, default: 0] + inbound[kind, default: 0]
    }
}
