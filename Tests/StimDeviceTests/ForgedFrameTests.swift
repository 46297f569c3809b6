import StimDevice
import StimProtocol
import StimSafety
import Testing

@Suite("A peer without the key, inside the owner's session")
struct ForgedFrameTests {
    /// A clinician session with slot 1 written and therapy off, and a peer that saw all of it.
    static func eavesdropped() throws -> (TestDevice, RawSession, Eavesdropper) {
        let test = try TestDevice()
        var owner = try RawSession.open(test.device, role: .clinician, key: test.key(.clinician))
        var peer = try Eavesdropper(watching: owner)
        let write = try owner.nextFrame(
            .writeProgram(ProgramWrite(slot: 1, program: try tonic("3", patientRange: ("2", "5")))))
        peer.saw(write)
        #expect(try owner.answer(to: write) == .reply(.writeProgram))
        _ = try owner.send(.readState)
        return (test, owner, peer)
    }

    /// The requests a hijacker would send: a 7 mA program with its warnings acknowledged, activation,
    /// therapy on, a number that would use up the session, and the end of the session.
    static func hijack(_ owner: RawSession) throws -> [(String, Request, UInt32)] {
        let next = owner.nextSequence
        return [
            (
                "write 7 mA",
                .writeProgram(ProgramWrite(slot: 2, program: try tonic("7"), acknowledged: RuleSet(RuleID.allCases))),
                next
            ),
            ("activate slot 1", .activateSlot(1), next),
            ("therapy on", .setTherapy(true), next),
            ("readState numbered 2^32 - 1", .readState, UInt32.max),
            ("closeSession", .closeSession, next),
        ]
    }

    @Test(
        "a forged frame with a sniffed session id is refused and leaves the device byte-identical",
        arguments: Eavesdropper.Forgery.allCases)
    func forgedFramesAreRefused(forgery: Eavesdropper.Forgery) throws {
        let (test, owner, peer) = try Self.eavesdropped()
        for (name, request, sequence) in try Self.hijack(owner) {
            let before = DeviceStateDump.of(test.device)
            let answers = Eavesdropper.send(try peer.forge(request, sequence: sequence, forgery), to: test.device)
            let answer = try #require(answers.only, "\(name): expected one answer")
            #expect(try answer.message() == .error(ErrorReply(code: .unauthenticated)), "\(name)")
            #expect(answer.tag == nil, "\(name): a refusal of a forged frame must not be signed")
            #expect(DeviceStateDump.of(test.device) == before, "\(name) changed the device")
        }
        // The owner's session is intact and its next number is still free; the dump sees its use.
        let before = DeviceStateDump.of(test.device)
        var next = owner
        #expect(try next.send(.setTherapy(false)) == .reply(.setTherapy))
        #expect(test.device.snapshot().openSessionCount == 1)
        #expect(DeviceStateDump.of(test.device) != before)
    }

    @Test("captured frames replayed on a new connection never act again, and into a later session are refused")
    func replayedFrames() throws {
        let test = try TestDevice()
        var first = try RawSession.open(test.device, role: .clinician, key: test.key(.clinician))
        var captured: [[UInt8]] = []
        for request: Request in [
            .writeProgram(ProgramWrite(slot: 1, program: try tonic("3"))), .activateSlot(1), .setTherapy(true),
            .setTherapy(false),
        ] {
            let bytes = try first.nextFrame(request)
            captured.append(bytes)
            #expect(try first.answer(to: bytes).errorCode == nil)
            _ = try first.send(.readBattery)
        }
        // Therapy is off; replaying "therapy on" or anything else in the still open session changes nothing.
        var before = DeviceStateDump.of(test.device)
        for bytes in captured {
            for answer in Eavesdropper.send(bytes, to: test.device) {
                #expect(answer.header.kind != .request)
            }
            #expect(DeviceStateDump.of(test.device) == before)
        }
        #expect(!test.device.state().isTherapyOn)

        // The same frames against a later session: as they were, and moved into the new session's id.
        _ = try first.send(.closeSession)
        var later = try RawSession.open(test.device, role: .clinician, key: test.key(.clinician), seed: 100)
        _ = try later.send(.readState)
        before = DeviceStateDump.of(test.device)
        for bytes in captured {
            for answer in Eavesdropper.send(bytes, to: test.device) {
                #expect(answer.header.kind != .request)
            }
            let frame = try #require(RawSession.frames(in: bytes).only)
            var header = frame.header
            header.session = later.session
            let moved = try Frame(header: header, payload: frame.payload, tag: frame.tag).encoded()
            let answer = try #require(Eavesdropper.send(moved, to: test.device).only)
            #expect(try answer.message() == .error(ErrorReply(code: .unauthenticated)))
            #expect(DeviceStateDump.of(test.device) == before)
        }
        #expect(try later.send(.setTherapy(true)) == .reply(.setTherapy))
    }

    @Test("every single-bit flip of a valid frame is refused, with its CRC as sent or made good again")
    func everyBitFlip() throws {
        let (test, owner, _) = try Self.eavesdropped()
        var next = owner
        let frames = [
            try owner.nextFrame(.setTherapy(true)),
            try owner.nextFrame(.activateSlot(1)),
            try owner.nextFrame(.closeSession),
            try owner.frame(.readState, sequence: UInt32.max, session: owner.session),
            try owner.nextFrame(.writeProgram(ProgramWrite(slot: 2, program: try tonic("4")))),
        ]
        let before = DeviceStateDump.of(test.device)
        var refusals: [ErrorCode: Int] = [:]
        var dropped = 0
        for original in frames {
            for bit in 0..<(original.count * 8) {
                var flipped = original
                flipped[bit / 8] ^= 1 << UInt8(bit % 8)
                var resealed = flipped
                let crc = CRC32.checksum(resealed.dropLast(4))
                withUnsafeBytes(of: crc.littleEndian) { resealed.replaceSubrange((resealed.count - 4)..., with: $0) }
                // A flip in the CRC made good again is the original frame, which is the owner's to send.
                let isInCRC = bit / 8 >= original.count - 4
                for bytes in isInCRC ? [flipped] : [flipped, resealed] {
                    let answers = Eavesdropper.send(bytes, to: test.device)
                    for answer in answers {
                        guard case .error(let refusal) = try answer.message() else {
                            Issue.record("bit \(bit) of \(original.count)-byte frame accepted: \(answer.header)")
                            continue
                        }
                        refusals[refusal.code, default: 0] += 1
                    }
                    if answers.isEmpty { dropped += 1 }
                }
            }
        }
        #expect(DeviceStateDump.of(test.device) == before)
        // Flips that keep the CRC are caught by the CRC; those made good again reach the MAC or the header checks.
        #expect(dropped >= frames.map(\.count).reduce(0, +) * 8)
        #expect(refusals[.unauthenticated, default: 0] > 500)
        #expect(try next.send(.activateSlot(1)) == .reply(.activateSlot))
    }
}
