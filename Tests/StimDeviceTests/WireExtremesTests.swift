import DeviceProfiles
import Foundation
import RecordingFormat
import StimDevice
import StimProtocol
import StimSafety
import Testing
import TherapyLog

/// Numbers a host may put on the wire, at the edges of 64 bits: the device answers each, never
/// traps, and its log still reads back strictly.
@Suite("Numbers at the edges of 64 bits over the wire")
struct WireExtremesTests {
    static let edges: [Int64] = [.min, -1, 0, 1, .max]

    /// The session's program, with one field (or one pair of fields) at each edge in turn.
    static func programs() throws -> [(String, StimProgram)] {
        let base = try tonic("3", patientRange: ("2", "5"))
        var programs: [(String, StimProgram)] = []
        func add(_ name: String, _ change: (inout StimProgram, Int64) -> Void) {
            for edge in edges {
                var program = base
                change(&program, edge)
                programs.append(("\(name) \(edge)", program))
            }
        }
        add("amplitude") { $0.amplitude = Nanoamps(rawValue: $1) }
        add("pulse width") { $0.pulseWidth = Nanoseconds(rawValue: $1) }
        add("frequency") { $0.rate = .frequency(Millihertz(rawValue: $1)) }
        add("period") { $0.rate = .period(Nanoseconds(rawValue: $1)) }
        add("interphase gap") { $0.interphaseGap = Nanoseconds(rawValue: $1) }
        add("burst") {
            $0.waveform = .burst
            $0.pulsesPerBurst = Int($1)
            $0.intraBurstRate = Millihertz(rawValue: $1)
        }
        add("cycling") { $0.cycling = Cycling(on: Milliseconds(rawValue: $1), off: Milliseconds(rawValue: $1)) }
        add("patient range") {
            $0.patientRange = PatientRange(min: Nanoamps(rawValue: $1), max: Nanoamps(rawValue: $1))
        }
        add("percents") {
            $0.contacts = [
                ContactShare(.lead(2), Percent(rawValue: $1)), ContactShare(.lead(3), Percent(rawValue: $1)),
            ]
        }
        return programs
    }

    @Test("a program with a field at an edge, then amplitudes at every edge, are answered and logged readably")
    func programsAndAdjustments() throws {
        let catalog = try TestDevice.catalog()
        for (name, program) in try Self.programs() {
            let test = try TestDevice()
            var raw = try RawSession.open(test.device, role: .clinician, key: test.key(.clinician))
            _ = try raw.send(.writeProgram(ProgramWrite(slot: 1, program: program)))
            _ = try raw.send(.activateSlot(1))
            _ = try raw.send(.setTherapy(true))
            for edge in Self.edges { _ = try raw.send(.adjustAmplitude(Nanoamps(rawValue: edge))) }
            test.clock.advance(by: .seconds(3 * 86_400))
            _ = test.device.snapshot()
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("edge-\(UUID()).scsrec.jsonl")
            defer { try? FileManager.default.removeItem(at: url) }
            try Data(test.device.exportRecording()).write(to: url)
            let report = try RecordingAnalysis.analyze(
                contentsOf: url, file: "edge.scsrec.jsonl", options: ReadingOptions(isStrict: true),
                limits: { header in try catalog.profile(id: header.device).limits })
            #expect(report.findings.isEmpty, "\(name): \(report.findings)")
        }
    }

    @Test(
        "a program the safety rules pass but a recording cannot hold is refused as malformed, and nothing changes",
        arguments: ["interphase gap", "pulses per burst", "intra-burst rate", "cycling off"])
    func unrecordableProgram(field: String) throws {
        var program = try tonic("3")
        switch field {
        case "interphase gap": program.interphaseGap = Nanoseconds(rawValue: -1)
        case "pulses per burst": program.pulsesPerBurst = -1
        case "intra-burst rate": program.intraBurstRate = Millihertz(rawValue: -1)
        default: program.cycling = Cycling(on: Milliseconds(units: 30), off: Milliseconds(rawValue: -1))
        }
        #expect(try TestDevice().limits.validate(program).verdict != .rejected, "the rules let it through")
        let test = try TestDevice()
        var raw = try RawSession.open(test.device, role: .clinician, key: test.key(.clinician))
        let events = test.device.snapshot().eventCount
        #expect(try raw.send(.writeProgram(ProgramWrite(slot: 1, program: program))).errorCode == .malformedPayload)
        #expect(test.device.state().slots.first?.program == nil)
        #expect(test.device.snapshot().eventCount == events)
    }
}
