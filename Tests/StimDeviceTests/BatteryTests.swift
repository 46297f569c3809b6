import StimDevice
import StimProtocol
import StimSafety
import Testing

@Suite("The battery model")
struct BatteryTests {
    /// The battery current of `program` by the model of safety-rules §3, µA.
    static func current(_ test: TestDevice, _ program: StimProgram) throws -> Double {
        try #require(test.limits.validate(program, context: ValidationContext(slot: 1)).metrics.batteryCurrent)
    }

    /// The usable charge of the test device's cell, µAh.
    static func full(_ test: TestDevice) -> Double {
        let battery = test.limits.battery
        return battery.capacity * 1000 * (battery.kind == .rechargeable ? battery.usableFraction : 1)
    }

    @Test("drains at the model's battery current while stimulating, and at the quiescent current while off")
    func drain() throws {
        let test = try TestDevice()
        let program = try tonic("4.5")
        _ = try RampTests.start(test, program)
        test.clock.advance(by: .seconds(24 * 3600))
        let stimulating = try 1 - Self.current(test, program) * 24 / Self.full(test)
        #expect(abs(test.device.snapshot().batteryFraction - stimulating) < 1e-6)
        var raw = try RawSession.open(test.device, role: .clinician, key: test.key(.clinician))
        _ = try raw.send(.setTherapy(false))
        test.clock.advance(by: .seconds(30 * 24 * 3600))
        let quiescent = stimulating - test.limits.battery.quiescentCurrent * 720 / Self.full(test)
        #expect(abs(test.device.snapshot().batteryFraction - quiescent) < 1e-6)
    }

    @Test("stops stimulation when empty, logs the fault, and refuses to start again")
    func empty() throws {
        let test = try TestDevice { $0.initialBatteryFraction = 0.001 }
        let program = try tonic("4.5")
        var raw = try RampTests.start(test, program)
        let seconds = Self.full(test) * 0.001 / (try Self.current(test, program)) * 3600
        test.clock.advance(by: .seconds(Int64(seconds) - 10))
        #expect(test.device.state().isTherapyOn)
        test.clock.advance(by: .seconds(20))
        let state = test.device.state()
        #expect(!state.isTherapyOn)
        #expect(state.battery.percent == 0)
        #expect(try raw.send(.setTherapy(true)).errorCode == .batteryEmpty)
        let log = String(decoding: test.device.exportRecording(), as: UTF8.self)
        #expect(log.contains(#""type":"therapy","on":false,"by":"device""#))
        #expect(log.contains(#""type":"fault","code":"low-battery""#))
        #expect(log.contains(#""type":"rejected","by":"clinician","rules":[],"request":{"on":true}"#))
    }

    @Test("a charge session refills a rechargeable cell and ends by itself when full")
    func charging() throws {
        let test = try TestDevice { $0.initialBatteryFraction = 0.5 }
        try test.device.startCharging()
        #expect(throws: SimulatorError.alreadyCharging) { try test.device.startCharging() }
        #expect(test.device.state().battery.isCharging)
        test.clock.advance(by: .seconds(59 * 60))
        #expect(test.device.snapshot().isCharging)
        test.clock.advance(by: .seconds(2 * 60))
        let snapshot = test.device.snapshot()
        #expect(!snapshot.isCharging)
        #expect(snapshot.batteryFraction > 0.99999)  // full, less a minute of quiescent drain
        #expect(snapshot.state.battery.percent == 100)
        let log = String(decoding: test.device.exportRecording(), as: UTF8.self)
        #expect(log.contains(#""type":"charge","state":"start""#))
        #expect(log.contains(#""type":"charge","state":"end""#))
    }

    @Test("a primary cell cannot be charged")
    func primary() throws {
        let test = try TestDevice("burst-16-primary")
        #expect(throws: SimulatorError.notRechargeable) { try test.device.startCharging() }
        #expect(!test.device.state().battery.isRechargeable)
    }

    @Test("a simulated year of stimulation is a handful of integration steps")
    func year() throws {
        let test = try TestDevice("burst-16-primary")
        _ = try RampTests.start(test, try tonic("3", "200"))
        for _ in 0..<365 { test.clock.advance(by: .seconds(86_400)) }
        let fraction = test.device.snapshot().batteryFraction
        let expected = 1 - (try Self.current(test, try tonic("3", "200"))) * 8_760 / Self.full(test)
        #expect(abs(fraction - expected) < 1e-6)
    }
}
