import DeviceImport
import DeviceProfiles
import Foundation
import RecordingFormat
import StimSafety
import TherapyLog

/// The HTML report of `scs analyze --html`: one self-contained page (inline CSS and SVG, no script,
/// no font or image to fetch) with a section per recording: the key figures, therapy per day,
/// amplitude per program, impedance per contact, battery and recharging, and the safety tables.
package enum AnalysisHTML {
    /// The page for `analyses`, one section per recording, in their order, stamped with `generated`,
    /// handed to `write` a section at a time, so that the page is never one string in memory.
    package static func write(
        _ analyses: [(report: RecordingReport, profile: DeviceProfile, imported: ImportResult?)],
        generated: Date = Date(), to write: (String) throws -> Void
    ) rethrows {
        let title =
            analyses.count == 1 ? "Therapy recording report" : "Therapy recording report: \(analyses.count) recordings"
        let serials = analyses.map(\.report.serial).joined(separator: ", ")
        let stamp = HTMLPage.stamp(generated)
        let serialMeta = #"<meta name="scs-serial" content="\#(Markup.escape(serials))"/>"#
        try write(
            HTMLPage.head(title: title, runningHeader: "Patient serial " + serials, stamp: stamp, meta: [serialMeta])
                + "\n"
                    + """
                    \(patterns)
                    <header><h1>\(Markup.escape(title))</h1>
                    <p class="note">Written by <code>scs analyze</code> \(SCSVersion.text) on \(stamp). Days are calendar days in the zone named above; \
                    each chart's figures are in the Data table under it.</p></header>

                    """)
        for (index, analysis) in analyses.enumerated() {
            let section = section(
                analysis.report, profile: analysis.profile, imported: analysis.imported, number: index + 1)
            try write((index == 0 ? "" : "\n") + section)
        }
        try write("\n</body>\n</html>\n")
    }

    /// The fill patterns that mark values past a limit without relying on colour: hatched (too low, or
    /// outside a range) and crossed (too high), defined once for every chart of the page.
    private static let patterns = """
        <svg class="defs" aria-hidden="true" focusable="false"><defs>
        <pattern id="scs-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
        <rect width="6" height="6" style="fill: var(--alert)"/><rect width="2" height="6" fill="#fff"/></pattern>
        <pattern id="scs-cross" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
        <rect width="6" height="6" style="fill: var(--open)"/><rect width="1.5" height="6" fill="#fff"/>\
        <rect width="6" height="1.5" fill="#fff"/></pattern>
        </defs></svg>
        """

    private static func section(
        _ report: RecordingReport, profile: DeviceProfile, imported: ImportResult?, number: Int
    ) -> String {
        var parts = [
            Markup.element("h2", [], Markup.escape(report.file)),
            overview(report, profile: profile),
            AnalysisAttentionHTML.render(report.attention),
            figures(report),
            Markup.element("h3", [], "Program settings"),
            AnalysisProgramsHTML.render(report, profile: profile),
            Markup.element("h3", [], "Therapy over time"),
            AnalysisUsageChart.render(report),
            Markup.element("h3", [], "Amplitude per program"),
            AnalysisAmplitudeChart.render(report),
            Markup.element("h3", [], "Impedance per contact"),
            AnalysisImpedanceChart.render(report, limits: profile.limits),
            Markup.element("h3", [], "Battery and recharging"),
            AnalysisBatteryChart.render(report),
            Markup.element("h3", [], "Safety re-validation"),
            AnalysisSafetyHTML.render(report),
        ]
        if let imported {
            parts += [Markup.element("h3", [], "Import from a device log"), ImportNotesHTML.render(imported)]
        }
        return Markup.element(
            "section", [("class", "recording"), ("id", "recording-\(number)")], parts.joined(separator: "\n"))
    }

    /// Device, serial and span.
    private static func overview(_ report: RecordingReport, profile: DeviceProfile) -> String {
        var device = "\(report.device) · serial \(report.serial)"
        device += profile.id != report.device ? " · judged as \(profile.id) — \(profile.name)" : " — \(profile.name)"
        var span = Markup.escape(
            "\(report.spanText) · \(Format.hours(report.recordedHours)) over "
                + Format.count(report.localDays.count, "day") + " · times in \(report.timeZone.identifier)")
        if report.isTruncated {
            span += " " + Markup.element("span", [("class", "badge warning")], "truncated: no end line")
        }
        if !report.assumedProfileValues.isEmpty {
            span +=
                Markup.empty("br", [])
                + Markup.escape("Profile values marked assumed: " + report.assumedProfileValues.joined(separator: ", "))
        }
        return Markup.element(
            "p", [("class", "overview")],
            Markup.escape(device) + Markup.empty("br", []) + span)
    }

    /// The key figures as a row of cards.
    private static func figures(_ report: RecordingReport) -> String {
        let usage =
            report.usagePercent.map { Format.number($0, decimals: 1) + " % of the recorded time" } ?? "no recorded time"
        var cards: [(String, String, String, String?)] = [
            ("Therapy", Format.hours(report.therapyHours), usage, nil),
            (
                "Days with therapy",
                "\(report.localDaysWithTherapy) of \(report.localDays.count)",
                "days in \(report.timeZone.identifier)", nil
            ),
            ("Delivered charge", Format.coulombs(report.deliveredCharge), "cathodic", nil),
            (
                "Adjustments",
                String(report.adjustments.patient + report.adjustments.clinician + report.adjustments.device),
                "\(report.adjustments.patient) by the patient, \(report.adjustments.clinician) by the clinician, "
                    + "\(report.adjustments.device) by the device", nil
            ),
            (
                "Recharge sessions", String(report.charges.count),
                report.charges.meanIntervalHours.map { "one every \(Format.hours($0))" } ?? "fewer than two", nil
            ),
            (
                "Impedance alerts", String(report.impedanceAlerts),
                "outside the short/open thresholds" + Format.assumed(report.assumedFigures["impedanceAlerts"]),
                report.impedanceAlerts > 0 ? "warning" : nil
            ),
            (
                "Safety", "\(report.safety.eventsWithErrors) / \(report.safety.eventsWithWarnings)",
                "events with errors / warnings" + Format.assumed(report.assumedFigures["safety"]),
                report.safety.eventsWithErrors > 0 ? "error" : report.safety.eventsWithWarnings > 0 ? "warning" : nil
            ),
            ("Refused commands", String(report.rejected.total), "by the device", nil),
        ]
        if let projection = report.batteryProjection {
            var basis =
                BatteryProjection.basis + " · \(Format.number(projection.level, decimals: 0)) % on "
                + String(report.timeZone.rfc3339(projection.levelAt).prefix(10))
            if !projection.assumed.isEmpty { basis += " · assumed: " + projection.assumed.joined(separator: ", ") }
            cards.append(
                (
                    projection.event == .recharge ? "Next recharge (estimate)" : "Replacement (estimate)",
                    String(report.timeZone.rfc3339(projection.date).prefix(10)), basis, nil
                ))
        }
        if !report.findings.isEmpty {
            cards.append(("Reading findings", String(report.findings.count), "lines skipped or repaired", "warning"))
        }
        return Markup.figureCards(cards)
    }
}
