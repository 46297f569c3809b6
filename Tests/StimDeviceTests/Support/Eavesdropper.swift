import StimDevice
import StimProtocol
import StimSafety
import Testing

/// A peer on the link without the key: it has seen every byte of the owner's handshake and session
/// (session id, both nonces, role, the frames and their MACs) and sends frames of its own on a
/// connection of its own.
struct Eavesdropper {
    /// How a forged frame comes by its MAC.
    enum Forgery: String, CaseIterable, Sendable, CustomStringConvertible {
        /// No MAC at all.
        case none
        /// Sixteen random bytes.
        case random
        /// The MAC of the last frame the owner sent, spliced onto the forged one.
        case spliced
        /// A true MAC under a key derived, as the protocol says, from the sniffed session id, role and
        /// nonces and a guessed role key.
        case guessedKey

        var description: String { rawValue }
    }

    /// The session id, role and nonces the handshake showed.
    let session: SessionID
    let role: Role
    let deviceNonce: Nonce
    let hostNonce: Nonce
    /// The last frame the owner sent.
    var lastSeen: Frame?

    /// What a peer sees of `owner`'s handshake.
    init(watching owner: RawSession) throws {
        session = owner.session
        role = owner.role
        deviceNonce = try #require(owner.deviceNonce)
        hostNonce = try #require(owner.hostNonce)
    }

    /// Notes a frame the owner sent.
    mutating func saw(_ bytes: [UInt8]) {
        lastSeen = RawSession.frames(in: bytes).only
    }

    /// `request` in the owner's session with number `sequence` and a MAC made as `forgery` says.
    func forge(_ request: Request, sequence: UInt32, _ forgery: Forgery) throws -> [UInt8] {
        let frame = try Frame(request: request, sequence: sequence, session: session)
        switch forgery {
        case .none:
            return frame.encoded()
        case .random:
            var generator = SeededRandom(seed: UInt64(sequence) &+ 17)
            let bytes = (0..<FrameTag.length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            return try Frame(header: frame.header, payload: frame.payload, tag: FrameTag(bytes: bytes)).encoded()
        case .spliced:
            let tag = try #require(lastSeen?.tag, "the owner sent no authenticated frame yet")
            return try Frame(header: frame.header, payload: frame.payload, tag: tag).encoded()
        case .guessedKey:
            let guess = try DeviceKey(bytes: Array("a guess at the clinician key....".utf8))
            let key = SessionKey(
                roleKey: guess, role: role, session: session, deviceNonce: deviceNonce, hostNonce: hostNonce)
            return frame.authenticated(with: key).encoded()
        }
    }

    /// The frames the device answers `bytes` with, sent on a connection of their own.
    static func send(_ bytes: [UInt8], to device: SimulatedStimulator) -> [Frame] {
        let connection = device.makeConnection()
        return RawSession.frames(in: connection.receive(bytes) + connection.finish())
    }
}
