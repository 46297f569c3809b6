import DeviceProfiles
import Foundation
import RecordingFormat
import StimDevice
import StimProtocol
import StimSafety
import Testing
import TherapyLog

@Suite("The event log as a recording")
struct RecordingTests {
    static let hour: Int64 = 3_600
    static let day: Int64 = 86_400

    /// What the simulated month did, for comparison with the analysis.
    struct Expected {
        var therapySeconds: [Int: Int64] = [:]
        /// Σ amplitude × seconds of delivered therapy per slot, in nA·s.
        var amplitudeSeconds: [Int: Int64] = [:]
        var patientAdjustments = 0
        var refusals = 0
        var chargeStarts: [Int64] = []
        var impedanceChecks = 0

        mutating func deliver(slot: Int, amplitude: Nanoamps, seconds: Int64) {
            therapySeconds[slot, default: 0] += seconds
            amplitudeSeconds[slot, default: 0] += amplitude.rawValue * seconds
        }
    }

    /// Advances the test's clock to `seconds` after the start of day `day`.
    static func advance(_ test: TestDevice, day: Int64, seconds: Int64) {
        test.clock.advance(to: TestDevice.start.advanced(by: .seconds(day * Self.day + seconds)))
    }

    /// Thirty days of a patient's use: therapy 08:00–22:00, an adjustment at noon, a program switch
    /// 15:00–18:00 every week, a refused request every five days, a recharge every three days, and a
    /// clinician's impedance check every week.
    static func simulateMonth(_ test: TestDevice) async throws -> Expected {
        var expected = Expected()
        let clinician = try await test.connect()
        _ = try await clinician.measureImpedance()
        expected.impedanceChecks += 1
        let first = try tonic("3", patientRange: ("2", "5"))
        let second = try tonic("2.5", "250", cathode: 9, anode: 10, patientRange: ("1.5", "4"))
        try await clinician.write(first, to: 1)
        try await clinician.write(second, to: 2)
        try await clinician.activate(slot: 1)
        await clinician.close()
        let patient = try await test.connect(.patient)
        var remote = try RawSession.open(test.device, role: .patient, key: test.key(.patient))
        var generator = SeededRandom(seed: 30)
        var amplitude = first.amplitude
        for day in Int64(0)..<30 {
            if day % 7 == 0 {
                advance(test, day: day, seconds: 7 * hour)
                let check = try await test.connect()
                _ = try await check.measureImpedance()
                await check.close()
                expected.impedanceChecks += 1
            }
            advance(test, day: day, seconds: 8 * hour)
            try await patient.setTherapy(on: true)
            advance(test, day: day, seconds: 12 * hour)
            let next = Nanoamps(rawValue: Int64.random(in: 20...50, using: &generator) * 100_000)
            try await patient.setAmplitude(next)
            expected.patientAdjustments += 1
            expected.deliver(slot: 1, amplitude: amplitude, seconds: 4 * hour)
            amplitude = next
            if day % 7 == 3 {
                advance(test, day: day, seconds: 15 * hour)
                try await patient.activate(slot: 2)
                advance(test, day: day, seconds: 18 * hour)
                try await patient.activate(slot: 1)
                expected.deliver(slot: 2, amplitude: second.amplitude, seconds: 3 * hour)
                expected.deliver(slot: 1, amplitude: amplitude, seconds: 7 * hour)
            } else {
                expected.deliver(slot: 1, amplitude: amplitude, seconds: 10 * hour)
            }
            if day % 5 == 0 {
                advance(test, day: day, seconds: 20 * hour)
                #expect(try remote.send(.adjustAmplitude(try mA("7"))).errorCode == .safetyRejected)
                expected.refusals += 1
            }
            advance(test, day: day, seconds: 22 * hour)
            try await patient.setTherapy(on: false)
            if day % 3 == 2 {
                advance(test, day: day, seconds: 23 * hour)
                try test.device.startCharging()
                expected.chargeStarts.append(day * Self.day + 23 * hour)
            }
        }
        await patient.close()
        advance(test, day: 30, seconds: 0)
        return expected
    }

