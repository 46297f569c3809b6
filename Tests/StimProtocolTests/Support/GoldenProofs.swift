/// HMAC-SHA256 values computed independently with Python's `hmac` for the key
/// "a device key of thirty-two bytes", role clinician, session 0x0A0B0C0D, device nonce 00 01 … 0f and
/// host nonce f0 ef … e1: the proofs over their labels and those fields, and the session key by HKDF.
enum GoldenProofs {
    static let host = "1dde09b997f6e52c5df6f5aeb8b72e34f6ae8da35a8d63f2e842fea5d087dfda"
    static let device = "0e0d9570cec9af92eab53364cf00c153ae9a3fbbff94cb65d1aa2b5aa36e277c"
}
