import RecordingFormat
import TherapyLog

/// Date labels for the time axis of the report's charts: days, weeks, months or years, whichever
/// keeps the labels apart over the span.
enum AnalysisTimeAxis {
    /// The labelled instants within `span` (nanoseconds since the epoch), in order, about
    /// `maximumTicks` of them at most.
    static func ticks(_ span: ClosedRange<Int64>, maximumTicks: Int) -> [(nanoseconds: Int64, label: String)] {
        let first = Timestamp(nanosecondsSinceEpoch: span.lowerBound)
        let last = Timestamp(nanosecondsSinceEpoch: span.upperBound)
        let days = last.dayNumber - first.dayNumber + 1
        if days <= 7 * Int64(maximumTicks) {
            let step = [1, 2, 7, 14, 28].first { days / $0 <= Int64(maximumTicks) } ?? 28
            var ticks: [(Int64, String)] = []
            var day = first.dayNumber + (first == Timestamp.startOfDay(first.dayNumber) ? 0 : 1)
            while day <= last.dayNumber {
                let instant = Timestamp.startOfDay(day)
                if instant.nanosecondsSinceEpoch <= span.upperBound {
                    ticks.append((instant.nanosecondsSinceEpoch, date(instant)))
                }
                day += Int64(step)
            }
            return ticks
        }
        let months = days / 30
        let step = [1, 2, 3, 6, 12, 24, 60, 120, 240].first { months / Int64($0) < Int64(maximumTicks) } ?? 600
        let start = CivilDate(dayNumber: first.dayNumber)
        // Month starts after the span's first instant, on multiples of the step counted from year 0
        // (so quarters start in January, April, July and October, and decades on round years).
        var index = Int(start.year) * 12 + Int(start.month)
        while index % step != 0 { index += 1 }
        var ticks: [(Int64, String)] = []
        while let instant = monthStart(year: index / 12, month: index % 12 + 1),
            instant.nanosecondsSinceEpoch <= span.upperBound
        {
            ticks.append(
                (instant.nanosecondsSinceEpoch, step >= 12 ? String(index / 12) : String(date(instant).prefix(7))))
            index += step
        }
        return ticks
    }

    /// `YYYY-MM-DD` of an instant.
    static func date(_ instant: Timestamp) -> String {
        CivilDate(dayNumber: instant.dayNumber).isoDate
    }

    private static func monthStart(year: Int, month: Int) -> Timestamp? {
        guard (0...9999).contains(year) else { return nil }
        let day = CivilDate(year: Int64(year), month: Int64(month), day: 1).dayNumber
        let (start, overflow) = day.multipliedReportingOverflow(by: Timestamp.nanosecondsPerDay)
        return overflow ? nil : Timestamp(nanosecondsSinceEpoch: start)
    }
}
