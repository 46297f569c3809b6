import RecordingFormat
import StimSafety

/// Reads EventLog.json: free text an app wrote on the host, kept as annotations (a recording has no
/// place for them) and compared with the settings logs rather than trusted.
///
/// The text is `EventName`, `EventType` and `EventSubType` together. A word `stim`, `stimulation` or
/// `therapy` followed by `on` or `off` claims a therapy state; `group` followed by a letter A–D
/// claims an active group; a number followed by `mA`, `Hz` or `µs` (`μs`, `us`), in any case and
/// spacing, claims the amplitude, rate or pulse width of the claimed (else active) group's first
/// enabled program. A claim the settings state at that time contradicts by more than one device
/// step (0.1 mA, 10 µs, a 10 µs period) is a disagreement.
enum RCSEventLog {
    /// What an entry's text says about the therapy.
    struct Claim: Equatable {
        var isTherapyOn: Bool?
        var group: Int?
        var amplitude: Nanoamps?
        var rate: Millihertz?
        var pulseWidth: Nanoseconds?
    }

    /// One device step (`docs/domain-reference.md` §5.2): 0.1 mA of amplitude, in nanoamps, and 10 µs
    /// of pulse width or period, in nanoseconds.
    private static let amplitudeStep: Int64 = 100_000
    private static let timeStep: Int64 = 10_000

    static func notes(_ records: [RCSRecord], timeline: RCSTimeline, hasSettings: Bool) -> [ImportNote] {
        var notes: [ImportNote] = []
        for record in records {
            let event = record.value["Event"] ?? record.value
            guard let time = RCSRecord.time(milliseconds: event["UnixOnsetTime"]) ?? record.hostTime else {
                notes.append(
                    ImportNote(
                        .skipped, file: record.file.name, record: record.index,
                        "no UnixOnsetTime and no HostUnixTime: the entry cannot be placed in time"))
                continue
            }
            let text = ["EventName", "EventType", "EventSubType"].compactMap { event[$0]?.text }
                .filter { !$0.isEmpty }.joined(separator: " · ")
            notes.append(
                ImportNote(.annotation, file: record.file.name, record: record.index, time: time, "“\(text)”"))
            let claim = claim(in: text)
            guard claim != Claim(), hasSettings else { continue }
            guard let moment = timeline.state(at: time) else {
                notes.append(
                    ImportNote(
                        .reading, file: record.file.name, record: record.index, time: time,
                        "“\(text)” comes before the first settings record; nothing to compare it with"))
                continue
            }
            if let isOn = claim.isTherapyOn, let status = moment.state.therapyStatus,
                RCSState.isOn(therapyStatus: status) != isOn
            {
                notes.append(
                    ImportNote(
                        .disagreement, file: record.file.name, record: record.index, time: time,
                        "“\(text)” says therapy \(isOn ? "on" : "off"), but the settings log has therapy status "
                            + "\(RCSState.therapyStatusNames[status]) as of \(moment.source); the settings log is kept")
                )
            }
            if let group = claim.group, let active = moment.state.activeGroup, active != group {
                notes.append(
                    ImportNote(
                        .disagreement, file: record.file.name, record: record.index, time: time,
                        "“\(text)” says group \(DeviceGroup.letter(group)), but the settings log has group "
                            + "\(DeviceGroup.letter(active)) active as of \(moment.source); the settings log is kept"))
            }
            for (claimed, held) in settingDisagreements(claim, moment.state) {
                notes.append(
                    ImportNote(
                        .disagreement, file: record.file.name, record: record.index, time: time,
                        "“\(text)” says \(claimed), but the settings log has \(held) as of \(moment.source); the "
                            + "settings log is kept"))
            }
        }
        return notes
    }

    /// The claimed settings that `state` contradicts by more than one device step, each as what the
    /// text says and what the settings log holds.
    private static func settingDisagreements(_ claim: Claim, _ state: RCSState) -> [(String, String)] {
        guard let group = claim.group ?? state.activeGroup,
            let number = state.groups[group].programs.firstIndex(where: { !$0.isDisabled })
        else { return [] }
        let settings = state.groups[group].programs[number]
        let name = "group \(DeviceGroup.letter(group)) program \(number)"
        var found: [(String, String)] = []
        if let claimed = claim.amplitude, let held = settings.amplitude,
            abs(claimed.rawValue - held.rawValue) > amplitudeStep
        {
            found.append(("amplitude \(claimed)", "\(held) for \(name)"))
        }
        if let claimed = claim.pulseWidth, let held = settings.pulseWidth,
            abs(claimed.rawValue - held.rawValue) > timeStep
        {
            found.append(("pulse width \(claimed)", "\(held) for \(name)"))
        }
        // A rate is compared as the period it gives, the device's unit: 130.2 Hz is a 7680 µs period.
        if let claimed = claim.rate, claimed.rawValue > 0, let period = state.groups[group].period,
            abs(1_000_000_000_000 / claimed.rawValue - period.rawValue) > timeStep
        {
            let held = Millihertz(rawValue: 1_000_000_000_000 / period.rawValue)
            found.append(("rate \(claimed)", "\(held) (period \(period)) for group \(DeviceGroup.letter(group))"))
        }
        return found
    }

    /// The therapy state, group and settings `text` claims, if any.
    static func claim(in text: String) -> Claim {
        var claim = quantities(in: text)
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        for (index, word) in words.enumerated() where index + 1 < words.count {
            let next = words[index + 1]
            if ["stim", "stimulation", "therapy"].contains(word), next == "on" || next == "off" {
                claim.isTherapyOn = next == "on"
            }
            if word == "group", let letter = ["a", "b", "c", "d"].firstIndex(of: next) {
                claim.group = letter
            }
        }
        return claim
    }

    /// The first amplitude, rate and pulse width `text` states as a number and its unit.
    private static func quantities(in text: String) -> Claim {
        // µ (micro sign) and μ (Greek mu) are both written for micro.
        let scalars = Array(text.lowercased().unicodeScalars.map { $0 == "µ" || $0 == "μ" ? "u" : $0 })
        var claim = Claim()
        var index = 0
        while index < scalars.count {
            let start = index
            while index < scalars.count, ("0"..."9").contains(scalars[index]) || scalars[index] == "." {
                index += 1
            }
            guard index > start else {
                index += 1
                continue
            }
            let number = String(String.UnicodeScalarView(scalars[start..<index]))
            var unitStart = index
            while unitStart < scalars.count, scalars[unitStart] == " " { unitStart += 1 }
            let unit = String(String.UnicodeScalarView(scalars[unitStart..<min(unitStart + 2, scalars.count)]))
            let isWord = unitStart + 2 < scalars.count && scalars[unitStart + 2].properties.isAlphabetic
            guard !isWord else { continue }
            switch unit {
            case "ma" where claim.amplitude == nil: claim.amplitude = try? Nanoamps(parsing: number)
            case "hz" where claim.rate == nil: claim.rate = try? Millihertz(parsing: number)
            case "us" where claim.pulseWidth == nil: claim.pulseWidth = try? Nanoseconds(parsing: number)
            default: break
            }
        }
        return claim
    }
}