    @Test("a simulated month reads cleanly in strict mode and its analysis matches what the simulation did")
    func month() async throws {
        let test = try TestDevice()
        let expected = try await Self.simulateMonth(test)
        let reader = try await test.connect()
        let overTheWire = try await reader.readEventLog()
        await reader.close()
        let exported = test.device.exportRecording()
        #expect(overTheWire == exported)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "month-\(UUID().uuidString).scsrec.jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(exported).write(to: url)
        let catalog = try TestDevice.catalog()
        let report = try RecordingAnalysis.analyze(
            contentsOf: url, file: "month.scsrec.jsonl", options: ReadingOptions(isStrict: true),
            limits: { header in try catalog.profile(id: header.device).limits })

        #expect(report.findings.isEmpty)
        #expect(!report.isTruncated)
        #expect(report.device == "tonic-16" && report.serial == "IPG-0042")
        #expect(report.recordedHours == 720)
        #expect(report.therapyHours == 420)
        #expect(report.daysWithTherapy == 30)
        #expect(report.days.allSatisfy { $0.therapyHours == 14 })
        for usage in report.programs {
            let seconds = try #require(expected.therapySeconds[usage.slot.number])
            #expect(usage.therapyHours == Double(seconds) / 3_600, "slot \(usage.slot)")
            let mean = Double(expected.amplitudeSeconds[usage.slot.number] ?? 0) / Double(seconds) / 1_000_000
            #expect(abs(usage.meanAmplitude - mean) < 1e-9, "slot \(usage.slot)")
        }
        #expect(report.programs.map(\.slot) == [1, 2])
        #expect(report.adjustments.patient == expected.patientAdjustments)
        #expect(report.adjustments.clinician == 0)
        #expect(report.rejected.total == expected.refusals)
        #expect(report.rejected.byRule == ["patientRange": expected.refusals])
        #expect(report.charges.count == expected.chargeStarts.count)
        #expect(report.charges.meanIntervalHours == 72)
        #expect(report.impedanceAlerts == 0)
        #expect(report.safety.eventsWithErrors == 0)
    }

    @Test("the recording is exactly the format's lines: a header, events in time order, an end line")
    func format() async throws {
        let test = try TestDevice()
        _ = try await Self.simulateMonth(test)
        let lines = String(decoding: test.device.exportRecording(), as: UTF8.self).split(separator: "\n")
        #expect(
            lines.first
                == #"{"type":"header","format":"scs-recording","version":1,"device":"tonic-16","serial":"IPG-0042","start":"2026-01-05T00:00:00Z"}"#
        )
        #expect(lines.last == #"{"t":"2026-02-04T00:00:00Z","type":"end"}"#)
        var previous = ""
        for line in lines.dropFirst() {
            let time = try #require(line.split(separator: "\"")[safe: 3].map(String.init))
            #expect(time >= previous, "\(line)")
            previous = time
        }
        let types = Set(lines.dropFirst().compactMap { $0.split(separator: "\"")[safe: 7].map(String.init) })
        #expect(
            types == [
                "impedance", "program", "activate", "therapy", "amplitude", "rejected", "charge", "battery", "end",
            ])
    }

    @Test("a log drained piece by piece as it is made joins to the recording exported at the end")
    func drainedInPieces() async throws {
        var pieces: [[UInt8]] = []
        var exported: [UInt8] = []
        for drains in [true, false] {
            let test = try TestDevice()
            let clinician = try await test.connect()
            for day: Int64 in 0..<3 {
                Self.advance(test, day: day, seconds: 8 * Self.hour)
                try await clinician.write(try tonic("\(day + 2)"), to: 1)
                try await clinician.activate(slot: 1)
                try await clinician.setTherapy(on: true)
                Self.advance(test, day: day, seconds: 20 * Self.hour)
                try await clinician.setTherapy(on: false)
                if drains { pieces.append(test.device.drainRecording()) }
            }
            await clinician.close()
            Self.advance(test, day: 3, seconds: 0)
            if drains {
                pieces.append(test.device.drainRecording(isClosing: true))
            } else {
                exported = test.device.exportRecording()
            }
        }
        #expect(pieces.count == 4)
        #expect(Array(pieces.joined()) == exported)
        #expect(String(decoding: pieces[3], as: UTF8.self) == #"{"t":"2026-01-08T00:00:00Z","type":"end"}"# + "\n")
    }

    @Test("setting the clock before anything happened moves the recording's start")
    func clockSetBeforeEvents() async throws {
        let test = try TestDevice()
        let programmer = try await test.connect()
        try await programmer.setClock(to: Timestamp(year: 2027, month: 6, day: 1))
        try await programmer.write(try tonic("3"), to: 1)
        let text = String(decoding: try await programmer.readEventLog(), as: UTF8.self)
        #expect(
            text.hasPrefix(
                #"{"type":"header","format":"scs-recording","version":1,"device":"tonic-16","serial":"IPG-0042","start":"2027-06-01T00:00:00Z"}"#
            ))
        #expect(text.contains(#"{"t":"2027-06-01T00:00:00Z","type":"program","slot":1"#))
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
