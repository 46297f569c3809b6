/// CRC-32/ISO-HDLC (the CRC of Ethernet, zip and PNG): reflected polynomial 0x04C11DB7 (0xEDB88320
/// reversed), initial value 0xFFFFFFFF, final XOR 0xFFFFFFFF.
///
/// Its check value, the CRC of the ASCII bytes "123456789", is 0xCBF43926. The table is computed
/// once, here, rather than copied.
public enum CRC32 {
    /// The checksum of `bytes`.
    public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = crc32Table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }
}

/// For each byte value, the remainder of shifting it through the reflected polynomial eight times.
private let crc32Table: [UInt32] = (0..<256).map { (index: Int) -> UInt32 in
    var remainder = UInt32(index)
    for _ in 0..<8 {
        remainder = remainder & 1 == 1 ? (remainder >> 1) ^ 0xEDB8_8320 : remainder >> 1
    }
    return remainder
}
