import StimSafety

/// A successful answer from the device, one case per message type. Refusals are `ErrorReply`s.
///
/// Payload layouts are in `docs/protocol.md`, "Messages"; replies without data have an empty payload.
public enum Reply: Hashable, Sendable {
    /// Payload: `DeviceIdentity`.
    case identify(DeviceIdentity)
    /// Payload: `SessionChallenge`.
    case openSession(SessionChallenge)
    /// The device's proof that it holds the key too; the session is open. Payload: 32 bytes.
    case authenticate(deviceProof: AuthenticationCode)
    case closeSession
    /// Payload: `DeviceState`.
    case readState(DeviceState)
    /// The program was validated and stored.
    case writeProgram
    case activateSlot
    case setTherapy
    /// The amplitude the device now ramps towards. Payload: amplitude nA (Int64).
    case adjustAmplitude(Nanoamps)
    /// Payload: the measurement of every contact, the case included.
    case measureImpedance(ImpedanceMeasurement)
    /// Payload: `BatteryStatus`.
    case readBattery(BatteryStatus)
    /// Payload: `LogChunk`.
    case readEventLog(LogChunk)
    case setClock

    /// The message type of the frame that carries this reply (that of the request it answers).
    public var type: MessageType {
        switch self {
        case .identify: .identify
        case .openSession: .openSession
        case .authenticate: .authenticate
        case .closeSession: .closeSession
        case .readState: .readState
        case .writeProgram: .writeProgram
        case .activateSlot: .activateSlot
        case .setTherapy: .setTherapy
        case .adjustAmplitude: .adjustAmplitude
        case .measureImpedance: .measureImpedance
        case .readBattery: .readBattery
        case .readEventLog: .readEventLog
        case .setClock: .setClock
        }
    }

    /// The payload bytes, in the form of protocol `version` (only identify's differs between versions).
    public func encodedPayload(version: UInt8 = Frame.protocolVersion) throws(EncodeError) -> [UInt8] {
        var writer = ByteWriter()
        switch self {
        case .closeSession, .writeProgram, .activateSlot, .setTherapy, .setClock:
            break
        case .identify(let identity):
            try writer.write(identity, version: version)
        case .openSession(let challenge):
            guard challenge.session != .none else { throw .valueOutOfRange(field: "session", value: 0) }
            writer.write(challenge.session.rawValue)
            writer.write(contentsOf: challenge.deviceNonce.bytes)
        case .authenticate(let proof):
            writer.write(contentsOf: proof.bytes)
        case .readState(let state):
            try writer.write(state)
        case .adjustAmplitude(let amplitude):
            writer.write(amplitude.rawValue)
        case .measureImpedance(let impedances):
            try writer.write(impedances)
        case .readBattery(let battery):
            try writer.write(battery)
        case .readEventLog(let chunk):
            try writer.write(chunk)
        }
        guard writer.bytes.count <= Frame.maximumPayloadLength else {
            throw .payloadTooLarge(length: writer.bytes.count, limit: Frame.maximumPayloadLength)
        }
        return writer.bytes
    }

    /// Reads the reply of `type` from `payload`, in the form of protocol `version`.
    public init(
        type: MessageType, payload: some Collection<UInt8>, version: UInt8 = Frame.protocolVersion
    ) throws(PayloadError) {
        var reader = ByteReader(payload)
        switch type {
        case .identify: self = .identify(try reader.readIdentity(version: version))
        case .openSession: self = .openSession(try reader.readChallenge())
        case .authenticate: self = .authenticate(deviceProof: try reader.readCode(field: "device proof"))
        case .closeSession: self = .closeSession
        case .readState: self = .readState(try reader.readState())
        case .writeProgram: self = .writeProgram
        case .activateSlot: self = .activateSlot
        case .setTherapy: self = .setTherapy
        case .adjustAmplitude: self = .adjustAmplitude(Nanoamps(rawValue: try reader.read(field: "amplitude")))
        case .measureImpedance: self = .measureImpedance(try reader.readImpedances())
        case .readBattery: self = .readBattery(try reader.readBattery())
        case .readEventLog: self = .readEventLog(try reader.readLogChunk())
        case .setClock: self = .setClock
        default: throw .unknownMessageType(type)
        }
        try reader.finish()
    }
}
