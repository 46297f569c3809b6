/// The message type byte of a frame: which command a request carries and which reply answers it.
///
/// An open set, so that a frame of a type this version does not know can still be described (and
/// answered with an error reply echoing its type) instead of failing to exist.
public struct MessageType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Model, serial, firmware and protocol version of the device.
    public static let identify = MessageType(rawValue: 0x01)
    /// Asks for a session in a role; the reply carries the device's challenge.
    public static let openSession = MessageType(rawValue: 0x02)
    /// Answers the challenge; the reply proves the device knows the key too.
    public static let authenticate = MessageType(rawValue: 0x03)
    /// Ends the session.
    public static let closeSession = MessageType(rawValue: 0x04)
    /// Slots and their programs, active slot, therapy state, amplitudes, battery.
    public static let readState = MessageType(rawValue: 0x10)
    /// Writes a program into a slot.
    public static let writeProgram = MessageType(rawValue: 0x11)
    /// Makes a slot the running one.
    public static let activateSlot = MessageType(rawValue: 0x12)
    /// Switches therapy on or off.
    public static let setTherapy = MessageType(rawValue: 0x13)
    /// Sets the amplitude of the running program.
    public static let adjustAmplitude = MessageType(rawValue: 0x14)
    /// Measures the impedance of every contact and the case.
    public static let measureImpedance = MessageType(rawValue: 0x20)
    /// Reads the battery.
    public static let readBattery = MessageType(rawValue: 0x21)
    /// Reads a chunk of the event log.
    public static let readEventLog = MessageType(rawValue: 0x22)
    /// Sets the device clock.
    public static let setClock = MessageType(rawValue: 0x30)

    /// Every type this protocol version defines, in wire order.
    public static let known: [MessageType] = [
        .identify, .openSession, .authenticate, .closeSession, .readState, .writeProgram, .activateSlot,
        .setTherapy, .adjustAmplitude, .measureImpedance, .readBattery, .readEventLog, .setClock,
    ]

    /// Whether frames of this type belong to the session handshake (identify, openSession, authenticate),
    /// which happens before a session key exists: they travel without a MAC. Every other frame
    /// travels inside a session and carries the MAC of its session key.
    public var isHandshake: Bool {
        self == .identify || self == .openSession || self == .authenticate
    }

    /// Whether this protocol version defines the type.
    public var isKnown: Bool { name != nil }

    /// The type's name as used in `docs/protocol.md`, nil for a type this version does not define.
    public var name: String? {
        switch rawValue {
        case 0x01: "identify"
        case 0x02: "openSession"
        case 0x03: "authenticate"
        case 0x04: "closeSession"
        case 0x10: "readState"
        case 0x11: "writeProgram"
        case 0x12: "activateSlot"
        case 0x13: "setTherapy"
        case 0x14: "adjustAmplitude"
        case 0x20: "measureImpedance"
        case 0x21: "readBattery"
        case 0x22: "readEventLog"
        case 0x30: "setClock"
        default: nil
        }
    }

    public var description: String {
        name ?? "unknown(0x" + String(rawValue, radix: 16, uppercase: true) + ")"
    }
}
