import StimProtocol
import StimSafety

/// One message of every kind, with fixed headers, for golden, round-trip and fuzz tests.
enum Samples {
    static let session = SessionID(rawValue: 0x0A0B_0C0D)
    static let deviceNonce = Nonce(bytes: (0..<16).map { UInt8($0) })!
    static let hostNonce = Nonce(bytes: (0..<16).map { UInt8(0xF0 - $0) })!
    static let code = AuthenticationCode(bytes: (0..<32).map { UInt8($0 &* 7 &+ 1) })!
    static let key = try! DeviceKey(bytes: Array("a device key of thirty-two bytes".utf8))
    /// The key of the clinician session `session` after the handshake of the sample nonces.
    static let sessionKey = SessionKey(
        roleKey: key, role: .clinician, session: session, deviceNonce: deviceNonce, hostNonce: hostNonce)

    /// 3 mA, 210 µs, 40 Hz tonic; contacts 1 −100 %, 2 +100 %; nothing optional.
    static let tonic = StimProgram(
        amplitude: Nanoamps(units: 3), pulseWidth: Nanoseconds(units: 210), rate: .frequency(Millihertz(units: 40)),
        contacts: [ContactShare(.lead(1), Percent(units: -100)), ContactShare(.lead(2), Percent(units: 100))])

    /// A burst program with every optional field, a period rate, split contacts and the case.
    static let burst = StimProgram(
        amplitude: Nanoamps(rawValue: 1_250_000), pulseWidth: Nanoseconds(units: 1000),
        rate: .period(Nanoseconds(rawValue: 25_000_000)), waveform: .burst, pulsesPerBurst: 5,
        intraBurstRate: Millihertz(units: 500),
        contacts: [
            ContactShare(.lead(3), Percent(rawValue: -60_000)), ContactShare(.lead(4), Percent(rawValue: -40_000)),
            ContactShare(.can, Percent(units: 100)),
        ],
        recovery: .passive, interphaseGap: Nanoseconds(units: 20),
        cycling: Cycling(on: Milliseconds(units: 30), off: Milliseconds(units: 90)),
        patientRange: PatientRange(min: Nanoamps(units: 1), max: Nanoamps(rawValue: 1_500_000)))

    static let battery = BatteryStatus(
        percent: 64, voltage: Millivolts(rawValue: 3_850), isRechargeable: true, isCharging: false)

    static let state = DeviceState(
        slots: [
            SlotState(slot: 1, isEnabled: true, program: tonic),
            SlotState(slot: 2, isEnabled: false, program: nil),
        ],
        activeSlot: 1, isTherapyOn: true, runningAmplitude: Nanoamps(rawValue: 2_500_000),
        targetAmplitude: Nanoamps(units: 3), battery: battery)

    static let requests: [(name: String, request: Request)] = [
        ("identify", .identify),
        ("openSession", .openSession(.clinician)),
        ("authenticate", .authenticate(HostResponse(hostNonce: hostNonce, proof: code))),
        ("closeSession", .closeSession),
        ("readState", .readState),
        (
            "writeProgram",
            .writeProgram(ProgramWrite(slot: 2, program: burst, acknowledged: RuleSet([.shannon, .chargeDensity])))
        ),
        ("activateSlot", .activateSlot(1)),
        ("setTherapy", .setTherapy(true)),
        ("adjustAmplitude", .adjustAmplitude(Nanoamps(rawValue: 4_500_000))),
        ("measureImpedance", .measureImpedance),
        ("readBattery", .readBattery),
        ("readEventLog", .readEventLog(LogRange(offset: 4096, length: 1024))),
        ("setClock", .setClock(epochNanoseconds: 1_767_225_600_000_000_000)),
    ]

