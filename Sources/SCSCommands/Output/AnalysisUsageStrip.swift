import TherapyLog

/// Therapy over time as a strip of characters, one mark per period of the report's timeline (hour,
/// day, week, month or year): `·` for none, `▁` to `█` for the share of the period with therapy in
/// eighths.
enum AnalysisUsageStrip {
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    static func render(_ usage: UsageTimeline, zone: ReportZone) -> [String] {
        // Marks per row, and a space every `group` marks.
        let (perRow, group, title): (Int, Int, String) =
            switch usage.granularity {
            case .hour: (24, 6, "Therapy per hour (· none, ▁ to █ up to 60 min)")
            case .day: (28, 7, "Daily therapy (one mark per day: · none, ▁ to █ up to 24 h)")
            case .week: (13, 13, "Weekly therapy (one mark per week from Monday: · none, ▁ to █ up to 24 h a day)")
            case .month: (12, 3, "Monthly therapy (one mark per month: · none, ▁ to █ up to 24 h a day)")
            case .year: (10, 5, "Yearly therapy (one mark per year: · none, ▁ to █ up to 24 h a day)")
            }
        var lines = [title + ", times in \(zone.identifier)"]
        var index = 0
        while index < usage.periods.count {
            let row = usage.periods[index..<min(index + perRow, usage.periods.count)]
            var marks = ""
            for (offset, period) in row.enumerated() {
                if offset > 0, offset % group == 0 { marks.append(" ") }
                marks.append(mark(period.share))
            }
            lines.append("  \(row.first?.start ?? "")  \(marks)")
            index += perRow
        }
        return lines
    }

    /// The mark for a share of 0 to 1 of a period with therapy.
    static func mark(_ share: Double) -> Character {
        guard share > 0 else { return "·" }
        let eighths = Int((share * 8).rounded(.up))
        return levels[min(max(eighths, 1), levels.count) - 1]
    }
}
