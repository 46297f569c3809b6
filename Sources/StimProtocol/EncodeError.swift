/// Why a message or frame could not be put on the wire.
public enum EncodeError: Error, Hashable, Sendable {
    /// The payload is longer than a frame can carry.
    case payloadTooLarge(length: Int, limit: Int)
    /// A list has more entries than its one-byte count can say.
    case tooManyEntries(field: String, count: Int, limit: Int)
    /// A string's UTF-8 form is longer than its one-byte length can say.
    case stringTooLong(field: String, length: Int, limit: Int)
    /// A number does not fit the field's wire width.
    case valueOutOfRange(field: String, value: Int)
    /// A contact key that names neither a lead contact nor the case has no wire form.
    case unencodableContact(String)
}
