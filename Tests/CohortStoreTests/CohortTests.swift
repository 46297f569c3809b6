import DeviceProfiles
import Foundation
import Testing

@testable import CohortStore

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("scs cohort over the store")
struct CohortTests {
    static let recordings = [
        "Recordings/edge-cases/burst-with-cycling.scsrec.jsonl",
        "Recordings/edge-cases/charges-impedance-safety.scsrec.jsonl",
        "Recordings/edge-cases/midnight-boundaries.scsrec.jsonl",
        "Recordings/edge-cases/malformed-lines.scsrec.jsonl",
        "Recordings/edge-cases/out-of-order.scsrec.jsonl",
        "Recordings/edge-cases/therapy-without-program.scsrec.jsonl",
        "Recordings/simulated/tonic-16-120d.scsrec.jsonl",
        "Recordings/simulated/hf10k-16-120d.scsrec.jsonl",
    ]

    static func close(_ a: Double?, _ b: Double?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
    }

    @Test func theStoreAndAnalyzeJSONAgreeOnEveryFigure() throws {
        let folder = try CohortFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.agreeOnEveryFigure(store: "sqlite:" + folder.appendingPathComponent("cohort.sqlite").path)
    }

    /// Analyses ``recordings`` into the empty `store` and compares its figures with `--json`'s.
    static func agreeOnEveryFigure(store: String) throws {
        let analysis = try CohortFixtures.scs(["analyze"] + Self.recordings + ["--json", "--store", store])
        #expect(analysis.status == 0, "\(analysis.stderr)")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(analysis.stdout.utf8)) as? [String: Any])
        let reports = try #require(document["recordings"] as? [[String: Any]])
        let opened = try StoreLocation.open(store)
        let cohort = try opened.cohort(CohortFilter(), belowPercent: 50)
        #expect(cohort.patients.count == reports.count)
        for report in reports {
            let serial = try #require(report["serial"] as? String)
            let device = try #require(report["device"] as? String)
            let patient = try #require(cohort.patients.first { $0.serial == serial && $0.device == device })
            let days = try #require(report["days"] as? [[String: Any]])
            #expect(patient.recordings == 1)
            #expect(patient.days == days.count, "\(serial)")
            #expect(patient.daysWithTherapy == report["daysWithTherapy"] as? Int, "\(serial)")
            #expect(Self.close(patient.therapyHours, report["therapyHours"] as? Double), "\(serial)")
            #expect(patient.start == report["start"] as? String)
            #expect(patient.end == report["end"] as? String)
            #expect(patient.impedanceAlerts == report["impedanceAlerts"] as? Int)
            let safety = try #require(report["safety"] as? [String: Any])
            #expect(patient.safetyErrorEvents == safety["eventsWithErrors"] as? Int)
            #expect(patient.safetyWarningEvents == safety["eventsWithWarnings"] as? Int)
            #expect(patient.refusals == (report["rejected"] as? [String: Any])?["total"] as? Int)
            let charges = try #require(report["charges"] as? [String: Any])
            #expect(patient.charges == charges["count"] as? Int)
            #expect(Self.close(patient.meanChargeIntervalHours, charges["meanIntervalHours"] as? Double), "\(serial)")
            let programs = try #require(report["programs"] as? [[String: Any]])
            for program in programs where (program["therapyHours"] as? Double ?? 0) > 0 {
                #expect(cohort.programs.contains { $0.device == device && $0.slot == program["slot"] as? Int })
            }
            let stored = try CohortFixtures.rows(
                opened, "SELECT report FROM recording WHERE serial = ? AND device = ?", [serial, device])
            let kept =
                try JSONSerialization.jsonObject(with: Data(try #require(stored.first?.first?.string).utf8))
                as? NSDictionary
            #expect(kept == report as NSDictionary, "the stored report of \(serial) is the --json one")
        }
    }

    @Test func aSharedDayCountsOnceAndPatientsUnderTheThresholdAreListed() throws {
        let folder = try CohortFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.countSharedDaysOnce(in: folder, store: "sqlite:" + folder.appendingPathComponent("cohort.sqlite").path)
    }

    /// Analyses recordings written in `folder` into the empty `store` and asks the cohort's questions.
    static func countSharedDaysOnce(in folder: URL, store: String) throws {
        let files: [(String, String)] = [
            ("low", CohortFixtures.recording(serial: "LOW", start: "2026-03-01", hours: [4, 0, 0, 0])),
            ("high-1", CohortFixtures.recording(serial: "HIGH", start: "2026-03-01", hours: [10, 10, 0])),
            ("high-2", CohortFixtures.recording(serial: "HIGH", start: "2026-03-03", hours: [6, 12])),
            (
                "burst",
                CohortFixtures.recording(device: "burst-16-primary", serial: "B", start: "2026-05-01", hours: [2])
            ),
        ]
        var paths: [String] = []
        for (name, text) in files {
            let url = folder.appendingPathComponent("\(name).scsrec.jsonl")
            try text.write(to: url, atomically: true, encoding: .utf8)
            paths.append(url.path)
        }
        #expect(try CohortFixtures.scs(["analyze"] + paths + ["--store", store]).status == 0)
        let opened = try StoreLocation.open(store)
        let cohort = try opened.cohort(CohortFilter(), belowPercent: 50)
        let high = try #require(cohort.patients.first { $0.serial == "HIGH" })
        // Days 1–4; day 3 is in both recordings (0 h and 6 h): it counts once, with 6 h.
        #expect(high.recordings == 2)
        #expect(high.days == 4)
        #expect(high.daysWithTherapy == 4)
        #expect(Self.close(high.therapyHours, 38))
        #expect(Self.close(high.therapyHoursPerDay, 9.5))
        let low = try #require(cohort.patients.first { $0.serial == "LOW" })
        #expect(low.daysWithTherapyPercent == 25)
        #expect(low.isBelow)
        #expect(cohort.patientsBelow == ["LOW"])
        #expect(cohort.daysWithTherapyPercent?.median == 100)
        #expect(cohort.daysWithTherapyPercent?.min == 25)
        #expect(cohort.programs.map(\.device) == ["burst-16-primary", "tonic-16"])
        #expect(cohort.programs.last?.patients == 2)

        let tonic = try opened.cohort(CohortFilter(device: "tonic-16"), belowPercent: 50)
        #expect(tonic.patients.map(\.serial) == ["HIGH", "LOW"])
        let one = try opened.cohort(
            CohortFilter(serial: "HIGH", from: "2026-03-04", to: "2026-03-04"), belowPercent: 50)
        #expect(one.patients.count == 1)
        #expect(one.patients.first?.recordings == 1)
        #expect(one.patients.first?.days == 1)
        #expect(Self.close(one.patients.first?.therapyHours, 12))
        let none = try opened.cohort(CohortFilter(from: "2027-01-01"), belowPercent: 50)
        #expect(none.patients.isEmpty)
        #expect(none.therapyHoursPerDay == nil)
    }

    @Test func jsonCSVHTMLAndTextCarryEveryPatientAndBadFiltersAreBadInput() throws {
        let folder = try CohortFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.askInEveryFormat(store: "sqlite:" + folder.appendingPathComponent("cohort.sqlite").path)
    }

    /// Analyses ``recordings`` into the empty `store` and asks `scs cohort` in JSON, CSV, HTML and text.
    static func askInEveryFormat(store: String) throws {
        #expect(try CohortFixtures.scs(["analyze", "--quiet"] + Self.recordings + ["--store", store]).status == 0)
        let json = try CohortFixtures.scs(["cohort", "--store", store, "--json"])
        #expect(json.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((document["patients"] as? [Any])?.count == Self.recordings.count)
        let csv = try CohortFixtures.scs(["cohort", "--store", store, "--csv"])
        #expect(csv.status == 0)
        let lines = csv.stdout.split(separator: "\r\n")
        #expect(lines.count == Self.recordings.count + 1)
        #expect(lines.first?.hasPrefix("device,serial,recordings,start,end,days,daysWithTherapy,") == true)
        let html = try CohortFixtures.scs(["cohort", "--store", store, "--html", "--below", "99%"])
        #expect(html.status == 0)
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.stdout.contains("<caption>▼ marks a patient with therapy on fewer than 99 % of days; "))
        #expect(html.stdout.contains("<tr class=\"below\">"))
        let xml = try XMLDocument(data: Data(html.stdout.replacingOccurrences(of: "<!DOCTYPE html>", with: "").utf8))
        #expect(try xml.nodes(forXPath: "//tbody/tr").count > Self.recordings.count)
        let text = try CohortFixtures.scs(["cohort", "--store", store, "--device", "tonic-16"])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("Cohort: "))
        #expect(!text.stdout.contains("burst-16-primary"))
        for (flag, value) in [("--from", "2026-02-30"), ("--to", "June"), ("--below", "150%")] {
            let bad = try CohortFixtures.scs(["cohort", "--store", store, flag, value])
            #expect(bad.status == 2)
            #expect(bad.stderr.hasPrefix("error: \(flag): expected"))
        }
        let two = try CohortFixtures.scs(["cohort", "--store", store, "--json", "--csv"])
        #expect(two.status == 2)
    }
}
