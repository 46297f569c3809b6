import DeviceProfiles
import Foundation
import RecordingFormat
import StimDevice
import StimProtocol
import StimSafety
import Testing
import TherapyLog

@Suite("The device clock's range")
struct ClockRangeTests {
    static let first = Timestamp.settableRange.lowerBound
    static let last = Timestamp.settableRange.upperBound

    /// The instants at and one nanosecond beyond each end of the range, and the ends of 64 bits.
    static let cases: [(Int64, Bool)] = [
        (first.nanosecondsSinceEpoch - 1, false), (first.nanosecondsSinceEpoch, true),
        (last.nanosecondsSinceEpoch, true), (last.nanosecondsSinceEpoch + 1, false), (.min, false), (.max, false),
        (0, false),
    ]

    @Test("the range is 2000-01-01 to 2200-01-01 UTC, both included")
    func range() {
        #expect(Self.first.rfc3339 == "2000-01-01T00:00:00Z")
        #expect(Self.last.rfc3339 == "2200-01-01T00:00:00Z")
    }

    @Test(
        "the device sets its clock at both ends of the range and refuses beyond them with clockOutOfRange",
        arguments: cases)
    func deviceRefusesOutsideTheRange(nanoseconds: Int64, isAccepted: Bool) throws {
        let test = try TestDevice()
        var raw = try RawSession.open(test.device, role: .clinician, key: test.key(.clinician))
        let before = test.device.now
        let answer = try raw.send(.setClock(epochNanoseconds: nanoseconds))
        if isAccepted {
            guard case .reply(.setClock) = answer else {
                Issue.record("refused: \(answer)")
                return
            }
            #expect(test.device.now == Timestamp(nanosecondsSinceEpoch: nanoseconds))
        } else {
            #expect(answer.errorCode == .clockOutOfRange)
            #expect(test.device.now == before, "a refused setClock leaves the clock as it was")
        }
    }

    @Test("the host refuses a clock outside the range before sending it", arguments: cases)
    func hostRefusesOutsideTheRange(nanoseconds: Int64, isAccepted: Bool) async throws {
        let test = try TestDevice()
        let programmer = try await test.connect()
        defer { Task { await programmer.close() } }
        let instant = Timestamp(nanosecondsSinceEpoch: nanoseconds)
        do throws(ProgrammerError) {
            try await programmer.setClock(to: instant)
            #expect(isAccepted)
            #expect(test.device.now == instant)
        } catch {
            #expect(!isAccepted)
            #expect(error == .clockOutOfRange(instant))
            #expect(test.device.now == TestDevice.start)
        }
    }

    @Test("a clock set to the end of its range and run on for a century stops at 2262 instead of wrapping to 1677")
    func runningOnStopsAtTheEnd() async throws {
        let test = try TestDevice()
        let programmer = try await test.connect()
        try await programmer.setClock(to: Self.last)
        try await programmer.write(try tonic("3"), to: 1)
        test.clock.advance(by: .seconds(100 * 365 * 86_400))
        #expect(test.device.now == Timestamp(nanosecondsSinceEpoch: .max))
        try await programmer.activate(slot: 1)
        await programmer.close()

        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "late-\(UUID().uuidString).scsrec.jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(test.device.exportRecording()).write(to: url)
        let catalog = try TestDevice.catalog()
        let report = try RecordingAnalysis.analyze(
            contentsOf: url, file: "late.scsrec.jsonl", options: ReadingOptions(isStrict: true),
            limits: { header in try catalog.profile(id: header.device).limits })
        #expect(report.findings.isEmpty, "the exported log still reads: \(report.findings)")
        #expect(report.start.description == "2200-01-01T00:00:00Z")
        #expect(report.end.description == "2262-04-11T23:47:16.854775807Z")
    }

    @Test("durations between the ends of 64 bits are exact")
    func widestDuration() {
        let earliest = Timestamp(nanosecondsSinceEpoch: .min)
        let latest = Timestamp(nanosecondsSinceEpoch: .max)
        #expect(earliest.duration(to: latest) == .nanoseconds(UInt64.max))
        #expect(latest.duration(to: earliest) == .zero - .nanoseconds(UInt64.max))
    }
}
