/// The wire form of every sample in `Samples.frames`, frozen: the header field by field (magic,
/// version, type, flags, reserved, sequence, session, payload length), the payload in rows of 32 bytes,
/// the MAC when the frame has one, then the CRC.
///
/// Derived independently of this code: from version 1's golden frames (whose payloads were checked
/// against the layout of `docs/protocol.md`), with Python's `hmac`, `hashlib` and `zlib`, HKDF written
/// out as RFC 5869 defines it, for the key "a device key of thirty-two bytes", the clinician role,
/// session 0x0A0B0C0D, device nonce 00 01 … 0f and host nonce f0 ef … e1 (session key
/// 394108e8…125ad4a0). A change here is a protocol change and needs a new version.
enum GoldenFrames {
    static let hex: [String: String] = [
        "request identify": """
        c55c 02 01 00 00 01000000 00000000 0000
        8db637fc
        """,
        "request openSession": """
        c55c 02 02 00 00 02000000 00000000 0100
        01
        dd3eb1d2
        """,
        "request authenticate": """
        c55c 02 03 00 00 03000000 0d0c0b0a 3000
        f0efeeedecebeae9e8e7e6e5e4e3e2e101080f161d242b323940474e555c636a
        71787f868d949ba2a9b0b7bec5ccd3da
        81b82ec1
        """,
        "request closeSession": """
        c55c 02 04 04 00 04000000 0d0c0b0a 0000
        bbe4ca8af44c0b917a7e8d5147686d50
        051439ba
        """,
        "request readState": """
        c55c 02 10 04 00 05000000 0d0c0b0a 0000
        1222357fd9f91efa76b42e9fec78b035
        77361a4a
        """,
        "request writeProgram": """
        c55c 02 11 04 00 06000000 0d0c0b0a 7a00
        02020d0e1fd01213000000000040420f00000000000140787d01000000000101
        050000000000000020a1070000000000204e0000000000003075000000000000
        905f01000000000040420f000000000060e316000000000003000300a015ffff
        ffffffff000400c063ffffffffffff010000a086010000000000
        fb9562c44ef6e19f16f7fa9a69f10d93
        d6cfb787
        """,
        "request activateSlot": """
        c55c 02 12 04 00 07000000 0d0c0b0a 0100
        01
        aa14e921c176c999835b942462c55c38
        9be5b784
        """,
        "request setTherapy": """
        c55c 02 13 04 00 08000000 0d0c0b0a 0100
        01
        38c1ef5dcc6fabc7259b1a46551652be
        bb916585
        """,
        "request adjustAmplitude": """
        c55c 02 14 04 00 09000000 0d0c0b0a 0800
        20aa440000000000
        d16b1ae2bb747e5c1887f0e401c59305
        bc58a512
        """,
        "request adjustAmplitude acknowledged": """
        c55c 02 14 04 00 0e000000 0d0c0b0a 0b00
        4054890000000000 02 0d0e
        e5a86d52d55c409bf3c56fe8b0a8fee3
        b611239f
        """,
        "request measureImpedance": """
        c55c 02 20 04 00 0a000000 0d0c0b0a 0000
        12565001ef1f7e3492c6f2d2c4543ff9
        c9610805
        """,
        "request readBattery": """
        c55c 02 21 04 00 0b000000 0d0c0b0a 0000
        6c83137a4973dff03786abc3b59fac99
        2ebb3e0a
        """,
        "request readEventLog": """
        c55c 02 22 04 00 0c000000 0d0c0b0a 0a00
        00100000000000000004
        ff7e467226588a9f6bc10351d3a75a79
        45fd956b
        """,
        "request setClock": """
        c55c 02 30 04 00 0d000000 0d0c0b0a 0800
        0000faed51728618
        a309cff595f23d4c9dcc96bf35c242ca
        714d8948
        """,
        "reply identify": """
        c55c 02 01 01 00 01000000 00000000 2200
        010208746f6e69632d313608546f6e696320313607534e2d3030303105312e32
        2e30
        158f0d3f
        """,
        "reply openSession": """
        c55c 02 02 01 00 02000000 00000000 1400
        0d0c0b0a000102030405060708090a0b0c0d0e0f
        119bb999
        """,
        "reply authenticate": """
        c55c 02 03 01 00 03000000 0d0c0b0a 2000
        01080f161d242b323940474e555c636a71787f868d949ba2a9b0b7bec5ccd3da
        0a935ee1
        """,
        "reply closeSession": """
        c55c 02 04 05 00 04000000 0d0c0b0a 0000
        fb1147b4d3a1f6353b3cdbbf0cbe874a
        93bd381c
        """,
        "reply readState": """
        c55c 02 10 05 00 05000000 0d0c0b0a 5400
        0301a025260000000000c0c62d0000000000400a0f0000000000000102010300
        c0c62d0000000000503403000000000000409c00000000000000000200010060
        79feffffffffff000200a0860100000000000200
        4836a7c105f49805b192cfd019752144
        69138fd8
        """,
        "reply writeProgram": """
        c55c 02 11 05 00 06000000 0d0c0b0a 0000
        2f29e766f0710e68fa6a15459f0fae90
        f5adf309
        """,
        "reply activateSlot": """
        c55c 02 12 05 00 07000000 0d0c0b0a 0000
        f08483d3c243eeece1d1cbf666b4de5a
        d8c0fdda
        """,
        "reply setTherapy": """
        c55c 02 13 05 00 08000000 0d0c0b0a 0000
        bd645e62d0a2fc850dce07c4978657b0
        52e310e8
        """,
        "reply adjustAmplitude": """
        c55c 02 14 05 00 09000000 0d0c0b0a 0800
        20aa440000000000
        a7acfa3ad2b413f14d72ff5ff2f5063a
        ed8f9b7a
        """,
        "reply measureImpedance": """
        c55c 02 20 05 00 0a000000 0d0c0b0a 2200
        0300010020830c0000000000000200fcf30f0000000000010000f04902000000
        0000
        5e84339e30a2c45f49468c373a0cf8fe
        1fb779be
        """,
        "reply readBattery": """
        c55c 02 21 05 00 0b000000 0d0c0b0a 0a00
        400a0f00000000000001
        6d8e907c9e4c5c1ca744b634e4c7cf16
        1f2d28f4
        """,
        "reply readEventLog": """
        c55c 02 22 05 00 0c000000 0d0c0b0a 1d00
        00100000000000000e10000000000000010a007b2274223a2278227d0a
        e36b47d1cf877a5a776b16b45d355052
        4c16b40f
        """,
        "reply setClock": """
        c55c 02 30 05 00 0d000000 0d0c0b0a 0000
        7068db0a4857d4fcacc0345437e2cd90
        a823e57e
        """,
        "error safetyRejected": """
        c55c 02 11 07 00 63000000 0d0c0b0a 0500
        0700020e0d
        772fd05a2ce85f4074352eee0e7b9242
        52689333
        """,
        "error unknownMessageType": """
        c55c 02 7f 03 00 63000000 0d0c0b0a 0300
        010000
        b128a6df
        """,
        "error notPermitted": """
        c55c 02 30 07 00 63000000 0d0c0b0a 0300
        050000
        71ed35c9aca05395818666db290fbd45
        8c9a56d3
        """,
        "error unauthenticated": """
        c55c 02 10 03 00 63000000 0d0c0b0a 0300
        100000
        4b0be975
        """,
        "version 1 identify reply": """
        c55c 01 01 01 00 01000000 00000000 2100
        0208746f6e69632d313608546f6e696320313607534e2d3030303105312e322e
        30
        863f05d9
        """,
        "version 1 unsupportedVersion": """
        c55c 01 02 03 00 02000000 00000000 0300
        110000
        5aa72f90
        """,
    ]
}