    static let replies: [(name: String, reply: Reply)] = [
        (
            "identify",
            .identify(
                DeviceIdentity(
                    protocolVersions: [2], profileID: "tonic-16", model: "Tonic 16", serial: "SN-0001",
                    firmware: "1.2.0"))
        ),
        ("openSession", .openSession(SessionChallenge(session: session, deviceNonce: deviceNonce))),
        ("authenticate", .authenticate(deviceProof: code)),
        ("closeSession", .closeSession),
        ("readState", .readState(state)),
        ("writeProgram", .writeProgram),
        ("activateSlot", .activateSlot),
        ("setTherapy", .setTherapy),
        ("adjustAmplitude", .adjustAmplitude(Nanoamps(rawValue: 4_500_000))),
        (
            "measureImpedance",
            .measureImpedance([
                .lead(1): Milliohms(units: 820), .lead(2): Milliohms(rawValue: 1_045_500), .can: Milliohms(units: 150),
            ])
        ),
        ("readBattery", .readBattery(battery)),
        (
            "readEventLog",
            .readEventLog(
                LogChunk(offset: 4096, total: 4110, isComplete: true, bytes: Array("{\"t\":\"x\"}\n".utf8)))
        ),
        ("setClock", .setClock),
    ]

    /// Error replies in the session; the device signs those that answer a request it could
    /// authenticate, and cannot sign the others.
    static let errors: [(name: String, type: MessageType, error: ErrorReply, isSigned: Bool)] = [
        ("safetyRejected", .writeProgram, ErrorReply(code: .safetyRejected, rules: [.shannon, .chargeDensity]), true),
        ("unknownMessageType", MessageType(rawValue: 0x7F), ErrorReply(code: .unknownMessageType), false),
        ("notPermitted", .setClock, ErrorReply(code: .notPermitted), true),
        ("unauthenticated", .readState, ErrorReply(code: .unauthenticated), false),
    ]

    /// The session a sample travels in: none for the messages sent before a session exists.
    static func session(for type: MessageType) -> SessionID {
        type == .identify || type == .openSession ? .none : session
    }

    /// `frame` as it travels: with the session key's MAC unless it belongs to the handshake.
    static func signed(_ frame: Frame) -> Frame {
        frame.header.type.isHandshake ? frame : frame.authenticated(with: sessionKey)
    }

    /// The answers of a version-2 device to a version-1 host, in version 1's layout.
    static let versionOne: [(name: String, frame: Frame)] = [
        (
            "version 1 identify reply",
            try! Frame(reply: replies[0].reply, sequence: 1, session: .none, version: 1)
        ),
        (
            "version 1 unsupportedVersion",
            try! Frame(
                error: ErrorReply(code: .unsupportedVersion),
                answering: FrameHeader(version: 1, type: .openSession, kind: .request, sequence: 2, session: .none))
        ),
    ]

    /// Every sample as a frame, requests numbered from 1, each reply numbered as its request.
    static var frames: [(name: String, frame: Frame)] {
        var frames: [(String, Frame)] = []
        for (index, sample) in requests.enumerated() {
            let frame = try! Frame(
                request: sample.request, sequence: UInt32(index + 1), session: session(for: sample.request.type))
            frames.append(("request " + sample.name, signed(frame)))
        }
        for (index, sample) in replies.enumerated() {
            let frame = try! Frame(
                reply: sample.reply, sequence: UInt32(index + 1), session: session(for: sample.reply.type))
            frames.append(("reply " + sample.name, signed(frame)))
        }
        // The one request with an optional field, with it: after the requests above, numbered on.
        let acknowledged = try! Frame(
            request: .adjustAmplitude(
                Nanoamps(rawValue: 9_000_000), acknowledged: RuleSet([.shannon, .chargeDensity])),
            sequence: UInt32(requests.count + 1), session: session)
        frames.append(("request adjustAmplitude acknowledged", signed(acknowledged)))
        for sample in errors {
            let header = FrameHeader(type: sample.type, kind: .request, sequence: 99, session: session)
            let frame = try! Frame(error: sample.error, answering: header)
            frames.append(("error " + sample.name, sample.isSigned ? frame.authenticated(with: sessionKey) : frame))
        }
        return frames + versionOne
    }
}
