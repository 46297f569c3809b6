/// Appends little-endian fields to a growing byte array.
struct ByteWriter {
    private(set) var bytes: [UInt8]

    init(capacity: Int = 64) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    @inline(__always)
    mutating func write(_ byte: UInt8) { bytes.append(byte) }

    @inline(__always)
    mutating func write<Integer: FixedWidthInteger>(_ value: Integer) {
        var remaining = value.littleEndian
        withUnsafeBytes(of: &remaining) { bytes.append(contentsOf: $0) }
    }

    @inline(__always)
    mutating func write(_ flag: Bool) { bytes.append(flag ? 1 : 0) }

    mutating func write(contentsOf other: some Sequence<UInt8>) { bytes.append(contentsOf: other) }

    /// Writes a count that the format holds in one byte.
    mutating func writeCount(_ count: Int, field: String) throws(EncodeError) {
        guard count <= Int(UInt8.max) else {
            throw .tooManyEntries(field: field, count: count, limit: Int(UInt8.max))
        }
        write(UInt8(count))
    }

    /// Writes a string as a one-byte length followed by its UTF-8 bytes.
    mutating func write(_ text: String, field: String) throws(EncodeError) {
        let length = text.utf8.count
        guard length <= Int(UInt8.max) else {
            throw .stringTooLong(field: field, length: length, limit: Int(UInt8.max))
        }
        write(UInt8(length))
        write(contentsOf: text.utf8)
    }
}
