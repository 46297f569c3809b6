import TherapyLog

/// Therapy per day as a strip of characters, four weeks to a row: `·` for a day without therapy,
/// `▁` to `█` for up to 24 hours in eighths.
enum AnalysisUsageStrip {
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let daysPerRow = 28

    static func render(_ days: [DayUsage], zone: ReportZone) -> [String] {
        var lines = ["Daily therapy (one mark per day in \(zone.identifier): · none, ▁ to █ up to 24 h)"]
        var index = 0
        while index < days.count {
            let row = days[index..<min(index + daysPerRow, days.count)]
            var marks = ""
            for (offset, day) in row.enumerated() {
                if offset > 0, offset % 7 == 0 { marks.append(" ") }
                marks.append(mark(day.therapyHours))
            }
            lines.append("  \(row.first?.date ?? "")  \(marks)")
            index += daysPerRow
        }
        return lines
    }

    /// The mark for `hours` of therapy in a day.
    static func mark(_ hours: Double) -> Character {
        guard hours > 0 else { return "·" }
        let eighths = Int((hours / 24 * 8).rounded(.up))
        return levels[min(max(eighths, 1), levels.count) - 1]
    }
}
