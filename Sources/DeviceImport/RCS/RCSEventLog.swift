import TherapyLog

/// Reads EventLog.json: free text an app wrote on the host, kept as annotations (a recording has no
/// place for them) and compared with the settings logs rather than trusted.
///
/// The text is `EventName`, `EventType` and `EventSubType` together. A word `stim`, `stimulation` or
/// `therapy` followed by `on` or `off` claims a therapy state; `group` followed by a letter A–D
/// claims an active group. A claim the StimLog state at that time contradicts is a disagreement.
enum RCSEventLog {
    /// What an entry's text says about the therapy.
    struct Claim: Equatable {
        var isTherapyOn: Bool?
        var group: Int?
    }

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
                        "“\(text)” says group \(RCSState.letter(group)), but the settings log has group "
                            + "\(RCSState.letter(active)) active as of \(moment.source); the settings log is kept"))
            }
        }
        return notes
    }

    /// The therapy state and group `text` claims, if any.
    static func claim(in text: String) -> Claim {
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        var claim = Claim()
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
}
