import Foundation
import RecordingFormat
import StimSafety
import Testing

@testable import TherapyLog

@Suite("The recording writer")
struct RecordingWriterTests {
    static func at(_ seconds: Int64) -> Timestamp {
        Timestamp(nanosecondsSinceEpoch: 1_767_571_200_000_000_000 + seconds * 1_000_000_000)
    }

    static let program = StimProgram(
        amplitude: Nanoamps(rawValue: 4_525_000), pulseWidth: Nanoseconds(units: 300),
        rate: .period(Nanoseconds(units: 142_880)),
        waveform: .burst, pulsesPerBurst: 5, intraBurstRate: Millihertz(units: 500),
        contacts: [ContactShare(.lead(2), Percent(units: -100)), ContactShare(.can, .whole)], recovery: .passive,
        interphaseGap: Nanoseconds(units: 20),
        cycling: Cycling(on: Milliseconds(units: 30), off: Milliseconds(units: 90)),
        patientRange: PatientRange(min: Nanoamps(units: 2), max: Nanoamps(units: 6)))

    static let events: [RecordingEvent] = [
        .program(slot: 1, program: program, by: .clinician), .activate(slot: 1, by: .clinician),
        .therapy(isOn: true, by: .patient), .amplitude(slot: 1, amplitude: Nanoamps(rawValue: 5_100_000), by: .device),
        .impedance([.lead(1): Milliohms(units: 812), .can: Milliohms(rawValue: 95_500)]), .battery(Percent(units: 64)),
        .charge(.start), .charge(.end),
        .rejected(
            RejectedCommand(
                by: .patient, rules: ["patientRange"],
                request: .object(["slot": .number("1"), "note": .string("a \"quoted\"\nline")]))),
        .fault(code: "lead-open", detail: "contact 3"), .fault(code: "low-battery", detail: nil),
    ]

    @Test("Every event type is written so that the reader gives it back exactly")
    func roundTrip() throws {
        let header = RecordingHeader(device: "tonic-16", serial: "IPG-0042", start: Self.at(0))
        let timed = Self.events.enumerated().map { (Self.at(Int64($0.offset) * 60), $0.element) }
        let text = RecordingWriter.text(header: header, events: timed, end: Self.at(3_600))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("writer-\(UUID()).scsrec.jsonl")
        try Data(text.utf8).write(to: url)
        let reader = try RecordingReader(contentsOf: url, options: ReadingOptions(isStrict: true))
        #expect(reader.header == header)
        var read: [RecordedEvent] = []
        var findings: [ReadingFinding] = []
        let outcome = try reader.read { item in
            switch item {
            case .event(let event): read.append(event)
            case .finding(let finding): findings.append(finding)
            }
        }
        #expect(findings.isEmpty)
        #expect(!outcome.isTruncated)
        #expect(read.map(\.event) == Self.events + [.end])
        #expect(read.map(\.time) == timed.map(\.0) + [Self.at(3_600)])
        #expect(text.split(separator: "\n").count == Self.events.count + 2)
    }
}
