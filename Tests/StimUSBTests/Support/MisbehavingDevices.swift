import StimProtocol
import USBTestbed

/// A device that answers every transfer with bytes that are no frame at all.
struct GarbageBehavior: DeviceBehavior {
    func received(_ bytes: [UInt8]) -> [[UInt8]] {
        [[UInt8](repeating: 0xA5, count: 64)]
    }
}

/// A device that answers identify as a device of protocol version 2, a version this host does not know.
struct FutureVersionBehavior: DeviceBehavior {
    func received(_ bytes: [UInt8]) -> [[UInt8]] {
        var decoder = FrameDecoder()
        var replies: [UInt8] = []
        decoder.decode(bytes) { outcome in
            guard case .frame(let frame) = outcome, case .request(.identify)? = try? frame.message() else { return }
            let identity = DeviceIdentity(
                protocolVersion: 2, profileID: "tonic-16", model: "from the future", serial: "FUTURE-1", firmware: "9")
            let reply = try? Frame(reply: .identify(identity), sequence: frame.header.sequence, session: .none)
            replies += reply?.encoded() ?? []
        }
        return replies.isEmpty ? [] : [replies]
    }
}
