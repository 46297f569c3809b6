/// HMAC-SHA256 values computed independently with Python's `hmac` for the key
/// "a device key of thirty-two bytes", device nonce 00 01 … 0f, host nonce f0 ef … e1, role clinician
/// and session 0x0A0B0C0D.
enum GoldenProofs {
    static let host = "fb0ced885b89cf1b20da58995ffb32720ee6dc123d676a1a434ea69d0ef91c44"
    static let device = "3788fe6d7a00a51627b4dd7bd4697ade4d468d9ab134a2b72635a97811d5aad4"
}
