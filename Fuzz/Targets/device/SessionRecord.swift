import FuzzSupport
import StimProtocol

/// One request of the device target's session mode, read from the input as a type byte, a control
/// byte, a length byte and that many payload bytes.
///
/// The control byte says how the request is sent: bits 0–2 advance the device's clock by 4ⁿ seconds
/// first (n > 0, up to about 4.5 hours, so ramps, cycling and the battery move); bits 3–4 choose the
/// sequence number (the next, the previous again as a retry, one below the previous, or 1000 ahead);
/// bit 5 sends it under another session's id; bit 6 sends it without the session's MAC.
struct SessionRecord {
    enum Sequence: UInt8 {
        case next, retry, stale, jump
    }

    var type: MessageType
    var clockAdvanceSeconds: Int64
    var sequence: Sequence
    var isForeignSession: Bool
    var isAuthenticated: Bool
    var payload: [UInt8]

    /// The next record, nil when the input has no whole header left.
    init?(_ cursor: inout InputCursor) {
        guard let type = cursor.byte(), let control = cursor.byte(), let length = cursor.byte() else { return nil }
        self.type = MessageType(rawValue: type)
        let exponent = Int64(control & 0b111)
        clockAdvanceSeconds = exponent == 0 ? 0 : 1 << (2 * exponent)
        sequence = Sequence(rawValue: (control >> 3) & 0b11) ?? .next
        isForeignSession = control & 0b10_0000 != 0
        isAuthenticated = control & 0b100_0000 == 0
        payload = Array(cursor.bytes(upTo: Int(length)))
    }

    /// The record that sends `request` as the next request of the session.
    init(_ request: Request, clockAdvanceSeconds exponent: UInt8 = 0) throws {
        type = request.type
        clockAdvanceSeconds = exponent == 0 ? 0 : 1 << (2 * Int64(exponent))
        sequence = .next
        isForeignSession = false
        isAuthenticated = true
        payload = try request.encodedPayload()
    }

    /// The record's input bytes.
    var encoded: [UInt8] {
        let exponent = clockAdvanceSeconds == 0 ? 0 : UInt8((clockAdvanceSeconds.trailingZeroBitCount / 2) & 0b111)
        let control =
            exponent | sequence.rawValue << 3 | (isForeignSession ? 0b10_0000 : 0) | (isAuthenticated ? 0 : 0b100_0000)
        return [type.rawValue, control, UInt8(min(payload.count, 255))] + payload.prefix(255)
    }
}
