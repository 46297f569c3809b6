/// The wire form of every sample in `Samples.frames`, frozen: the header field by field (magic,
/// version, type, flags, reserved, sequence, session, payload length), the payload in rows of 32 bytes,
/// then the CRC. Each was checked against the layout of `docs/protocol.md` and its CRC against an
/// independent CRC-32/ISO-HDLC (zlib). A change here is a protocol change and needs a new version.
enum GoldenFrames {
    static let hex: [String: String] = [
        "request identify": """
        c55c 01 01 00 00 01000000 00000000 0000
        56935680
        """,
        "request openSession": """
        c55c 01 02 00 00 02000000 00000000 0100
        01
        a454ccc3
        """,
        "request authenticate": """
        c55c 01 03 00 00 03000000 0d0c0b0a 3000
        f0efeeedecebeae9e8e7e6e5e4e3e2e101080f161d242b323940474e555c636a
        71787f868d949ba2a9b0b7bec5ccd3da
        509e73c0
        """,
        "request closeSession": """
        c55c 01 04 00 00 04000000 0d0c0b0a 0000
        0917a8d8
        """,
        "request readState": """
        c55c 01 10 00 00 05000000 0d0c0b0a 0000
        7bb0d443
        """,
        "request writeProgram": """
        c55c 01 11 00 00 06000000 0d0c0b0a 7a00
        02020d0e1fd01213000000000040420f00000000000140787d01000000000101
        050000000000000020a1070000000000204e0000000000003075000000000000
        905f01000000000040420f000000000060e316000000000003000300a015ffff
        ffffffff000400c063ffffffffffff010000a086010000000000
        b3222605
        """,
        "request activateSlot": """
        c55c 01 12 00 00 07000000 0d0c0b0a 0100
        01
        44b451da
        """,
        "request setTherapy": """
        c55c 01 13 00 00 08000000 0d0c0b0a 0100
        01
        f4a1a6d4
        """,
        "request adjustAmplitude": """
        c55c 01 14 00 00 09000000 0d0c0b0a 0800
        20aa440000000000
        e6fa22b1
        """,
        "request measureImpedance": """
        c55c 01 20 00 00 0a000000 0d0c0b0a 0000
        d906a6b5
        """,
        "request readBattery": """
        c55c 01 21 00 00 0b000000 0d0c0b0a 0000
        62b4f287
        """,
        "request readEventLog": """
        c55c 01 22 00 00 0c000000 0d0c0b0a 0a00
        00100000000000000004
        461bd405
        """,
        "request setClock": """
        c55c 01 30 00 00 0d000000 0d0c0b0a 0800
        0000faed51728618
        fce0e38f
        """,
        "reply identify": """
        c55c 01 01 01 00 01000000 00000000 2100
        0108746f6e69632d313608546f6e696320313607534e2d3030303105312e322e
        30
        938e1282
        """,
        "reply openSession": """
        c55c 01 02 01 00 02000000 00000000 1400
        0d0c0b0a000102030405060708090a0b0c0d0e0f
        4b683ff4
        """,
        "reply authenticate": """
        c55c 01 03 01 00 03000000 0d0c0b0a 2000
        01080f161d242b323940474e555c636a71787f868d949ba2a9b0b7bec5ccd3da
        bf3f0461
        """,
        "reply closeSession": """
        c55c 01 04 01 00 04000000 0d0c0b0a 0000
        665b0d43
        """,
        "reply readState": """
        c55c 01 10 01 00 05000000 0d0c0b0a 5400
        0300a025260000000000c0c62d0000000000400a0f0000000000000102000300
        c0c62d0000000000503403000000000000409c00000000000000000200010060
        79feffffffffff000200a0860100000000000100
        b95ee1c4
        """,
        "reply writeProgram": """
        c55c 01 11 01 00 06000000 0d0c0b0a 0000
        929ed0ee
        """,
        "reply activateSlot": """
        c55c 01 12 01 00 07000000 0d0c0b0a 0000
        6299d8bc
        """,
        "reply setTherapy": """
        c55c 01 13 01 00 08000000 0d0c0b0a 0000
        6a1b4590
        """,
        "reply adjustAmplitude": """
        c55c 01 14 01 00 09000000 0d0c0b0a 0800
        20aa440000000000
        a0c145d4
        """,
        "reply measureImpedance": """
        c55c 01 20 01 00 0a000000 0d0c0b0a 2200
        0300010020830c0000000000000200fcf30f0000000000010000f04902000000
        0000
        f6aecb94
        """,
        "reply readBattery": """
        c55c 01 21 01 00 0b000000 0d0c0b0a 0a00
        400a0f00000000000001
        44c9438b
        """,
        "reply readEventLog": """
        c55c 01 22 01 00 0c000000 0d0c0b0a 1d00
        00100000000000000e10000000000000010a007b2274223a2278227d0a
        56f98967
        """,
        "reply setClock": """
        c55c 01 30 01 00 0d000000 0d0c0b0a 0000
        15f7d878
        """,
        "error safetyRejected": """
        c55c 01 11 03 00 63000000 0d0c0b0a 0500
        0700020e0d
        ede324db
        """,
        "error unknownMessageType": """
        c55c 01 7f 03 00 63000000 0d0c0b0a 0300
        010000
        35733c8c
        """,
        "error notPermitted": """
        c55c 01 30 03 00 63000000 0d0c0b0a 0300
        050000
        294aa12b
        """,
    ]
}
