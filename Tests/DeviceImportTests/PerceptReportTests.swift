import DeviceImport
import Foundation
import RecordingFormat
import StimSafety
import Testing
import TherapyLog

@Suite("Importing a Percept session report")
struct PerceptReportTests {
    static func at(_ text: String) -> Timestamp { Timestamp(rfc3339: text)! }

    @Test("Initial settings, the event log's changes, the session's measurements and the final settings, in order")
    func timeline() throws {
        let result = try Fixtures.percept("percept-session.json")
        #expect(result.device == "percept-pc")
        #expect(result.serial == "NDP000001")
        #expect(result.start == Self.at("2026-01-08T08:00:00Z"))
        #expect(result.end == Self.at("2026-01-10T10:30:00Z"))
        #expect(
            result.events.map { "\($0.time) \($0.event.summary)" } == [
                "2026-01-08T08:00:00Z program 1 2.9 mA",
                "2026-01-08T08:00:00Z program 3 2.5 mA",
                "2026-01-08T08:00:00Z program 5 1.5 mA",
                "2026-01-08T08:00:00Z activate 1",
                "2026-01-08T08:00:00Z therapy on",
                "2026-01-08T08:00:00Z therapy off",
                "2026-01-08T20:00:00Z therapy on",
                "2026-01-09T12:00:00Z activate 5",
                "2026-01-09T18:00:00Z activate 1",
                "2026-01-10T10:00:00Z battery 73",
                "2026-01-10T10:00:00Z impedance 0=1022,1=5100",
                "2026-01-10T10:30:00Z program 1 3.1 mA",
            ])
    }

    @Test("Electrode names and fractions of 64 become contact percents on the hemisphere's port")
    func contacts() throws {
        let result = try Fixtures.percept("percept-session.json")
        let programs = result.events.compactMap { event -> (Slot, StimProgram)? in
            if case .program(let slot, let program, _) = event.event { return (slot, program) }
            return nil
        }
        let left = try #require(programs.first { $0.0 == 1 }?.1)
        #expect(left.contacts == [ContactShare(.lead(1), Percent(units: -100)), ContactShare(.can, .whole)])
        #expect(left.rate == .frequency(Millihertz(units: 130)))
        #expect(
            left.patientRange == PatientRange(min: Nanoamps(rawValue: 2_600_000), max: Nanoamps(rawValue: 3_200_000)))
        let right = try #require(programs.first { $0.0 == 3 }?.1)
        #expect(
            right.contacts == [
                ContactShare(.lead(9), Percent(units: -34)), ContactShare(.lead(10), Percent(units: -33)),
                ContactShare(.lead(11), Percent(units: -33)), ContactShare(.can, .whole),
            ])
        let groupB = try #require(programs.first { $0.0 == 5 }?.1)
        #expect(groupB.patientRange == nil)
    }

    @Test("Impossible values from mock data and what a recording cannot hold are notes")
    func notes() throws {
        let notes = try Fixtures.percept("percept-session.json").notes
        func has(_ kind: ImportNote.Kind, _ text: String) -> Bool {
            notes.contains { $0.kind == kind && $0.message.contains(text) }
        }
        #expect(has(.impossible, "LowerLimitInMilliAmps 2 mA is above UpperLimitInMilliAmps 1 mA"))
        #expect(has(.impossible, "ProgrammerUtcOffset +15:00 is outside"))
        #expect(has(.skipped, "GroupUsagePercentage[2] is empty"))
        #expect(has(.inexpressible, "group usage A 80.0 %, B 20.0 %"))
        #expect(notes.filter { $0.message.contains("group A runs 2 programs together") }.count == 1)
        #expect(has(.inexpressible, "a lead integrity test"))
        #expect(has(.inexpressible, "1 bipolar impedance"))
        #expect(has(.inexpressible, "GroupHistory holds the settings of 1 earlier session"))
        #expect(has(.annotation, "programmer SessionStart"))
        #expect(notes.contains { $0.kind == .skipped && $0.record == 7 })
        #expect(!notes.contains { $0.kind == .repair })
    }

    @Test("The analyzer reads the import: therapy between the event log's changes, impedance alerts, slots")
    func analysis() throws {
        let report = Fixtures.report(try Fixtures.percept("percept-session.json"), file: "percept-session.json")
        #expect(report.therapyHours == 38.5)
        #expect(report.programs.map(\.slot) == [1, 5])
        #expect(report.programs.map(\.therapyHours) == [32.5, 6])
        #expect(report.impedanceAlerts == 1)
        // Only the final program, written after contact 1 measured open: 3.1 mA × 5.1 kΩ is past compliance too.
        #expect(report.safety.eventsWithErrors == 1)
        #expect(Set(report.safety.rules).isSuperset(of: [.impedance, .compliance]))
    }

    @Test("A polarity in capitals reads as in Percept's own case: cathode currents, contacts and fractions alike")
    func polarityIsReadInAnyCase() throws {
        let name = "percept-sensing.json"
        let text = try String(contentsOf: Fixtures.url(name), encoding: .utf8)
        #expect(text.contains("ElectrodeStateDef.Negative"))
        let capitals = text.replacingOccurrences(of: "ElectrodeStateDef.Negative", with: "ElectrodeStateDef.NEGATIVE")
        let result = try PerceptReport.read(Array(capitals.utf8), file: name)
        let original = try Fixtures.percept(name)
        #expect(result.events == original.events)
        #expect(result.notes == original.notes)
    }

    @Test("A sensing group's channels are both hemispheres' programs, SenSight segments their contacts")
    func sensingChannels() throws {
        let result = try Fixtures.percept("percept-sensing.json")
        #expect(
            result.events.map { "\($0.time) \($0.event.summary)" } == [
                "2026-02-28T17:00:00Z program 1 2.5 mA", "2026-02-28T17:00:00Z program 3 2 mA",
                "2026-02-28T17:00:00Z program 5 1.2 mA", "2026-02-28T17:00:00Z program 7 1 mA",
                "2026-02-28T17:00:00Z activate 1", "2026-02-28T17:00:00Z therapy on",
            ])
        let programs = result.events.compactMap { event -> (Slot, StimProgram)? in
            if case .program(let slot, let program, _) = event.event { return (slot, program) }
            return nil
        }
        let left = try #require(programs.first { $0.0 == 1 }?.1)
        #expect(
            left.contacts == [
                ContactShare(.lead(1), Percent(units: -32)), ContactShare(.lead(2), Percent(units: -32)),
                ContactShare(.lead(3), Percent(units: -36)), ContactShare(.can, .whole),
            ])
        #expect(left.rate == .frequency(Millihertz(units: 130)))
        #expect(left.pulseWidth == Nanoseconds(units: 60))
        let groupB = programs.filter { $0.0 >= 5 }.map(\.1.contacts)
        #expect(
            groupB == [
                [ContactShare(.lead(0), .whole), ContactShare(.lead(2), Percent(units: -100))],
                [ContactShare(.lead(14), .whole), ContactShare(.lead(15), Percent(units: -100))],
            ])
        #expect(programs.first { $0.0 == 5 }?.1.rate == .frequency(Millihertz(units: 60)))
    }

    @Test("A program whose electrode is unknown keeps its settings, with its contacts unknown and a note")
    func unknownElectrode() throws {
        let result = try Fixtures.percept("percept-sensing.json")
        let event = try #require(
            result.events.first {
                if case .program(3, _, _) = $0.event { return true }
                return false
            })
        #expect(event.contactsUnknown)
        guard case .program(_, let program, _) = event.event else { return }
        #expect(program.amplitude == Nanoamps(units: 2))
        #expect(program.pulseWidth == Nanoseconds(units: 60))
        #expect(program.contacts.isEmpty)
        #expect(
            result.notes.contains {
                $0.message.contains("SensingChannel[1]: electrode 'ElectrodeDef.SenSight_8a' names no contact")
                    && $0.message.contains("contacts unknown")
            })
    }

    @Test("Stimulation on throughout is therapy delivered; unknown contacts are not evaluated, never errors")
    func sensingAnalysis() throws {
        let report = Fixtures.report(try Fixtures.percept("percept-sensing.json"), file: "percept-sensing.json")
        #expect(report.recordedHours == 41)
        #expect(report.therapyHours == 41)
        #expect(report.programs.map(\.slot) == [1])
        #expect(report.programs.first?.meanAmplitude == 2.5)
        #expect(!report.safety.rules.contains(.contactsPolarity))
        #expect(report.safety.notEvaluated == SafetySummary.contactRules)
    }

    @Test("Device limits that contradict themselves are an impossible note naming the group and both values")
    func impossibleLimits() throws {
        let notes = try Fixtures.percept("percept-sensing.json").notes
        #expect(
            notes.contains {
                $0.kind == .impossible && $0.message.contains("(group A) SensingChannel[1]")
                    && $0.message.contains("LowerLimitInMilliAmps 3.5 mA is above UpperLimitInMilliAmps 2 mA")
            })
    }

    @Test("Missing keys, empty entries and NaN tokens are said; what is there is still read")
    func sparseReport() throws {
        let result = try Fixtures.percept("percept-sparse.json")
        #expect(result.events.isEmpty)
        #expect(result.start == Self.at("2026-02-01T09:00:00Z"))
        let kinds = result.notes.map(\.kind)
        #expect(kinds.contains(.repair))
        #expect(result.notes.contains { $0.kind == .missing && $0.message.contains("Groups.Final") })
        #expect(result.notes.contains { $0.kind == .missing && $0.message == "no SessionEndDate" })
        #expect(result.notes.contains { $0.kind == .missing && $0.message.contains("DiagnosticData.EventLogs") })
        #expect(result.notes.contains { $0.kind == .missing && $0.message.contains("PulseWidthInMicroSecond") })
        #expect(result.notes.contains { $0.kind == .reading && $0.message.contains("NOT_STARTED") })
        #expect(result.notes.filter { $0.message.contains("is empty") }.count == 2)
    }

    @Test("At the session start the device's reported status wins over the event log, and the disagreement is said")
    func initialStatusDisagreesWithTheEventLog() throws {
        let url = Fixtures.url("percept-session.json")
        var report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        report["Stimulation"] = ["InitialStimStatus": "StimStatusDef.OFF", "FinalStimStatus": "StimStatusDef.ON"]
        let bytes = Array(try JSONSerialization.data(withJSONObject: report, options: [.prettyPrinted]))
        let result = try PerceptReport.read(bytes, file: "changed.json")
        let therapy = result.events.filter { $0.event.typeName == "therapy" }.map { "\($0.time) \($0.event.summary)" }
        #expect(
            therapy == [
                "2026-01-08T08:00:00Z therapy on", "2026-01-08T08:00:00Z therapy off",
                "2026-01-08T20:00:00Z therapy on",
                "2026-01-10T10:00:00Z therapy off", "2026-01-10T10:30:00Z therapy on",
            ])
        #expect(
            result.notes.contains {
                $0.kind == .disagreement && $0.message.contains("leaves therapy on at the session start")
            })
    }

    @Test("A session that ends before it starts places its final settings at its start, with a note")
    func sessionEndBeforeItsStart() throws {
        let url = Fixtures.url("percept-session.json")
        var report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        report["SessionEndDate"] = "2025-01-10T10:30:00Z"
        let bytes = Array(try JSONSerialization.data(withJSONObject: report, options: [.prettyPrinted]))
        let result = try PerceptReport.read(bytes, file: "changed.json")
        #expect(result.events.allSatisfy { $0.time >= result.start }, "an event is written before the start")
        #expect(result.events.last?.time == Timestamp(rfc3339: "2026-01-10T10:00:00Z"))
        #expect(
            result.notes.contains {
                $0.kind == .impossible
                    && $0.message.contains("SessionEndDate 2025-01-10T10:30:00Z is before SessionDate")
            })
    }

    @Test("JSON of another kind, or too damaged to repair, is an error naming the file")
    func badInput() throws {
        let other = #expect(throws: ImportError.self) {
            try PerceptReport.read(Array(#"{"name": "not a report", "values": [1, 2]}"#.utf8), file: "other.json")
        }
        #expect(other?.description.hasPrefix("other.json: an object without the keys") == true)
        let damaged = #expect(throws: ImportError.self) {
            try PerceptReport.read(Array("{\"DataVersion\": \"1.2\", \"Groups\": }".utf8), file: "broken.json")
        }
        #expect(damaged?.description.hasPrefix("broken.json: too damaged to repair: line 1") == true)
        let undated = #expect(throws: ImportError.self) {
            try PerceptReport.read(Array(#"{"DataVersion": "1.2", "Groups": {}}"#.utf8), file: "dir/undated.json")
        }
        #expect(
            undated?.description
                == "dir/undated.json: no SessionDate and no dated event-log entry: nothing can be placed in time")
    }

    @Test("Content, not the name, tells a recording, a folder and a Percept report apart")
    func detection() throws {
        #expect(try ImportSource.detect(Fixtures.url("rcs-session"), name: "x") == .rcsFolder)
        let report = Fixtures.url("percept-session.json")
        #expect(try ImportSource.detect(report, name: "x") == .perceptReport(Array(Data(contentsOf: report))))
        let sparse = Fixtures.url("percept-sparse.json")
        #expect(try ImportSource.detect(sparse, name: "x") == .perceptReport(Array(Data(contentsOf: sparse))))
        let folder = try Fixtures.temporaryFolder()
        let recording = folder.appendingPathComponent("report.json")
        try Data(#"{"type":"header","format":"scs-recording","version":1}"#.utf8).write(to: recording)
        #expect(try ImportSource.detect(recording, name: "x") == .recording)
        let stimLog = folder.appendingPathComponent("a.scsrec.jsonl")
        try Data("[\n{\"RecordInfo\": {\"HostUnixTime\": 1}}\n]".utf8).write(to: stimLog)
        #expect(throws: ImportError.self) { try ImportSource.detect(stimLog, name: "x") }
    }

    @Test("A file detection refuses is named as the caller named it, not by its path")
    func detectionErrorNamesTheGivenName() throws {
        let stimLog = try Fixtures.temporaryFolder().appendingPathComponent("StimLog.json")
        try Data("[\n{\"RecordInfo\": {\"HostUnixTime\": 1}}\n]".utf8).write(to: stimLog)
        let error = #expect(throws: ImportError.self) { try ImportSource.detect(stimLog, name: "session/StimLog.json") }
        #expect(error?.file == "session/StimLog.json")
    }
}
