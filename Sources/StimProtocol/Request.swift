import StimSafety

/// A command from the host, one case per request message type.
///
/// Payload layouts are in `docs/protocol.md`, "Messages"; every payload has exactly one encoding,
/// and decoding refuses truncated, overlong and invalid payloads with a `PayloadError`.
public enum Request: Hashable, Sendable {
    /// Asks what the device is. Empty payload.
    case identify
    /// Asks for a session in `role`. Payload: role (UInt8: 1 clinician, 2 patient).
    case openSession(Role)
    /// Answers the challenge, in the reserved session. Payload: `HostResponse`.
    case authenticate(HostResponse)
    /// Ends the session. Empty payload.
    case closeSession
    /// Reads slots, programs, therapy state, amplitudes and battery. Empty payload.
    case readState
    /// Writes a program into a slot. Payload: `ProgramWrite`.
    case writeProgram(ProgramWrite)
    /// Makes a slot the running one. Payload: slot (UInt8, 1…255).
    case activateSlot(Slot)
    /// Switches therapy on (true) or off. Payload: UInt8 0/1.
    case setTherapy(Bool)
    /// Sets the running program's amplitude (absolute, so a retried request changes nothing more),
    /// with the warnings the clinician acknowledged at it. Payload: amplitude nA (Int64), then, only
    /// when some warning is acknowledged, the acknowledged list of a writeProgram.
    case adjustAmplitude(Nanoamps, acknowledged: RuleSet = [])
    /// Measures every contact and the case. Empty payload.
    case measureImpedance
    /// Reads the battery. Empty payload.
    case readBattery
    /// Reads a chunk of the event log. Payload: `LogRange`.
    case readEventLog(LogRange)
    /// Sets the device clock. Payload: nanoseconds since 1970-01-01T00:00:00Z (Int64).
    case setClock(epochNanoseconds: Int64)

    /// The message type of the frame that carries this request.
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

    /// The payload bytes.
    public func encodedPayload() throws(EncodeError) -> [UInt8] {
        var writer = ByteWriter()
        switch self {
        case .identify, .closeSession, .readState, .measureImpedance, .readBattery:
            break
        case .openSession(let role):
            writer.write(role.rawValue)
        case .authenticate(let response):
            writer.write(contentsOf: response.hostNonce.bytes)
            writer.write(contentsOf: response.proof.bytes)
        case .writeProgram(let write):
            try writer.write(write)
        case .activateSlot(let slot):
            try writer.write(slot, field: "slot")
        case .setTherapy(let isOn):
            writer.write(isOn)
        case .adjustAmplitude(let amplitude, let acknowledged):
            writer.write(amplitude.rawValue)
            if !acknowledged.isEmpty { try writer.write(acknowledged: acknowledged) }
        case .readEventLog(let range):
            writer.write(range.offset)
            writer.write(range.length)
        case .setClock(let nanoseconds):
            writer.write(nanoseconds)
        }
        guard writer.bytes.count <= Frame.maximumPayloadLength else {
            throw .payloadTooLarge(length: writer.bytes.count, limit: Frame.maximumPayloadLength)
        }
        return writer.bytes
    }

    /// Reads the request of `type` from `payload`.
    public init(type: MessageType, payload: some Collection<UInt8>) throws(PayloadError) {
        var reader = ByteReader(payload)
        switch type {
        case .identify: self = .identify
        case .openSession: self = .openSession(try reader.readRole())
        case .authenticate: self = .authenticate(try reader.readHostResponse())
        case .closeSession: self = .closeSession
        case .readState: self = .readState
        case .writeProgram: self = .writeProgram(try reader.readProgramWrite())
        case .activateSlot: self = .activateSlot(try reader.readSlotNumber(field: "slot"))
        case .setTherapy: self = .setTherapy(try reader.readBool(field: "therapy"))
        case .adjustAmplitude:
            let amplitude = Nanoamps(rawValue: try reader.read(field: "amplitude"))
            var acknowledged: RuleSet = []
            if reader.remaining > 0 {
                acknowledged = try reader.readAcknowledged()
                // An empty list is written by leaving it out, so that every request has one encoding.
                guard !acknowledged.isEmpty else { throw .invalidValue(field: "acknowledged count", value: 0) }
            }
            self = .adjustAmplitude(amplitude, acknowledged: acknowledged)
        case .measureImpedance: self = .measureImpedance
        case .readBattery: self = .readBattery
        case .readEventLog:
            let offset: UInt64 = try reader.read(field: "log offset")
            self = .readEventLog(LogRange(offset: offset, length: try reader.read(field: "log length")))
        case .setClock: self = .setClock(epochNanoseconds: try reader.read(field: "clock"))
        default: throw .unknownMessageType(type)
        }
        try reader.finish()
    }
}
