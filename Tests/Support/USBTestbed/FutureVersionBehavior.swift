import StimProtocol

/// A device that answers identify as a stimulator of a protocol version this host does not know, and
/// nothing else.
public struct FutureVersionBehavior: DeviceBehavior {
    /// The protocol version the device reports.
    public let protocolVersion: UInt8

    /// A device of `protocolVersion`, by default the version after this host's.
    public init(protocolVersion: UInt8 = Frame.protocolVersion + 1) {
        self.protocolVersion = protocolVersion
    }

    public func received(_ bytes: [UInt8]) -> [[UInt8]] {
        var decoder = FrameDecoder()
        var replies: [UInt8] = []
        decoder.decode(bytes) { outcome in
            guard case .frame(let frame) = outcome, case .request(.identify)? = try? frame.message() else { return }
            let identity = DeviceIdentity(
                protocolVersions: [protocolVersion], profileID: "tonic-16", model: "from the future",
                serial: "FUTURE-1",
                firmware: "9")
            let reply = try? Frame(reply: .identify(identity), sequence: frame.header.sequence, session: .none)
            replies += reply?.encoded() ?? []
        }
        return replies.isEmpty ? [] : [replies]
    }
}
