import Logging
import StimProtocol
import StimSafety

/// The host programming API: one authenticated session with a stimulator over any ``Transport``.
///
/// ``connect(over:role:key:limits:configuration:logger:)`` identifies the device, refuses a device that
/// does not speak this protocol version, opens and authenticates a session and reads the state. Every
/// frame of the session carries the session key's MAC, and every answer must carry it too. Every
/// operation validates on the host first with the same `StimSafety` limits the device uses (and sends
/// nothing the core rejects); writes are read back and compared. Requests that get no answer are
/// retried with the same sequence number, which the device answers from its reply cache without acting
/// twice.
///
/// An actor: operations run one at a time, in the order they are called.
public actor Programmer {
    /// What the device reported on identify.
    public nonisolated let identity: DeviceIdentity
    /// The session's role.
    public nonisolated let role: Role
    /// The limits the host validates against (those of the device's profile).
    public nonisolated let limits: DeviceLimits
    let link: FrameLink
    let key: DeviceKey
    let logger: Logger
    /// The state last read from the device.
    public private(set) var lastState: DeviceState
    /// The impedances last measured in this session, used by the host's validation.
    public private(set) var measuredImpedances = MeasuredImpedances.none
    private var isBusy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    private init(
        identity: DeviceIdentity, role: Role, limits: DeviceLimits, link: FrameLink, key: DeviceKey,
        state: DeviceState, logger: Logger
    ) {
        self.identity = identity
        self.role = role
        self.limits = limits
        self.link = link
        self.key = key
        self.logger = logger
        lastState = state
    }

    /// Connects to the device behind `transport`: identifies it, checks its protocol version, looks up
    /// its limits with `limits` (nil: unknown device), authenticates a session in `role` with `key`, and
    /// reads its state.
    ///
    /// - Throws: `protocolMismatch`, `unknownDevice`, `unauthorized`, or what the exchanges throw.
    public static func connect(
        over transport: any Transport, role: Role, key: DeviceKey,
        limits: @Sendable (DeviceIdentity) -> DeviceLimits?,
        configuration: ProgrammerConfiguration = ProgrammerConfiguration(),
        logger: Logger = Logger(label: "scs.programmer", factory: { _ in SwiftLogNoOpLogHandler() })
    ) async throws(ProgrammerError) -> Programmer {
        let link = FrameLink(transport: transport, configuration: configuration, logger: logger)
        guard case .identify(let identity) = try await link.exchange(.identify) else {
            throw .invalidReply("identify answered with another reply")
        }
        guard identity.protocolVersions.contains(Frame.protocolVersion) else {
            throw .protocolMismatch(deviceVersions: identity.protocolVersions)
        }
        guard let deviceLimits = limits(identity) else { throw .unknownDevice(profileID: identity.profileID) }
        try await link.openSession(role: role, key: key)
        guard case .readState(let state) = try await link.exchange(.readState) else {
            throw .invalidReply("readState answered with another reply")
        }
        logger.info("connected to \(identity.model) \(identity.serial) as \(role)")
        return Programmer(
            identity: identity, role: role, limits: deviceLimits, link: link, key: key, state: state, logger: logger)
    }

    /// Connects to a device whose limits are known in advance (`limits`); any profile id is accepted.
    public static func connect(
        over transport: any Transport, role: Role, key: DeviceKey, limits: DeviceLimits,
        configuration: ProgrammerConfiguration = ProgrammerConfiguration(),
        logger: Logger = Logger(label: "scs.programmer", factory: { _ in SwiftLogNoOpLogHandler() })
    ) async throws(ProgrammerError) -> Programmer {
        try await connect(
            over: transport, role: role, key: key, limits: { _ in limits }, configuration: configuration,
            logger: logger)
    }

    /// Ends the session (best effort) and closes the transport.
    public func close() async {
        await acquire()
        defer { release() }
        try? await link.closeSession()
        await link.transport.close()
    }

    // MARK: One operation at a time

    func acquire() async {
        if isBusy {
            await withCheckedContinuation { waiters.append($0) }
        } else {
            isBusy = true
        }
    }

    func release() {
        if waiters.isEmpty {
            isBusy = false
        } else {
            waiters.removeFirst().resume()
        }
    }

    // MARK: Helpers for the operations

    /// Reads the state and keeps it as `lastState`.
    func fetchState() async throws(ProgrammerError) -> DeviceState {
        guard case .readState(let state) = try await link.exchange(.readState) else {
            throw .invalidReply("readState answered with another reply")
        }
        lastState = state
        return state
    }

    /// Sends `request`, which must be answered by a reply of its own type with no data.
    func command(_ request: Request) async throws(ProgrammerError) {
        guard role.isPermitted(request.type) else { throw .notPermitted(request.type) }
        let reply = try await link.exchange(request)
        guard reply.type == request.type else { throw .invalidReply("\(request.type) answered with \(reply.type)") }
    }

    func remember(_ measurement: ImpedanceMeasurement) {
        measuredImpedances = MeasuredImpedances(measurement)
    }
}
