/// Sixteen random bytes used once: the device's challenge or the host's contribution to a proof.
public struct Nonce: Hashable, Sendable {
    /// The length of every nonce.
    public static let length = 16

    /// The nonce's bytes, exactly `length` of them.
    public let bytes: [UInt8]

    /// A nonce from exactly 16 bytes; nil for any other count.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == Nonce.length else { return nil }
        self.bytes = Array(bytes)
    }

    /// A fresh nonce from `generator` (pass `SystemRandomNumberGenerator` outside tests).
    public static func random(using generator: inout some RandomNumberGenerator) -> Nonce {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(length)
        for _ in 0..<length / 8 {
            withUnsafeBytes(of: generator.next().littleEndian) { bytes.append(contentsOf: $0) }
        }
        return Nonce(read: bytes)
    }

    /// For the reader and `random`, which produce exactly `length` bytes.
    init(read bytes: [UInt8]) { self.bytes = bytes }
}

extension ByteReader {
    mutating func readNonce(field: String) throws(PayloadError) -> Nonce {
        Nonce(read: try readBytes(Nonce.length, field: field))
    }
}
