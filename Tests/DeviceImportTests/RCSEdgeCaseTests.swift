import DeviceImport
import DeviceProfiles
import Foundation
import StimSafety
import Testing
import TherapyLog

@Suite("RC+S sessions at the edges")
struct RCSEdgeCaseTests {
    /// A session folder holding `files` (name → JSON text).
    static func session(_ files: [String: String]) throws -> ImportResult {
        let folder = try Fixtures.temporaryFolder()
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return try RCSSession.read(
            folder: folder, name: "session", limits: Fixtures.profile(RCSSession.profileID).limits)
    }

    /// A StimLog record at `hour` after 08:00 with the given members.
    static func record(hour: Int, _ members: String) -> String {
        #"{"RecordInfo": {"HostUnixTime": \#(1_767_600_000_000 + hour * 3_600_000), "DeviceId": "X"}\#(members)}"#
    }

    static func program(_ amplitude: Int, _ pulseWidth: Int) -> String {
        #"{"amplitude": \#(amplitude), "pulseWidth": \#(pulseWidth)}"#
    }

    @Test("A group running two enabled programs activates the first and says the recording cannot time the other")
    func twoProgramsInOneGroup() throws {
        let group =
            #", "TherapyConfigGroup0": {"ratePeriod": 1000, "program0": \#(Self.program(20, 9)), "program1": \#(Self.program(30, 12))}"#
        let status = #", "therapyStatusData": {"activeGroup": 0, "therapyStatus": 1}"#
        let result = try Self.session([
            "StimLog.json": "[" + Self.record(hour: 0, group + status) + ","
                + Self.record(hour: 1, #", "therapyStatusData": {"activeGroup": 0, "therapyStatus": 0}"#) + "]"
        ])
        #expect(
            result.events.map(\.event.summary) == [
                "program 1 2 mA", "program 2 3 mA", "activate 1", "therapy on", "therapy off",
            ])
        #expect(
            result.notes.contains { $0.kind == .inexpressible && $0.message.contains("runs programs 0, 1 together") })
        let report = Fixtures.report(result, file: "session")
        #expect(report.programs.map(\.slot) == [1])
        // Without DeviceSettings both programs' contacts are unknown: validated, contact rules not evaluated.
        #expect(report.safety.eventsWithErrors == 0)
        #expect(report.safety.notEvaluated == SafetySummary.contactRules)
    }

    @Test("An active group with no enabled program delivers nothing: therapy is written off until a group has one")
    func activeGroupWithoutPrograms() throws {
        let groups =
            #", "TherapyConfigGroup0": {"ratePeriod": 1000, "program0": \#(Self.program(20, 9))}, "TherapyConfigGroup1": {"ratePeriod": 1000, "program0": \#(Self.program(85, 85))}"#
        let result = try Self.session([
            "StimLog.json": "["
                + Self.record(hour: 0, groups + #", "therapyStatusData": {"activeGroup": 0, "therapyStatus": 1}"#) + ","
                + Self.record(hour: 1, #", "therapyStatusData": {"activeGroup": 1, "therapyStatus": 1}"#) + ","
                + Self.record(hour: 2, #", "therapyStatusData": {"activeGroup": 0, "therapyStatus": 1}"#) + "]"
        ])
        #expect(
            result.events.map(\.event.summary) == [
                "program 1 2 mA", "activate 1", "therapy on", "therapy off", "therapy on",
            ])
        #expect(result.notes.contains { $0.message.contains("the active group B has no enabled program") })
        #expect(Fixtures.report(result, file: "session").therapyHours == 1)
    }

    @Test("A lead-integrity test is said once per test and counts as therapy off")
    func leadIntegrityTest() throws {
        let group = #", "TherapyConfigGroup0": {"ratePeriod": 1000, "program0": \#(Self.program(20, 9))}"#
        func status(_ value: Int) -> String {
            #", "therapyStatusData": {"activeGroup": 0, "therapyStatus": \#(value)}"#
        }
        let result = try Self.session([
            "StimLog.json": "["
                + [
                    Self.record(hour: 0, group + status(1)), Self.record(hour: 1, status(2)),
                    Self.record(hour: 2, status(2)), Self.record(hour: 3, status(1)),
                ].joined(separator: ",") + "]"
        ])
        #expect(
            result.events.map(\.event.summary) == [
                "program 1 2 mA", "activate 1", "therapy on", "therapy off", "therapy on",
            ])
        #expect(result.notes.filter { $0.message.contains("Lead integrity test") }.map(\.record) == [2])
        #expect(Fixtures.report(result, file: "session").therapyHours == 1)
    }

    @Test("A record without a host time is skipped and said; one earlier than the last is merged in time order")
    func untimedAndOutOfOrderRecords() throws {
        let group = #", "TherapyConfigGroup0": {"ratePeriod": 1000, "program0": \#(Self.program(20, 9))}"#
        let result = try Self.session([
            "StimLog.json": "["
                + Self.record(hour: 2, #", "therapyStatusData": {"activeGroup": 0, "therapyStatus": 0}"#) + ","
                + #"{"therapyStatusData": {"therapyStatus": 1}}"# + ","
                + Self.record(hour: 0, group + #", "therapyStatusData": {"activeGroup": 0, "therapyStatus": 1}"#) + "]"
        ])
        #expect(result.events.map(\.time) == [0, 0, 0, 2].map { Fixtures.time(hours: Double($0)) })
        #expect(result.notes.contains { $0.kind == .skipped && $0.record == 2 })
        #expect(
            result.notes.contains {
                $0.kind == .reading && $0.record == 3 && $0.message.contains("earlier than record 1")
            })
    }

    @Test("Adaptive records out of order are placed in time order; ones before any settings are not placed")
    func adaptiveOrderAndPlacement() throws {
        let group = #", "TherapyConfigGroup0": {"ratePeriod": 1000, "program0": \#(Self.program(20, 9))}"#
        func update(_ milliseconds: Int, _ amplitude: String) -> String {
            #"{"AdaptiveUpdate": {"Header": {"systemTick": 100}, "PacketGenTime": \#(1_767_600_000_000 + milliseconds), "CurrentProgramAmplitudesInMilliamps": [\#(amplitude), 0, 0, 0]}}"#
        }
        let result = try Self.session([
            "StimLog.json": "["
                + Self.record(hour: 1, group + #", "therapyStatusData": {"activeGroup": 0, "therapyStatus": 1}"#) + "]",
            "AdaptiveLog.json": "["
                + [update(-1_000, "1.0"), update(3_602_000, "2.2"), update(3_601_000, "2.1")].joined(separator: ",")
                + "]",
        ])
        #expect(
            result.events.map(\.event.summary) == [
                "program 1 2 mA", "activate 1", "therapy on", "amplitude 1 2.1 mA by device",
                "amplitude 1 2.2 mA by device",
            ])
        #expect(result.notes.contains { $0.kind == .skipped && $0.record == 1 && $0.file == "AdaptiveLog.json" })
        #expect(result.notes.contains { $0.record == 3 && $0.message.contains("earlier than record 2") })
        #expect(result.start == Fixtures.time(hours: 0, milliseconds: -1_000))
    }

    @Test(
        "Raw settings too large for their unit are impossible notes, not an overflow",
        arguments: [
            (#""ratePeriod": 9223372036854775807"#, "ratePeriod"),
            (#""ratePeriod": 922337203685478"#, "ratePeriod"),
            (#""program0": {"amplitude": 92233720368548, "pulseWidth": 9}"#, "amplitude"),
            (#""program0": {"amplitude": 20, "pulseWidth": 9223372036854775807}"#, "pulseWidth"),
        ])
    func oversizedRawSettings(members: String, field: String) throws {
        let group = #", "TherapyConfigGroup0": {\#(members)}"#
        let result = try Self.session(["StimLog.json": "[" + Self.record(hour: 1, group) + "]"])
        #expect(result.notes.contains { $0.kind == .impossible && $0.message.contains(field) }, "\(result.notes)")
    }

    @Test(
        "Adaptive records placed by any systemTick a file holds do not overflow",
        arguments: [Int64.max, Int64.min, -1, 65_535])
    func extremeSystemTicks(tick: Int64) throws {
        let group = #", "TherapyConfigGroup0": {"ratePeriod": 1000, "program0": \#(Self.program(20, 9))}"#
        let first =
            #"{"AdaptiveUpdate": {"Header": {"systemTick": \#(tick)}, "PacketGenTime": 1767603600000, "CurrentProgramAmplitudesInMilliamps": [1.0, 0, 0, 0]}}"#
        let second =
            #"{"AdaptiveUpdate": {"Header": {"systemTick": \#(tick == .min ? Int64.max : Int64.min)}, "CurrentProgramAmplitudesInMilliamps": [1.5, 0, 0, 0]}}"#
        let result = try Self.session([
            "StimLog.json": "["
                + Self.record(hour: 0, group + #", "therapyStatusData": {"activeGroup": 0, "therapyStatus": 1}"#) + "]",
            "AdaptiveLog.json": "[" + first + "," + second + "]",
        ])
        let placed = result.events.filter { $0.event.summary.hasPrefix("amplitude") }.map(\.time)
        #expect(placed.count == 2)
        #expect(
            placed.allSatisfy { $0 >= Fixtures.time(hours: 1) && $0 < Fixtures.time(hours: 1, milliseconds: 6_554) })
    }

    @Test("An app's stated amplitude, rate or pulse width beyond one device step of the settings log is a disagreement")
    func eventLogSettingsAgainstTheSettingsLog() throws {
        // Group A: a 7680 µs period (130.2 Hz), 0.6 mA, 60 µs.
        let group = #", "TherapyConfigGroup0": {"ratePeriod": 768, "program0": \#(Self.program(6, 6))}"#
        let status = #", "therapyStatusData": {"activeGroup": 0, "therapyStatus": 1}"#
        func event(hour: Int, _ text: String) -> String {
            let time = 1_767_600_000_000 + hour * 3_600_000
            return
                #"{"RecordInfo": {"HostUnixTime": \#(time)}, "Event": {"EventName": "\#(text)", "UnixOnsetTime": \#(time)}}"#
        }
        let result = try Self.session([
            "StimLog.json": "[" + Self.record(hour: 0, group + status) + "]",
            "EventLog.json": "["
                + event(hour: 1, "Start Stim Run. Stim amp: 0.6mA. Stim Rate: 130.2Hz. Pulse Width: 60μs. Group A")
                + ","
                + event(hour: 2, "Stim amp: 0.7 mA. Stim Rate: 130.1 Hz. Pulse Width: 70 us") + ","
                + event(hour: 3, "Stim amp: 1.2mA. Stim Rate: 100Hz. Pulse Width: 90µs") + "]",
        ])
        let disagreements = result.notes.filter { $0.kind == .disagreement }
        #expect(disagreements.map(\.location) == Array(repeating: "EventLog.json record 3", count: 3))
        let messages = disagreements.map(\.message)
        #expect(
            messages.contains {
                $0.contains(
                    "says amplitude 1.2 mA, but the settings log has 0.6 mA for group A program 0 as of StimLog.json record 1"
                )
            })
        #expect(
            messages.contains {
                $0.contains("says rate 100 Hz, but the settings log has 130.208 Hz (period 7680 µs) for group A")
            })
        #expect(messages.contains { $0.contains("says pulse width 90 µs, but the settings log has 60 µs") })
        #expect(messages.allSatisfy { $0.hasSuffix("the settings log is kept") })
    }

    @Test("Without an electrode configuration the contact rules are not evaluated, and the other rules still run")
    func unknownContactsLeaveTheOtherRulesRunning() throws {
        // Group A allows 60–200 µs: 250 µs breaks pulseWidth.range, whatever the contacts.
        let group = #", "TherapyConfigGroup0": {"ratePeriod": 1000, "program0": \#(Self.program(20, 25))}"#
        let status = #", "therapyStatusData": {"activeGroup": 0, "therapyStatus": 1}"#
        let result = try Self.session(["StimLog.json": "[" + Self.record(hour: 0, group + status) + "]"])
        let report = Fixtures.report(result, file: "session")
        #expect(report.safety.eventsWithErrors == 1)
        #expect(report.safety.rules == [.pulseWidthRange])
        #expect(report.safety.notEvaluated == SafetySummary.contactRules)
    }
}
