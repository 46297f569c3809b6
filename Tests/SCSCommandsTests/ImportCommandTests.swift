import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("scs import, and scs analyze on device logs")
struct ImportCommandTests {
    static let fixtures = "Tests/DeviceImportTests/Fixtures"
    static let session = "\(fixtures)/rcs-session"
    static let percept = "\(fixtures)/percept-session.json"

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func importWritesARecordingThatAnalyzesLikeTheFolderItself() throws {
        let out = try temporaryFile("", name: "session.scsrec.jsonl")
        let imported = try SCSProcess.run(["import", Self.session, "--out", out])
        #expect(imported.status == 0)
        #expect(imported.stdout.contains("Import notes (18:"))
        #expect(imported.stdout.contains("disagreement   EventLog.json record 2"))
        #expect(unwrapped(imported.stdout).contains("written to \(out)"))
        let fromFile = try SCSProcess.run(["analyze", out, "--json", "--strict"])
        #expect(fromFile.status == 0)
        let fromFolder = try SCSProcess.run(["analyze", Self.session, "--json"])
        #expect(fromFolder.status == 0)
        var file = try #require(try Self.json(fromFile.stdout)["recordings"] as? [[String: Any]]).first
        var folder = try #require(try Self.json(fromFolder.stdout)["recordings"] as? [[String: Any]]).first
        let notes = try #require(folder?["import"] as? [String: Any])
        #expect(notes["format"] as? String == "rcs-session")
        #expect((notes["notes"] as? [[String: Any]])?.count == 18)
        let sources = try #require(notes["sources"] as? [[String: Any]])
        #expect(sources.count == 12)
        #expect(sources.first?["line"] as? Int == 2)
        #expect(sources.first?["source"] as? String == "DeviceSettings.json record 1")
        #expect(sources.last?["source"] as? String == "StimLog.json record 4")
        file?["file"] = nil
        folder?["file"] = nil
        folder?["import"] = nil
        let options: JSONSerialization.WritingOptions = [.sortedKeys]
        let fileText = try JSONSerialization.data(withJSONObject: file ?? [:], options: options)
        let folderText = try JSONSerialization.data(withJSONObject: folder ?? [:], options: options)
        #expect(String(decoding: fileText, as: UTF8.self) == String(decoding: folderText, as: UTF8.self))
        #expect(folder?["therapyHours"] as? Double == 6)
    }

    @Test func contactRulesAFolderCannotEvaluateAreSaidOnceAsNotEvaluatedInTextJSONAndHTML() throws {
        let folder = "\(Self.fixtures)/rcs-stimlog-only"
        let unevaluated = "not evaluated where the contacts of a program are unknown: chargeDensity, compliance"
        let text = try SCSProcess.run(["analyze", folder])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Safety       every program and amplitude event passes the device's rules"))
        #expect(text.stdout.contains(unevaluated))
        let json = try SCSProcess.run(["analyze", folder, "--json"])
        let report = try #require(try Self.json(json.stdout)["recordings"] as? [[String: Any]]).first
        let safety = try #require(report?["safety"] as? [String: Any])
        #expect(safety["eventsWithErrors"] as? Int == 0)
        #expect((safety["notEvaluated"] as? [String])?.contains("contacts.polarity") == true)
        let html = try temporaryFile("", name: "report.html")
        #expect(try SCSProcess.run(["analyze", folder, "--html", html]).status == 0)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("Rules " + unevaluated))
    }

    @Test func adaptiveAmplitudeChangesCountAsAdjustmentsByTheDeviceInTextJSONAndHTML() throws {
        let text = try SCSProcess.run(["analyze", Self.session])
        #expect(text.stdout.contains("Adjustments  0 by the patient, 0 by the clinician, 3 by the device"))
        let json = try SCSProcess.run(["analyze", Self.session, "--json"])
        let report = try #require(try Self.json(json.stdout)["recordings"] as? [[String: Any]]).first
        #expect((report?["adjustments"] as? [String: Any])?["device"] as? Int == 3)
        let html = try temporaryFile("", name: "report.html")
        #expect(try SCSProcess.run(["analyze", Self.session, "--html", html]).status == 0)
        #expect(try String(contentsOfFile: html, encoding: .utf8).contains("3 by the device"))
    }

