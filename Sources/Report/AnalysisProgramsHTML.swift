import DeviceProfiles
import RecordingFormat
import StimSafety
import TherapyLog

/// The "Program settings" part of a recording's section: each slot's program as last written, in
/// words and as a lead diagram drawn on the profile's leads.
enum AnalysisProgramsHTML {
    static func render(_ report: RecordingReport, profile: DeviceProfile) -> String {
        guard !report.programSettings.isEmpty else {
            return Markup.element("p", [("class", "empty")], "No program was written in this recording.")
        }
        var parts: [String] = []
        if profile.id != report.device {
            parts.append(
                Markup.element(
                    "p", [("class", "note")],
                    Markup.escape(
                        "Contacts are drawn on the leads of \(profile.id), the profile the recording is judged against."
                    )))
        }
        for written in report.programSettings {
            let program = written.program
            let writes = written.writes == 1 ? "" : " (written \(written.writes) times)"
            parts.append(Markup.element("h4", [], "Slot \(written.slot)"))
            parts.append(
                Markup.element(
                    "p", [],
                    Markup.escape(ProgramText.settings(program)) + Markup.empty("br", [])
                        + Markup.escape(
                            program.contacts.isEmpty
                                ? "Contacts unknown: the source does not give them"
                                : "Contacts " + ProgramText.contacts(program.contacts)) + Markup.empty("br", [])
                        + Markup.element(
                            "span", [("class", "note")],
                            Markup.escape(
                                "Written by the \(written.by.rawValue) at \(written.time), line \(written.line)\(writes)"
                            ))))
            guard !program.contacts.isEmpty else { continue }
            let title = "Slot \(written.slot) on the leads of \(profile.id): " + ProgramText.contacts(program.contacts)
            // A paddle's columns are wider than a phone: the diagram scrolls in its box rather than
            // shrinking its labels below a legible size or widening the page.
            parts.append(
                Markup.element(
                    "div", [("style", "overflow-x: auto")],
                    LeadDiagram.svg(
                        leads: profile.limits.leads, geometry: profile.geometry, shares: program.contacts, title: title)
                ))
            let off = LeadDiagram.offLeads(profile.limits.leads, shares: program.contacts)
            if !off.isEmpty {
                parts.append(
                    Markup.element(
                        "p", [("class", "verdict warning")],
                        Markup.escape("Not on the profile's leads: " + ProgramText.contacts(off))))
            }
        }
        return parts.joined(separator: "\n")
    }
}
