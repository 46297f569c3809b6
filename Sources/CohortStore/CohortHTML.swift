import Foundation
import RecordingFormat
import Report

/// `scs cohort --html`: one self-contained page in the analyze report's style (its style sheet, figure
/// cards and tables: text contrast 4.5:1, states told by a symbol as well as colour, tables with
/// captions and a header row), readable on a phone and printable.
public enum CohortHTML {
    public static func render(_ cohort: Cohort, generated: Date = Date()) -> String {
        let stamp = HTMLPage.stamp(generated)
        let title = "Cohort report: \(Format.count(cohort.patients.count, "patient"))"
        let style = """
            tr.below td:first-child::before { content: "▼ "; color: var(--alert); }
            td { white-space: nowrap; }
            """
        return HTMLPage.head(title: title, runningHeader: "Cohort report", stamp: stamp, style: style) + "\n"
            + """
            <header><h1>\(Markup.escape(title))</h1>
            <p class="note">Written by <code>scs cohort</code> \(SCSVersion.text) on \(stamp)\
            \(Markup.escape(filterText(cohort.filter))). A patient is a device serial; days are UTC days.</p></header>
            \(cards(cohort))
            \(spreads(cohort))
            \(patients(cohort))
            \(programs(cohort))
            </body>
            </html>

            """
    }

    /// The filters in words: ` (tonic-16, from 2026-01-01)`, or nothing.
    static func filterText(_ filter: CohortFilter) -> String {
        let parts = [
            filter.device, filter.serial.map { "serial \($0)" }, filter.from.map { "from \($0)" },
            filter.to.map { "to \($0)" },
        ].compactMap { $0 }
        return parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))"
    }

    /// `median 5.2 h (quartiles 3.1 h–7.9 h, range 0 h–12 h)`.
    static func spread(_ distribution: Cohort.Distribution, _ format: (Double) -> String) -> String {
        "median \(format(distribution.median)) (quartiles \(format(distribution.lowerQuartile))–"
            + "\(format(distribution.upperQuartile)), range \(format(distribution.min))–\(format(distribution.max)))"
    }

    private static func cards(_ cohort: Cohort) -> String {
        let below = cohort.patientsBelow.count
        let cards: [(String, String, String, String?)] = [
            (
                "Patients", "\(cohort.patients.count)",
                Format.count(cohort.patients.map(\.recordings).reduce(0, +), "recording"), nil
            ),
            (
                "Therapy per day", cohort.therapyHoursPerDay.map { Format.hours($0.median) } ?? "—",
                "median over patients", nil
            ),
            (
                "Days with therapy",
                cohort.daysWithTherapyPercent.map { Format.number($0.median, decimals: 1) + " %" } ?? "—",
                "median over patients", nil
            ),
            (
                "Below \(Format.number(cohort.belowPercent, decimals: 1)) %", "\(below)",
                "patients under that share of days",
                below > 0 ? "warning" : nil
            ),
        ]
        return Markup.figureCards(cards)
    }

    private static func spreads(_ cohort: Cohort) -> String {
        let rows: [(String, Cohort.Distribution?, (Double) -> String)] = [
            ("Therapy per day", cohort.therapyHoursPerDay, Format.hours),
            ("Days with therapy", cohort.daysWithTherapyPercent, { Format.number($0, decimals: 1) + " %" }),
            ("Hours between recharges", cohort.chargeIntervalHours, Format.hours),
        ]
        let table = rows.compactMap { name, distribution, format in
            distribution.map { d in
                [
                    name, "\(d.count)", format(d.min), format(d.lowerQuartile), format(d.median),
                    format(d.upperQuartile), format(d.max),
                ]
            }
        }
        return Markup.element("h2", [], "Across the cohort")
            + Markup.table(
                ["Figure", "Patients", "Min", "Lower quartile", "Median", "Upper quartile", "Max"], table,
                numericColumns: Set(1...6), caption: "The spread of each patient's figure over the cohort")
    }

    private static func patients(_ cohort: Cohort) -> String {
        let rows = cohort.patients.map { p -> [String] in
            let days = "\(p.days)" + (p.recordings > 1 ? " (\(p.recordings) recordings)" : "")
            let share = p.daysWithTherapyPercent.map { Format.number($0, decimals: 1) + " %" } ?? "—"
            let perDay = p.therapyHoursPerDay.map(Format.hours) ?? "—"
            let recharges = "\(p.charges)" + (p.meanChargeIntervalHours.map { ", every " + Format.hours($0) } ?? "")
            let safety = "\(p.safetyErrorEvents) / \(p.safetyWarningEvents)"
            return [
                p.serial, p.device, days, share, perDay, "\(p.impedanceAlerts)", safety, "\(p.refusals)", recharges,
            ]
        }
        return Markup.element("h2", [], "Patients")
            + Markup.table(
                [
                    "Serial", "Device", "Days", "Days with therapy", "Therapy per day", "Impedance alerts",
                    "Safety errors / warnings", "Refused", "Recharges",
                ], rows, numericColumns: [2, 3, 4, 5, 7],
                rowClasses: cohort.patients.map { $0.isBelow ? "below" : nil },
                caption:
                    "▼ marks a patient with therapy on fewer than \(Format.number(cohort.belowPercent, decimals: 1)) % of "
                    + "days; first and last days are in the JSON and CSV")
    }

    private static func programs(_ cohort: Cohort) -> String {
        guard !cohort.programs.isEmpty else { return "" }
        let rows = cohort.programs.map { p in
            [
                p.device, "\(p.slot)", "\(p.patients)", Format.hours(p.therapyHours),
                Format.number(p.meanAmplitude, decimals: 2) + " mA",
            ]
        }
        return Markup.element("h2", [], "Programs in use")
            + Markup.table(
                ["Device", "Slot", "Patients", "Therapy", "Mean amplitude"], rows, numericColumns: [1, 2, 3, 4],
                caption: "Each slot with therapy time, by kind of device")
    }
}
