import RecordingFormat
import StimSafety
import Testing
import TherapyLog

@testable import DeviceImport

@Suite("RC+S raw units and the derived values beside them")
struct RCSUnitDecodingTests {
    /// Merges one StimLog record holding group A with `rate` and `program0`.
    static func merge(_ group: [String: JSONValue]) -> RCSRecordMerger {
        var merger = RCSRecordMerger()
        let value: JSONValue = .object([
            "RecordInfo": .object(["HostUnixTime": .number("1767600000000")]),
            "TherapyConfigGroup0": .object(group),
        ])
        merger.merge(RCSRecord(file: .stimLog, index: 1, value: value, hostTime: Timestamp(nanosecondsSinceEpoch: 0)))
        return merger
    }

    @Test(
        "A rate in Hz agrees with the raw period when it names the same 10 µs period",
        arguments: [
            ("1000", "100", true), ("14288", "7", true), ("14288", "6.99888", true), ("2000", "50.0", true),
            ("1000", "90", false), ("14288", "7.1", false),
        ])
    func ratePeriod(raw: String, hertz: String, agrees: Bool) {
        let merger = Self.merge(["ratePeriod": .number(raw), "RateInHz": .number(hertz)])
        #expect(merger.state.groups[0].period == Nanoseconds(rawValue: Int64(raw)! * 10_000))
        #expect(merger.notes.contains { $0.kind == .mismatch } == !agrees)
    }

    @Test(
        "Amplitude in 0.1 mA and pulse width in 10 µs decode exactly; a derived value that says otherwise is a mismatch",
        arguments: [
            ("45", "4.5", "6", "60", 0), ("0", "0", "85", "850", 0), ("45", "4.45", "6", "60", 1),
            ("45", "4.50", "6", "60.0", 0),
            ("45", "4.6", "6", "60", 1), ("45", "4.5", "6", "70", 1), ("45", "4.4", "6", "50", 2),
        ])
    func amplitudeAndPulseWidth(amplitude: String, milliamps: String, pulseWidth: String, micros: String, count: Int) {
        let program: JSONValue = .object([
            "amplitude": .number(amplitude), "AmplitudeInMilliamps": .number(milliamps),
            "pulseWidth": .number(pulseWidth), "PulseWidthInMicroseconds": .number(micros),
        ])
        let merger = Self.merge(["program0": program])
        let state = merger.state.groups[0].programs[0]
        #expect(state.amplitude == Nanoamps(rawValue: Int64(amplitude)! * 100_000))
        #expect(state.pulseWidth == Nanoseconds(rawValue: Int64(pulseWidth)! * 10_000))
        #expect(merger.notes.filter { $0.kind == .mismatch }.count == count)
    }

    @Test("A sparse block changes only what it names; the rest of the running state stays")
    func sparseMerge() {
        var merger = Self.merge([
            "ratePeriod": .number("1000"),
            "program0": .object(["amplitude": .number("30"), "pulseWidth": .number("9")]),
        ])
        let later: JSONValue = .object([
            "TherapyConfigGroup0": .object(["program0": .object(["amplitude": .number("35")])])
        ])
        merger.merge(RCSRecord(file: .stimLog, index: 2, value: later, hostTime: Timestamp(nanosecondsSinceEpoch: 1)))
        let program = merger.state.groups[0].programs[0]
        #expect(program.amplitude == Nanoamps(rawValue: 3_500_000))
        #expect(program.pulseWidth == Nanoseconds(rawValue: 90_000))
        #expect(merger.state.groups[0].period == Nanoseconds(rawValue: 10_000_000))
    }

    @Test(
        "Values no device holds are impossible and ignored", arguments: ["activeGroup", "therapyStatus", "isEnabled"])
    func impossibleValues(field: String) {
        var merger = RCSRecordMerger()
        let status: JSONValue = .object(["activeGroup": .number("4"), "therapyStatus": .number("9")])
        let group: JSONValue = .object(["program0": .object(["isEnabled": .number("7")])])
        let value: JSONValue =
            field == "isEnabled" ? .object(["TherapyConfigGroup0": group]) : .object(["therapyStatusData": status])
        merger.merge(RCSRecord(file: .stimLog, index: 1, value: value, hostTime: nil))
        #expect(merger.notes.contains { $0.kind == .impossible && $0.message.contains(field) })
        #expect(merger.state.activeGroup == nil)
        #expect(merger.state.therapyStatus == nil)
        #expect(merger.state.groups[0].programs[0].isEnabled == nil)
    }

    @Test(
        "Millisecond Unix times stay exact and print to the millisecond",
        arguments: [
            ("1565897564493", "2019-08-15T19:32:44.493Z"), ("1565897564000", "2019-08-15T19:32:44Z"),
            ("1.565897564493e12", "2019-08-15T19:32:44.493Z"), ("8999999999999", "2255-03-14T15:59:59.999Z"),
        ])
    func millisecondTimes(milliseconds: String, printed: String) {
        #expect(RCSRecord.time(milliseconds: .number(milliseconds))?.description == printed)
    }
}
