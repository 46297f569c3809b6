/// Why a payload could not be read as the message its frame announced.
public enum PayloadError: Error, Hashable, Sendable {
    /// The payload ended before `field`.
    case truncated(field: String)
    /// The payload goes on after its last field.
    case trailingBytes(count: Int)
    /// A code, flag or count that the format does not define (reserved bits set included).
    case invalidValue(field: String, value: Int)
    /// A string field that is not valid UTF-8.
    case invalidUTF8(field: String)
    /// A request or reply of a type this protocol version does not define.
    case unknownMessageType(MessageType)
}