    @Test func analyzeReadsAPerceptReportByContentWhateverItsName() throws {
        let copy = try temporaryFile(
            try String(contentsOfFile: SCSProcess.root.appendingPathComponent(Self.percept).path, encoding: .utf8),
            name: "export.txt")
        let result = try SCSProcess.run(["analyze", copy])
        #expect(result.status == 0)
        #expect(result.stdout.contains("percept-pc · serial NDP000001"))
        #expect(result.stdout.contains("Imported   Percept session report · 12 events"))
        #expect(unwrapped(result.stdout).contains("ProgrammerUtcOffset +15:00 is outside"))
    }

    @Test func theHTMLReportCarriesTheImportNotes() throws {
        let html = try temporaryFile("", name: "report.html")
        let result = try SCSProcess.run(["analyze", Self.percept, "--html", html])
        #expect(result.status == 0)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("Import from a device log"))
        #expect(page.contains("LowerLimitInMilliAmps 2 mA is above UpperLimitInMilliAmps 1 mA"))
        let document = try XMLDocument(data: Data(page.utf8))
        let rows = try document.nodes(forXPath: "//details[summary[starts-with(., 'Import notes')]]//tbody/tr")
        #expect(rows.count == 12)
    }

    @Test func strictAnalysisOfARepairedImportExitsOne() throws {
        let result = try SCSProcess.run(["analyze", "--strict", Self.session])
        #expect(result.status == 1)
    }

    @Test func aFolderWithNoneOfTheFilesIsBadInputNamingIt() throws {
        let folder = URL(fileURLWithPath: try temporaryFile("x", name: "README.txt")).deletingLastPathComponent().path
        let out = try temporaryFile("", name: "out.scsrec.jsonl")
        let expected = [
            ["analyze", folder]: "\(folder): no recordings (.jsonl), Percept session reports (.json), RC+S session",
            ["import", folder, "--out", out]: "\(folder): none of the RC+S session files",
        ]
        for (command, message) in expected {
            let result = try SCSProcess.run(command)
            #expect(result.status == 2)
            #expect(result.stderr.contains(message))
        }
    }

    @Test func jsonOfAnotherKindOrTooDamagedIsBadInputNamingTheFile() throws {
        let other = try temporaryFile(
            "{\n  \"name\": \"a package manifest\",\n  \"version\": 2\n}\n", name: "other.json")
        let damaged = try temporaryFile("{\n  \"DataVersion\": \"1.2\",\n  \"Groups\": ]\n}\n", name: "report.json")
        let folder = URL(fileURLWithPath: try temporaryFile("[{\"RecordInfo\": }]", name: "StimLog.json"))
            .deletingLastPathComponent().path
        for (path, message) in [
            (other, "\(other): an object in JSON that is neither a recording nor a Percept session report"),
            (damaged, "\(damaged): too damaged to repair: line 3"),
            (folder, "\(folder)/StimLog.json: too damaged to repair: line 1"),
        ] {
            let result = try SCSProcess.run(["import", path, "--out", path + ".scsrec.jsonl"])
            #expect(result.status == 2)
            #expect(result.stderr.contains(message))
        }
    }

    @Test func importJSONIsOneDocumentWithTheSummaryAndNotes() throws {
        let out = try temporaryFile("", name: "percept.scsrec.jsonl")
        let result = try SCSProcess.run(["import", Self.percept, "--out", out, "--json"])
        #expect(result.status == 0)
        let document = try Self.json(result.stdout)
        #expect(document["format"] as? String == "percept-report")
        #expect(document["device"] as? String == "percept-pc")
        #expect(document["events"] as? Int == 12)
        let notes = try #require(document["notes"] as? [[String: Any]])
        #expect(notes.count == 12)
        #expect(
            notes.contains { $0["kind"] as? String == "impossible" && $0["file"] as? String == "percept-session.json" })
        let recording = try String(contentsOfFile: out, encoding: .utf8)
        #expect(recording.hasPrefix(#"{"type":"header","format":"scs-recording","version":1,"device":"percept-pc""#))
        #expect(recording.hasSuffix(#"{"t":"2026-01-10T10:30:00Z","type":"end"}"# + "\n"))
    }

    @Test func importRefusesARecording() throws {
        let result = try SCSProcess.run([
            "import", "Recordings/edge-cases/out-of-order.scsrec.jsonl", "--out", "/tmp/never.scsrec.jsonl",
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("a recording needs no import"))
    }
}
