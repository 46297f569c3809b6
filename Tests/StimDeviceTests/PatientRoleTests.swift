import StimDevice
import StimProtocol
import StimSafety
import Testing

@Suite("A patient session")
struct PatientRoleTests {
    /// A device with slot 1 (patient range 2–6 mA) active and slot 2 written, then slot 2 disabled.
    static func prepared() async throws -> TestDevice {
        let test = try TestDevice()
        let clinician = try await test.connect()
        try await clinician.write(try tonic("4", patientRange: ("2", "6")), to: 1)
        try await clinician.write(try tonic("3", cathode: 5, anode: 6), to: 2)
        try await clinician.write(try tonic("3", cathode: 7, anode: 8, patientRange: ("1", "5")), to: 3)
        try await clinician.activate(slot: 1)
        try test.device.setSlot(2, isEnabled: false)
        await clinician.close()
        return test
    }

    @Test("cannot write programs, measure impedance, read the log or set the clock")
    func clinicianOnly() async throws {
        let test = try await Self.prepared()
        let patient = try await test.connect(.patient)
        await #expect(throws: ProgrammerError.notPermitted(.writeProgram)) {
            try await patient.write(try tonic("3"), to: 1)
        }
        var raw = try RawSession.open(test.device, role: .patient, key: test.key(.patient))
        let before = test.device.state()
        let refusals: [Request] = [
            .writeProgram(ProgramWrite(slot: 1, program: try tonic("3"))), .measureImpedance,
            .readEventLog(LogRange(offset: 0, length: 100)), .setClock(epochNanoseconds: 0),
        ]
        for request in refusals {
            #expect(try raw.send(request).errorCode == .notPermitted, "\(request.type)")
        }
        #expect(test.device.state() == before)
    }

    @Test("adjusts within the patient range and never outside it, whatever it asks for")
    func patientRange() async throws {
        let test = try await Self.prepared()
        let patient = try await test.connect(.patient)
        #expect(try await patient.setAmplitude(try mA("5.5")) == (try mA("5.5")))
        await #expect(throws: ProgrammerError.self) { try await patient.setAmplitude(try mA("6.1")) }
        var raw = try RawSession.open(test.device, role: .patient, key: test.key(.patient))
        var generator = SeededRandom(seed: 4)
        let range = try mA("2")...(try mA("6"))
        for _ in 0..<300 {
            let tenths = Int64.random(in: -20...300, using: &generator)
            let answer = try raw.send(.adjustAmplitude(Nanoamps(rawValue: tenths * 100_000)))
            let amplitude = test.device.snapshot().slotAmplitudes[0]
            #expect(range.contains(amplitude))
            if !range.contains(Nanoamps(rawValue: tenths * 100_000)) {
                #expect(answer.errorCode == .safetyRejected && answer.rules == [.patientRange])
            }
        }
        #expect(test.device.state().slots[0].program == (try tonic("4", patientRange: ("2", "6"))))
    }

    @Test("cannot adjust a program without a patient range")
    func noRange() async throws {
        let test = try await Self.prepared()
        var clinician = try RawSession.open(test.device, role: .clinician, key: test.key(.clinician))
        _ = try clinician.send(.activateSlot(2))
        var raw = try RawSession.open(test.device, role: .patient, key: test.key(.patient))
        let answer = try raw.send(.adjustAmplitude(try mA("3")))
        #expect(answer.errorCode == .safetyRejected && answer.rules == [.patientRange])
    }

    @Test("activates only an enabled slot and switches therapy on and off")
    func slotsAndTherapy() async throws {
        let test = try await Self.prepared()
        let patient = try await test.connect(.patient)
        await #expect(throws: ProgrammerError.deviceRejected(.slotDisabled, rules: [])) {
            try await patient.activate(slot: 2)
        }
        try await patient.activate(slot: 3)
        #expect(test.device.state().activeSlot == 3)
        try await patient.setTherapy(on: true)
        #expect(test.device.state().isTherapyOn)
        try await patient.setTherapy(on: false)
        #expect(!test.device.state().isTherapyOn)
        let log = String(decoding: test.device.exportRecording(), as: UTF8.self)
        #expect(log.contains(#""type":"rejected","by":"patient","rules":[],"request":{"slot":2}"#))
        #expect(log.contains(#""type":"activate","slot":3,"by":"patient""#))
        #expect(log.contains(#""type":"therapy","on":true,"by":"patient""#))
    }
}
