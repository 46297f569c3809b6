import StimDevice
import StimProtocol
import StimSafety
import Testing

@Suite("The device validates on its own")
struct DeviceValidationTests {
    /// Programs the core rejects, each sent as a raw frame that no host checked.
    static func rejected() throws -> [(String, StimProgram)] {
        var burst = try tonic("1")
        burst.waveform = .burst
        burst.pulsesPerBurst = 5
        burst.intraBurstRate = try hz("500")
        var twoCathodes = try tonic("3")
        twoCathodes.contacts = [
            ContactShare(.lead(1), Percent(units: -100)), ContactShare(.lead(2), Percent(units: -100)),
            ContactShare(.lead(3), Percent(units: 100)),
        ]
        return [
            ("worked example 2: 10 mA, 500 µs", try tonic("10", "500")),
            ("amplitude off the grid", try tonic("4.55")),
            ("amplitude above the maximum", try tonic("26")),
            ("pulse width off the grid", try tonic("3", "305")),
            ("an unknown contact", try tonic("3", cathode: 99)),
            ("two cathodes of -100 %", twoCathodes),
            ("an unsupported waveform", burst),
            ("a pulse longer than its period", try tonic("1", "1000", "600")),
            ("a patient range above the amplitude range", try tonic("3", patientRange: ("1", "30"))),
        ]
    }

    @Test("refuses what the core rejects even when the host is bypassed, with the core's rule ids")
    func bypassedHost() throws {
        let test = try TestDevice()
        var raw = try RawSession.open(test.device, role: .clinician, key: test.key(.clinician))
        for (name, program) in try Self.rejected() {
            let before = test.device.state()
            let answer = try raw.send(.writeProgram(ProgramWrite(slot: 1, program: program)))
            let validation = test.limits.validate(program, context: ValidationContext(slot: 1))
            let errors = validation.findings.filter { $0.severity == .error }.map(\.rule)
            #expect(answer.errorCode == .safetyRejected, "\(name)")
            #expect(Set(answer.rules) == Set(errors), "\(name)")
            #expect(!answer.rules.isEmpty, "\(name)")
            #expect(test.device.state() == before, "\(name) changed the device")
        }
    }

    @Test("logs every refusal as a rejected event with its rule ids")
    func refusalsAreLogged() throws {
        let test = try TestDevice()
        var raw = try RawSession.open(test.device, role: .clinician, key: test.key(.clinician))
        _ = try raw.send(.writeProgram(ProgramWrite(slot: 1, program: try tonic("10", "500"))))
        let log = String(decoding: test.device.exportRecording(), as: UTF8.self)
        // The request's members are written in name order, as every JSON value of a recording is.
        let line = log.split(separator: "\n").first { $0.contains(#""type":"rejected""#) } ?? ""
        #expect(line.contains(#""by":"clinician","rules":["shannon"],"request":{"program":{"amplitude":10,"#))
        #expect(line.contains(#""pulseWidth":500,"#))
        #expect(line.hasSuffix(#"},"slot":1}}"#))
    }

    @Test("accepts a warning only when its exact rule id is acknowledged")
    func acknowledgements() throws {
        let test = try TestDevice()
        var raw = try RawSession.open(test.device, role: .clinician, key: test.key(.clinician))
        let program = try tonic("7", "300")  // worked example 3: shannon warning
        let unacknowledged = try raw.send(.writeProgram(ProgramWrite(slot: 1, program: program)))
        #expect(unacknowledged.errorCode == .unacknowledgedWarnings)
        #expect(unacknowledged.rules == [.shannon])
        let wrongID = try raw.send(
            .writeProgram(ProgramWrite(slot: 1, program: program, acknowledged: [RuleSet(rule: .patientRangeShannon)])))
        #expect(wrongID.errorCode == .unacknowledgedWarnings)
        let acknowledged = try raw.send(
            .writeProgram(ProgramWrite(slot: 1, program: program, acknowledged: RuleSet(rule: .shannon))))
        #expect(acknowledged == .reply(.writeProgram))
        #expect(test.device.state().slots[0].program == program)
    }

    @Test("refuses slots it does not have and a contact listed twice")
    func slotsAndDuplicates() throws {
        let test = try TestDevice()
        var raw = try RawSession.open(test.device, role: .clinician, key: test.key(.clinician))
        for slot: Slot in [5, 255] {
            #expect(
                try raw.send(.writeProgram(ProgramWrite(slot: slot, program: try tonic("3")))).errorCode == .noSuchSlot)
            #expect(try raw.send(.activateSlot(slot)).errorCode == .noSuchSlot)
        }
        #expect(try raw.send(.activateSlot(1)).errorCode == .slotEmpty)
        #expect(try raw.send(.setTherapy(true)).errorCode == .slotEmpty)
        var doubled = try tonic("3")
        doubled.contacts = [
            ContactShare(.lead(2), Percent(units: -50)), ContactShare(.lead(2), Percent(units: -50)),
            ContactShare(.lead(3), Percent(units: 100)),
        ]
        #expect(try raw.send(.writeProgram(ProgramWrite(slot: 1, program: doubled))).errorCode == .malformedPayload)
        #expect(test.device.state().slots.allSatisfy { $0.program == nil })
    }

    @Test("the host sends nothing the core rejects")
    func hostRefusesFirst() async throws {
        let test = try TestDevice()
        let programmer = try await test.connect()
        let events = test.device.snapshot().eventCount
        for (name, program) in try Self.rejected() {
            do {
                try await programmer.write(program, to: 1)
                Issue.record("\(name) was written")
            } catch {
                guard case .unsafe(let validation) = error else {
                    Issue.record("\(name): \(error)")
                    continue
                }
                #expect(validation.verdict == .rejected, "\(name)")
            }
        }
        #expect(test.device.snapshot().eventCount == events, "a rejected set reached the device")
    }

    @Test("validates against the latest measured impedance: an open contact blocks writes and activation")
    func measuredImpedance() async throws {
        let test = try TestDevice()
        let programmer = try await test.connect()
        try await programmer.write(try tonic("3"), to: 1)
        try test.device.setImpedanceFault(.open, on: .lead(2))
        _ = try await programmer.measureImpedance()
        await #expect(throws: ProgrammerError.self) { try await programmer.write(try tonic("3.5"), to: 1) }
        var raw = try RawSession.open(test.device, role: .clinician, key: test.key(.clinician))
        let write = try raw.send(.writeProgram(ProgramWrite(slot: 2, program: try tonic("3"))))
        #expect(write.errorCode == .safetyRejected && write.rules.contains(.impedance))
        let activation = try raw.send(.activateSlot(1))
        #expect(activation.errorCode == .safetyRejected && activation.rules.contains(.impedance))
        #expect(test.device.state().activeSlot == nil)
    }
}
