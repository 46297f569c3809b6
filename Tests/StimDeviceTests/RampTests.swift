import StimDevice
import StimProtocol
import StimSafety
import Testing

@Suite("Soft start, slew and cycling")
struct RampTests {
    /// Turns therapy on with `program` in slot 1 and returns the raw session.
    static func start(_ test: TestDevice, _ program: StimProgram) throws -> RawSession {
        var raw = try RawSession.open(test.device, role: .clinician, key: test.key(.clinician))
        #expect(try raw.send(.writeProgram(ProgramWrite(slot: 1, program: program))) == .reply(.writeProgram))
        #expect(try raw.send(.activateSlot(1)) == .reply(.activateSlot))
        #expect(try raw.send(.setTherapy(true)) == .reply(.setTherapy))
        return raw
    }

    /// The ramp's level after each of `steps` one-second steps.
    static func levels(_ test: TestDevice, steps: Int) -> [Nanoamps] {
        (0..<steps).map { _ in
            test.clock.advance(by: .seconds(1))
            return test.device.snapshot().rampLevel
        }
    }

    @Test(
        "therapy starts from zero and rises by the profile's slew step each second to the target",
        arguments: [
            ("tonic-16", "4.5", ["1", "2", "3", "4", "4.5", "4.5"]),
            ("burst-16-primary", "1.6", ["0.5", "1", "1.5", "1.6", "1.6"]),
        ])
    func softStart(_ profile: String, _ amplitude: String, _ expected: [String]) throws {
        let test = try TestDevice(profile)
        _ = try Self.start(test, try tonic(amplitude, "200"))
        #expect(test.device.snapshot().rampLevel == .zero)
        #expect(test.device.state().targetAmplitude == (try mA(amplitude)))
        #expect(Self.levels(test, steps: expected.count) == (try expected.map(mA)))
    }

    @Test("an increase ramps from the present level, a decrease applies at once")
    func slew() throws {
        let test = try TestDevice()
        var raw = try Self.start(test, try tonic("4.5", "200"))
        test.clock.advance(by: .seconds(10))
        #expect(try raw.send(.adjustAmplitude(try mA("8"))) == .reply(.adjustAmplitude(try mA("8"))))
        #expect(test.device.snapshot().rampLevel == (try mA("4.5")))
        #expect(Self.levels(test, steps: 5) == (try ["5.5", "6.5", "7.5", "8", "8"].map(mA)))
        #expect(try raw.send(.adjustAmplitude(try mA("2"))) == .reply(.adjustAmplitude(try mA("2"))))
        #expect(test.device.snapshot().rampLevel == (try mA("2")))
        #expect(test.device.state().runningAmplitude == (try mA("2")))
    }

    @Test("a change of contacts sets the output to zero and ramps up again; the same contacts do not")
    func contactChange() throws {
        let test = try TestDevice()
        var raw = try Self.start(test, try tonic("3", "200"))
        test.clock.advance(by: .seconds(10))
        #expect(
            try raw.send(.writeProgram(ProgramWrite(slot: 1, program: try tonic("3.5", "250"))))
                == .reply(.writeProgram))
        #expect(test.device.snapshot().rampLevel == (try mA("3")))
        test.clock.advance(by: .seconds(1))
        #expect(test.device.snapshot().rampLevel == (try mA("3.5")))
        let moved = try tonic("3.5", "250", cathode: 4, anode: 5)
        #expect(try raw.send(.writeProgram(ProgramWrite(slot: 1, program: moved))) == .reply(.writeProgram))
        #expect(test.device.snapshot().rampLevel == .zero)
        #expect(Self.levels(test, steps: 4) == (try ["1", "2", "3", "3.5"].map(mA)))
    }

    @Test("switching to a program on other contacts restarts from zero")
    func activationOfOtherContacts() throws {
        let test = try TestDevice()
        var raw = try Self.start(test, try tonic("3", "200"))
        #expect(
            try raw.send(.writeProgram(ProgramWrite(slot: 2, program: try tonic("2", "200", cathode: 9, anode: 10))))
                == .reply(.writeProgram))
        test.clock.advance(by: .seconds(10))
        #expect(try raw.send(.activateSlot(2)) == .reply(.activateSlot))
        #expect(test.device.snapshot().rampLevel == .zero)
        #expect(Self.levels(test, steps: 2) == (try ["1", "2"].map(mA)))
    }

    @Test("a device without a slew limit jumps to the target")
    func noSlewLimit() throws {
        let test = try TestDevice { $0.limits.amplitudeSlewMax = nil }
        _ = try Self.start(test, try tonic("4.5", "200"))
        #expect(test.device.snapshot().rampLevel == (try mA("4.5")))
    }

    @Test("cycling delivers during the on phase only")
    func cycling() throws {
        let test = try TestDevice()
        var program = try tonic("2", "200")
        program.cycling = Cycling(on: Milliseconds(units: 10), off: Milliseconds(units: 20))
        _ = try Self.start(test, program)
        var delivered: [Bool] = []
        for _ in 0..<60 {
            delivered.append(test.device.state().runningAmplitude > .zero)
            test.clock.advance(by: .seconds(1))
        }
        // On for seconds 1–9 (nothing at 0, the soft start's first step), off 10–29, on 30–39, off 40–59.
        #expect(delivered[5] && delivered[9] && delivered[30] && delivered[39])
        #expect(!delivered[10] && !delivered[29] && !delivered[40] && !delivered[59])
        #expect(delivered.count(where: { $0 }) == 9 + 10)
    }

    @Test(
        "cycling spans as long as 64 bits hold are judged and delivered without an overflow",
        arguments: [Int64.max, Int64.max / 2, 9_223_372_036_854_776])
    func hugeCycling(milliseconds: Int64) throws {
        let test = try TestDevice()
        var program = try tonic("2", "200")
        program.cycling = Cycling(on: Milliseconds(rawValue: milliseconds), off: Milliseconds(rawValue: milliseconds))
        _ = try Self.start(test, program)
        test.clock.advance(by: .seconds(3_600))
        #expect(test.device.state().runningAmplitude == (try mA("2")), "an hour into an on phase of ages")
    }
}
