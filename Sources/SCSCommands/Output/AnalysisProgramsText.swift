import DeviceProfiles
import Foundation
import RecordingFormat
import Report
import StimSafety
import TherapyLog

/// The program settings of the `scs analyze` report: each slot's program as last written, and its
/// contacts on the profile's leads, one row per lead (`-` cathode, `+` anode, `·` unused).
enum AnalysisProgramsText {
    static func render(_ report: RecordingReport, profile: DeviceProfile) -> [String] {
        guard !report.programSettings.isEmpty else { return [] }
        var lines = ["", "Program settings (each slot as last written)"]
        if profile.id != report.device { lines.append("  contacts drawn on the leads of \(profile.id)") }
        for written in report.programSettings {
            let writes = written.writes == 1 ? "" : ", \(written.writes) writes"
            lines.append(
                "  slot \(written.slot) · by the \(written.by.rawValue), line \(written.line), \(written.time)\(writes)"
            )
            lines.append("    " + ProgramText.settings(written.program))
            guard !written.program.contacts.isEmpty else {
                lines.append("    contacts unknown: the source does not give them")
                continue
            }
            lines.append("    contacts " + ProgramText.contacts(written.program.contacts))
            lines += leadRows(profile.limits.leads, shares: written.program.contacts).map { "    " + $0 }
            let off = LeadDiagram.offLeads(profile.limits.leads, shares: written.program.contacts)
            if !off.isEmpty { lines.append("    not on the profile's leads: " + ProgramText.contacts(off)) }
        }
        return lines.map { Terminal.escaped($0) }
    }

    /// One row per lead: its name, then each contact number with its mark.
    static func leadRows(_ leads: [Lead], shares: [ContactShare]) -> [String] {
        let share = Dictionary(shares.map { ($0.contact, $0.percent) }) { first, _ in first }
        let nameWidth = leads.map(\.name.count).max() ?? 0
        let cellWidth = (leads.flatMap(\.contacts).map { String($0).count }.max() ?? 1) + 2
        var rows = leads.map { lead in
            lead.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
                + lead.contacts.map { number in
                    let cell = String(number) + mark(share[.lead(number)])
                    return String(repeating: " ", count: max(0, cellWidth - cell.count)) + cell
                }.joined()
        }
        if let can = share[.can] { rows.append("case" + mark(can)) }
        return rows
    }

    private static func mark(_ percent: Percent?) -> String {
        guard let percent else { return "·" }
        return percent.rawValue < 0 ? "-" : "+"
    }
}
