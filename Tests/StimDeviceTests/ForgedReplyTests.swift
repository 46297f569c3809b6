import StimDevice
import StimProtocol
import StimSafety
import Synchronization
import Testing

@Suite("Forged replies: the host believes only the device")
struct ForgedReplyTests {
    /// How a forger signs the answer it makes up.
    enum Signature: String, CaseIterable, Sendable, CustomStringConvertible {
        /// No MAC.
        case none
        /// Sixteen arbitrary bytes.
        case arbitrary
        /// The MAC of the device's last genuine reply, spliced on.
        case spliced

        var description: String { rawValue }
    }

    /// A link between a programmer and `device` with a forger on it: once a type is armed, requests of
    /// that type never reach the device, and the forger answers them with `message`.
    final class Forger: Sendable {
        let device: SimulatedStimulator
        let signature: Signature
        let message: Message
        let armed = Mutex<MessageType?>(nil)
        private let lastTag = Mutex<FrameTag?>(nil)

        init(device: SimulatedStimulator, signature: Signature, message: Message) {
            self.device = device
            self.signature = signature
            self.message = message
        }

        var transport: ScriptedDevice {
            ScriptedDevice { [self] frame in
                if armed.withLock({ $0 }) == frame.header.type { return forge(answering: frame.header) }
                let replies = device.handle(frameBytes: frame.encoded())
                if let tag = RawSession.frames(in: replies).only?.tag { lastTag.withLock { $0 = tag } }
                return replies
            }
        }

        private func forge(answering header: FrameHeader) -> [UInt8]? {
            var frame: Frame?
            switch message {
            case .reply(let reply): frame = try? Frame(reply: reply, sequence: header.sequence, session: header.session)
            case .error(let error): frame = try? Frame(error: error, answering: header)
            case .request: frame = nil
            }
            guard let frame else { return nil }
            let tag: FrameTag? =
                switch signature {
                case .none: nil
                case .arbitrary: FrameTag(bytes: (0..<16).map { UInt8($0 * 11) })
                case .spliced: lastTag.withLock { $0 }
                }
            return try? Frame(header: frame.header, payload: frame.payload, tag: tag).encoded()
        }
    }

    @Test(
        "a forged acknowledgement of a write makes the host raise, and nothing was written",
        arguments: Signature.allCases)
    func forgedWriteAcknowledgement(signature: Signature) async throws {
        let test = try TestDevice()
        let forger = Forger(device: test.device, signature: signature, message: .reply(.writeProgram))
        let programmer = try await Programmer.connect(
            over: forger.transport, role: .clinician, key: test.key(.clinician), limits: test.limits)
        forger.armed.withLock { $0 = .writeProgram }
        await #expect(throws: ProgrammerError.unauthenticatedReply(.writeProgram)) {
            try await programmer.write(try tonic("3"), to: 1)
        }
        #expect(test.device.state().slots[0].program == nil)
    }

    @Test("a forged state makes the host raise instead of believing it", arguments: Signature.allCases)
    func forgedState(signature: Signature) async throws {
        let test = try TestDevice()
        var state = test.device.state()
        state.isTherapyOn = true
        let forger = Forger(device: test.device, signature: signature, message: .reply(.readState(state)))
        let programmer = try await Programmer.connect(
            over: forger.transport, role: .clinician, key: test.key(.clinician), limits: test.limits)
        forger.armed.withLock { $0 = .readState }
        await #expect(throws: ProgrammerError.unauthenticatedReply(.readState)) {
            try await programmer.readState()
        }
        #expect(await !programmer.lastState.isTherapyOn)
    }

    @Test("a forged refusal is not believed either", arguments: Signature.allCases)
    func forgedRefusal(signature: Signature) async throws {
        let test = try TestDevice()
        let forger = Forger(
            device: test.device, signature: signature,
            message: .error(ErrorReply(code: .safetyRejected, rules: [.shannon])))
        let programmer = try await Programmer.connect(
            over: forger.transport, role: .clinician, key: test.key(.clinician), limits: test.limits)
        forger.armed.withLock { $0 = .setTherapy }
        await #expect(throws: ProgrammerError.unauthenticatedReply(.setTherapy)) {
            try await programmer.setTherapy(on: false)
        }
    }

    @Test("a replayed device proof from an earlier handshake does not authenticate a device")
    func replayedDeviceProof() async throws {
        let test = try TestDevice()
        let earlier = try RawSession.open(test.device, role: .clinician, key: test.key(.clinician))
        // The earlier handshake's proof, sniffed: the forger answers every later authenticate with it.
        let stale = ChallengeResponse.deviceProof(
            key: try test.key(.clinician), role: .clinician, session: earlier.session,
            deviceNonce: try #require(earlier.deviceNonce), hostNonce: try #require(earlier.hostNonce))
        let forged = Mutex(0)
        let device = test.device
        let transport = ScriptedDevice { frame in
            let replies = device.handle(frameBytes: frame.encoded())
            guard frame.header.type == .authenticate else { return replies }
            forged.withLock { $0 += 1 }
            return try? Frame(
                reply: .authenticate(deviceProof: stale), sequence: frame.header.sequence, session: frame.header.session
            ).encoded()
        }
        await #expect(throws: ProgrammerError.unauthorized) {
            _ = try await Programmer.connect(
                over: transport, role: .clinician, key: test.key(.clinician), limits: test.limits)
        }
        #expect(forged.withLock { $0 } == 1)
    }
}
