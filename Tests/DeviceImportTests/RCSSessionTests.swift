import DeviceProfiles
import Foundation
import RecordingFormat
import StimSafety
import Testing
import TherapyLog

@testable import DeviceImport

@Suite("Importing an RC+S session folder")
struct RCSSessionTests {
    @Test("Sparse StimLog and DeviceSettings updates merge into the timeline they describe")
    func fullSessionTimeline() throws {
        let result = try Fixtures.rcs("rcs-session")
        #expect(result.device == "research-ins-16")
        #expect(result.serial == "NPC700378H")
        #expect(result.start == Fixtures.time())
        #expect(result.end == Fixtures.time(hours: 6))
        let timeline = result.events.map { "\($0.time) \($0.event.summary)" }
        #expect(
            timeline == [
                "\(Fixtures.time()) battery 82",
                "\(Fixtures.time()) program 1 3 mA",
                "\(Fixtures.time()) program 5 2 mA",
                "\(Fixtures.time()) activate 1",
                "\(Fixtures.time()) therapy on",
                "\(Fixtures.time(hours: 1)) battery 80",
                "\(Fixtures.time(hours: 2)) program 1 4 mA",
                "\(Fixtures.time(hours: 3, milliseconds: 500)) amplitude 1 3.8 mA by device",
                "\(Fixtures.time(hours: 3, milliseconds: 653.6)) amplitude 1 3.6 mA by device",
                "\(Fixtures.time(hours: 3, milliseconds: 1000)) amplitude 1 3.5 mA by device",
                "\(Fixtures.time(hours: 4)) activate 5",
                "\(Fixtures.time(hours: 6)) therapy off",
            ])
    }

    @Test("Raw units decode to exact programs, with contacts, recovery and patient range from DeviceSettings")
    func unitsAndSettingsDecode() throws {
        let result = try Fixtures.rcs("rcs-session")
        guard case .program(let slot, let program, _) = result.events[1].event else {
            Issue.record("expected a program event")
            return
        }
        #expect(slot == 1)
        #expect(program.amplitude == Nanoamps(units: 3))
        #expect(program.pulseWidth == Nanoseconds(units: 90))
        #expect(program.rate == .period(Nanoseconds(units: 10_000)))
        #expect(program.contacts == [ContactShare(.lead(0), Percent(units: -100)), ContactShare(.lead(1), .whole)])
        #expect(program.recovery == .active)
        #expect(program.patientRange == PatientRange(min: Nanoamps(units: 1), max: Nanoamps(units: 5)))
    }

    @Test("Every repair, mismatch, limit, impossible value and disagreement is a note naming file and record")
    func notesNameTheirPlace() throws {
        let notes = try Fixtures.rcs("rcs-session").notes
        func find(_ kind: ImportNote.Kind, _ text: String) -> ImportNote? {
            notes.first { $0.kind == kind && $0.message.contains(text) }
        }
        #expect(find(.repair, "'NaN'")?.location == "StimLog.json line 138")
        #expect(find(.repair, "trailing comma")?.file == "StimLog.json")
        #expect(find(.repair, "kept the 4 complete records")?.file == "AdaptiveLog.json")
        #expect(
            find(.mismatch, "AmplitudeInMilliamps 4.5 is not the raw amplitude 40")?.location == "StimLog.json record 2"
        )
        #expect(find(.limit, "pulse width 210")?.location == "DeviceSettings.json record 1")
        #expect(find(.impossible, "amplitude lower limit 3 mA is above")?.location == "DeviceSettings.json record 1")
        #expect(find(.disagreement, "says therapy off")?.location == "EventLog.json record 2")
        #expect(find(.disagreement, "says group A")?.location == "EventLog.json record 2")
        #expect(notes.filter { $0.kind == .disagreement }.count == 2)
        #expect(find(.annotation, "Stim on · Group A")?.time == Fixtures.time(hours: 0.5))
        #expect(find(.skipped, "cannot be placed in time")?.location == "EventLog.json record 3")
        #expect(find(.reading, "not written and not validated: A1 (isEnabled 131), A2 (isEnabled 131)") != nil)
        #expect(find(.reading, "systemTick rolled over 1 time") != nil)
        #expect(find(.reading, "PacketGenTime not set: placed 153.6 ms after record 2") != nil)
        #expect(find(.inexpressible, "show a program ramping") != nil)
        #expect(find(.inexpressible, "runs programs") == nil)
        #expect(find(.inexpressible, "group A has cyclingEnabled")?.location == "DeviceSettings.json record 1")
        #expect(notes.filter { $0.kind == .missing }.isEmpty)
    }

    @Test("Disabled programs are never written, so their placeholder values are never validated")
    func disabledProgramsAreNotWritten() throws {
        let result = try Fixtures.rcs("rcs-session")
        let slots = result.events.compactMap { event -> Slot? in
            if case .program(let slot, _, _) = event.event { return slot }
            return nil
        }
        #expect(Set(slots) == [1, 5])
        let report = Fixtures.report(result, file: "rcs-session")
        #expect(report.safety.eventsWithErrors == 1)
        #expect(report.safety.rules == [.pulseWidthRange])
    }

    @Test("The analyzer reads the import like a recording: therapy time per slot from the merged timeline")
    func analysisOfTheImport() throws {
        let report = Fixtures.report(try Fixtures.rcs("rcs-session"), file: "rcs-session")
        #expect(report.recordedHours == 6)
        #expect(report.therapyHours == 6)
        #expect(report.programs.map(\.slot) == [1, 5])
        #expect(report.programs.map(\.therapyHours) == [4, 2])
        #expect(report.findings.isEmpty)
        #expect(report.adjustments == AdjustmentCounts(device: 3))
    }

    @Test("StimLog alone gives the therapy timeline, with placeholder programs skipped and the gaps said")
    func stimLogAlone() throws {
        let result = try Fixtures.rcs("rcs-stimlog-only")
        #expect(result.events.map(\.event.summary) == ["program 9 2.5 mA", "activate 9", "therapy on", "therapy off"])
        let missing = result.notes.filter { $0.kind == .missing }.map(\.file)
        #expect(missing == ["DeviceSettings.json", "EventLog.json", "AdaptiveLog.json"])
        #expect(result.notes.contains { $0.message.contains("C1 (placeholder 8.5 mA, 850 µs), C2 (placeholder") })
        let report = Fixtures.report(result, file: "rcs-stimlog-only")
        #expect(report.therapyHours == 2)
        #expect(report.safety.eventsWithErrors == 0)
        #expect(report.safety.rules.isEmpty)
        #expect(report.safety.notEvaluated == SafetySummary.contactRules)
        #expect(result.events.first?.contactsUnknown == true)
        #expect(result.notes.contains { $0.message.contains("contacts unknown (the contact rules are not evaluated)") })
    }

    @Test("A folder with none of the session files is an error naming the folder")
    func emptyFolder() throws {
        let folder = try Fixtures.temporaryFolder()
        try Data("notes".utf8).write(to: folder.appendingPathComponent("README.txt"))
        let error = #expect(throws: ImportError.self) {
            try RCSSession.read(folder: folder, name: "empty", limits: Fixtures.profile("research-ins-16").limits)
        }
        #expect(error?.file == "empty")
        #expect(error?.message.contains("none of the RC+S session files") == true)
    }

    @Test(
        "A file too damaged to repair, or not an array of records, is an error naming the file",
        arguments: [
            ("[{\"RecordInfo\": @@}]", "too damaged to repair: line 1"), ("\"text\"", "holds a string, not the array"),
        ])
    func damagedFile(text: String, message: String) throws {
        let folder = try Fixtures.temporaryFolder()
        try Data(text.utf8).write(to: folder.appendingPathComponent("StimLog.json"))
        let error = #expect(throws: ImportError.self) {
            try RCSSession.read(folder: folder, name: "session", limits: Fixtures.profile("research-ins-16").limits)
        }
        #expect(error?.file == "session/StimLog.json")
        #expect(error?.message.contains(message) == true)
    }

    @Test(
        "Event-log text claims therapy states and groups",
        arguments: [
            ("Stim on", true, nil), ("therapy OFF now", false, nil), ("switched to Group C", nil, 2),
            ("stimulation on; group b", true, 1), ("feeling on edge", nil, nil),
        ] as [(String, Bool?, Int?)])
    func eventTextClaims(text: String, isOn: Bool?, group: Int?) {
        #expect(RCSEventLog.claim(in: text) == RCSEventLog.Claim(isTherapyOn: isOn, group: group))
    }

    @Test(
        "Event-log text claims an amplitude, rate and pulse width by their units, whatever the spacing, case or micro sign",
        arguments: [
            (
                "Start Stim Run. Stim amp: 0.6mA. Stim Rate: 130.2Hz. Pulse Width: 60μs. Group A", 0, "0.6", "130.2",
                "60"
            ),
            ("AMP 1.5 MA, RATE 100 HZ, PW 90 US", nil, "1.5", "100", "90"),
            ("group b at 2mA and 90µs", 1, "2", nil, "90"),
        ] as [(String, Int?, String, String?, String)])
    func eventTextSettings(text: String, group: Int?, milliamps: String, hertz: String?, micros: String) throws {
        let expected = RCSEventLog.Claim(
            group: group, amplitude: try Nanoamps(parsing: milliamps),
            rate: try hertz.map { try Millihertz(parsing: $0) }, pulseWidth: try Nanoseconds(parsing: micros))
        #expect(RCSEventLog.claim(in: text) == expected)
    }
}
