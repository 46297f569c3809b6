import StimProtocol
import Testing

@Suite("CRC-32/ISO-HDLC")
struct CRC32Tests {
    @Test("the check value of \"123456789\" is 0xCBF43926")
    func checkValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test(
        "known answers match the reference implementation",
        arguments: [
            ("", UInt32(0)),
            ("a", 0xE8B7_BE43),
            ("The quick brown fox jumps over the lazy dog", 0x414F_A339),
        ])
    func knownAnswers(text: String, expected: UInt32) {
        #expect(CRC32.checksum(Array(text.utf8)) == expected)
    }
}
