/// Reads little-endian fields from a payload, failing with the field's name when bytes run out.
struct ByteReader {
    private let bytes: [UInt8]
    private var index: Int

    init(_ bytes: some Collection<UInt8>) {
        self.bytes = Array(bytes)
        index = 0
    }

    /// How many bytes are left.
    var remaining: Int { bytes.count - index }

    @inline(__always)
    mutating func read<Integer: FixedWidthInteger>(
        _: Integer.Type = Integer.self, field: String
    ) throws(PayloadError) -> Integer {
        let size = MemoryLayout<Integer>.size
        guard remaining >= size else { throw .truncated(field: field) }
        var value = Integer.zero
        for offset in 0..<size {
            value |= Integer(truncatingIfNeeded: bytes[index + offset]) << (8 * offset)
        }
        index += size
        return value
    }

    /// Reads a byte that must be 0 or 1.
    mutating func readBool(field: String) throws(PayloadError) -> Bool {
        let byte: UInt8 = try read(field: field)
        guard byte <= 1 else { throw .invalidValue(field: field, value: Int(byte)) }
        return byte == 1
    }

    mutating func readBytes(_ count: Int, field: String) throws(PayloadError) -> [UInt8] {
        guard count >= 0, remaining >= count else { throw .truncated(field: field) }
        defer { index += count }
        return Array(bytes[index..<index + count])
    }

    /// Reads a one-byte length followed by that many bytes of UTF-8.
    mutating func readString(field: String) throws(PayloadError) -> String {
        let length: UInt8 = try read(field: field)
        let utf8 = try readBytes(Int(length), field: field)
        guard let text = String(validating: utf8, as: UTF8.self) else { throw .invalidUTF8(field: field) }
        return text
    }

    /// Fails when bytes are left over: a payload longer than its fields is refused, not ignored.
    func finish() throws(PayloadError) {
        guard remaining == 0 else { throw .trailingBytes(count: remaining) }
    }
}
