import Crypto

/// A device's secret for one role: the HMAC-SHA256 key both sides prove they hold, and from which they
/// derive each session's ``SessionKey``.
///
/// Deliberately not `Equatable`: keys are only ever used through the constant-time verification of
/// `ChallengeResponse` and the key derivation.
public struct DeviceKey: Sendable {
    /// The shortest key accepted, in bytes (128 bits).
    public static let minimumLength = 16

    let symmetricKey: SymmetricKey

    /// A key from its raw bytes; fails when shorter than `minimumLength`.
    public init(bytes: some Collection<UInt8>) throws(KeyError) {
        guard bytes.count >= DeviceKey.minimumLength else {
            throw .tooShort(length: bytes.count, minimum: DeviceKey.minimumLength)
        }
        symmetricKey = SymmetricKey(data: Array(bytes))
    }
}
