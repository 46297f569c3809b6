/// The 32-byte HMAC-SHA256 value a side sends to prove it holds the key.
///
/// `==` (for tests and `Hashable`) is an ordinary comparison; verification never uses it and
/// compares in constant time instead (`ChallengeResponse`).
public struct AuthenticationCode: Hashable, Sendable {
    /// The length of every code.
    public static let length = 32

    /// The code's bytes, exactly `length` of them.
    public let bytes: [UInt8]

    /// A code from exactly 32 bytes; nil for any other count.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == AuthenticationCode.length else { return nil }
        self.bytes = Array(bytes)
    }

    /// For the reader and the HMAC, which produce exactly `length` bytes.
    init(read bytes: [UInt8]) { self.bytes = bytes }
}

extension ByteReader {
    mutating func readCode(field: String) throws(PayloadError) -> AuthenticationCode {
        AuthenticationCode(read: try readBytes(AuthenticationCode.length, field: field))
    }
}
