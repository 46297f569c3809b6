import RecordingFormat

/// The report-level facts a recording cannot hold, and the values no real report can have.
enum PerceptChecks {
    /// Partial reads, abnormal ends, reported usage, group history and the programmer's UTC offset.
    static func notes(_ report: JSONValue, file: String) -> [ImportNote] {
        var notes: [ImportNote] = []
        if let status = report["ReadAllStatus"]?.text, PerceptEnum.value(status).uppercased() == "NOT_STARTED" {
            notes.append(ImportNote(.reading, file: file, "ReadAllStatus \(PerceptEnum.value(status)): a partial read"))
        }
        if report["FullyReadForSession"]?.flag == false {
            notes.append(
                ImportNote(.reading, file: file, "FullyReadForSession is false: the device was not read in full"))
        }
        if report["AbnormalEnd"]?.flag == true {
            notes.append(ImportNote(.reading, file: file, "AbnormalEnd: the session ended abnormally"))
        }
        notes += usage(report["GroupUsagePercentage"], file: file)
        if let history = report["GroupHistory"]?.elements, !history.isEmpty {
            let dates = history.compactMap { $0["SessionDate"]?.text }.joined(separator: ", ")
            notes.append(
                ImportNote(
                    .inexpressible, file: file,
                    "GroupHistory holds the settings of \(history.count) earlier session(s) (\(dates)); without their "
                        + "therapy on/off times they would be invented, so they are not written"))
        }
        if let offset = report["ProgrammerUtcOffset"] {
            if let hours = utcOffsetHours(offset) {
                if hours < -12 || hours > 14 {
                    notes.append(
                        ImportNote(
                            .impossible, file: file,
                            "ProgrammerUtcOffset \(describe(offset)) is outside −12…+14 h; local times are not derived")
                    )
                }
            } else {
                notes.append(
                    ImportNote(.skipped, file: file, "ProgrammerUtcOffset \(describe(offset)) is not a UTC offset"))
            }
        }
        return notes
    }

    /// `GroupUsagePercentage[] {GroupId, UsagePercentage}`: said, checked, and left to the timeline.
    private static func usage(_ value: JSONValue?, file: String) -> [ImportNote] {
        guard let entries = value?.elements else { return [] }
        var notes: [ImportNote] = []
        var parts: [String] = []
        var total = 0.0
        for (index, entry) in entries.enumerated() {
            guard let group = entry["GroupId"]?.text.flatMap(PerceptEnum.group),
                let percent = entry["UsagePercentage"]?.double
            else {
                notes.append(
                    ImportNote(
                        .skipped, file: file, "GroupUsagePercentage[\(index)] is empty or lacks GroupId/UsagePercentage"
                    ))
                continue
            }
            if percent < 0 || percent > 100 {
                notes.append(
                    ImportNote(
                        .impossible, file: file,
                        "GroupUsagePercentage[\(index)]: group \(DeviceGroup.letter(group)) used \(percent) %, "
                            + "outside 0–100 %"))
            }
            total += percent
            parts.append("\(DeviceGroup.letter(group)) \(percent) %")
        }
        if total > 100.5 {
            notes.append(
                ImportNote(.impossible, file: file, "GroupUsagePercentage sums to \(total) %, more than 100 %"))
        }
        if !parts.isEmpty {
            notes.append(
                ImportNote(
                    .inexpressible, file: file,
                    "the device reports group usage \(parts.joined(separator: ", ")) since its last reset; a recording "
                        + "derives usage from its own timeline instead"))
        }
        return notes
    }

    /// Hours from a number of hours or a `±HH:MM[:SS]` text; nil for anything else.
    static func utcOffsetHours(_ value: JSONValue) -> Double? {
        if let hours = value.double { return hours }
        guard var text = value.text, !text.isEmpty else { return nil }
        var sign = 1.0
        if text.first == "-" || text.first == "+" {
            sign = text.first == "-" ? -1 : 1
            text.removeFirst()
        }
        let parts = text.split(separator: ":").map { Double($0) }
        guard (1...3).contains(parts.count), parts.allSatisfy({ $0 != nil }) else { return nil }
        let values = parts.compactMap(\.self)
        var hours = values[0]
        if values.count > 1 { hours += values[1] / 60 }
        if values.count > 2 { hours += values[2] / 3600 }
        return sign * hours
    }

    private static func describe(_ value: JSONValue) -> String {
        value.text ?? value.double.map { "\($0)" } ?? value.typeName
    }
}
