/// Why a device refused a request: the code of an error reply.
///
/// An open set: a code from a newer device decodes as a value without a name rather than failing.
public struct ErrorCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// The request's message type is not one the device knows.
    public static let unknownMessageType = ErrorCode(rawValue: 1)
    /// The payload did not decode as the request of its type.
    public static let malformedPayload = ErrorCode(rawValue: 2)
    /// The frame names no open session (none, unknown, closed, or not yet authenticated).
    public static let noSession = ErrorCode(rawValue: 3)
    /// The host's proof did not verify; the pending session is closed.
    public static let authenticationFailed = ErrorCode(rawValue: 4)
    /// The session's role may not send this request.
    public static let notPermitted = ErrorCode(rawValue: 5)
    /// The sequence number is old or was used already in this session.
    public static let replayed = ErrorCode(rawValue: 6)
    /// The safety core rejected the request; the reply lists the rule ids with errors.
    public static let safetyRejected = ErrorCode(rawValue: 7)
    /// The safety core found warnings the request did not acknowledge; the reply lists them.
    public static let unacknowledgedWarnings = ErrorCode(rawValue: 8)
    /// The slot number is not one of the device's slots.
    public static let noSuchSlot = ErrorCode(rawValue: 9)
    /// The slot holds no program.
    public static let slotEmpty = ErrorCode(rawValue: 10)
    /// The slot is disabled, so a patient may not activate it.
    public static let slotDisabled = ErrorCode(rawValue: 11)
    /// Stimulation cannot start: the battery is empty.
    public static let batteryEmpty = ErrorCode(rawValue: 12)
    /// The event log range starts past the end of the log.
    public static let logRangeInvalid = ErrorCode(rawValue: 13)
    /// The device cannot take the request now; the same request may be retried.
    public static let busy = ErrorCode(rawValue: 14)
    /// The device failed in a way the request did not cause.
    public static let internalFault = ErrorCode(rawValue: 15)
    /// The request carries no MAC, or not the one its session's key gives: the device did nothing, and
    /// the session, its sequence numbers included, is as it was. Sent without a MAC.
    public static let unauthenticated = ErrorCode(rawValue: 16)
    /// The frame is laid out in a protocol version the device does not speak; the refusal is laid out
    /// in that version, and identify in that version answers with the version the device speaks.
    public static let unsupportedVersion = ErrorCode(rawValue: 17)
    /// A setClock to an instant outside the clock's range, 2000-01-01 to 2200-01-01 (UTC); the clock is
    /// unchanged.
    public static let clockOutOfRange = ErrorCode(rawValue: 18)

    /// Every code this protocol version defines.
    public static let known: [ErrorCode] = (1...18).map { ErrorCode(rawValue: $0) }

    /// The code's name as used in `docs/protocol.md`, nil for a code this version does not define.
    public var name: String? {
        switch rawValue {
        case 1: "unknownMessageType"
        case 2: "malformedPayload"
        case 3: "noSession"
        case 4: "authenticationFailed"
        case 5: "notPermitted"
        case 6: "replayed"
        case 7: "safetyRejected"
        case 8: "unacknowledgedWarnings"
        case 9: "noSuchSlot"
        case 10: "slotEmpty"
        case 11: "slotDisabled"
        case 12: "batteryEmpty"
        case 13: "logRangeInvalid"
        case 14: "busy"
        case 15: "internalFault"
        case 16: "unauthenticated"
        case 17: "unsupportedVersion"
        case 18: "clockOutOfRange"
        default: nil
        }
    }

    public var description: String { name ?? "error(" + String(rawValue) + ")" }
}
