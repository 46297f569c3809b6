import DeviceProfiles
import StimSafety

/// Reads the `--contacts` shorthand: `2-,3+` (each polarity split evenly), `1-60,2-40,3+` (explicit
/// percents; entries without a number share what is left of their polarity), `case+` for the can.
///
/// An even split is made in whole steps of the device's fraction step, the first contacts taking the
/// remainder (three cathodes on a 1 % step: 34, 33, 33), as a clinical programmer does. Sums that do
/// not come to 100 and unknown contacts are left for the safety rules to report.
enum ContactShorthand {
    static func parse(_ text: String, fractionStep: Percent, flag: String = "--contacts") throws(InputError)
        -> [ContactShare]
    {
        var entries: [(contact: ContactID, cathode: Bool, percent: Percent?)] = []
        var listed = Set<ContactID>()
        for rawEntry in text.split(separator: ",", omittingEmptySubsequences: false) {
            let entry = rawEntry.trimmingCharacters(in: " ")
            guard let signIndex = entry.firstIndex(where: { $0 == "-" || $0 == "+" }), signIndex != entry.startIndex
            else {
                throw InputError(flag, "'\(entry)' is not CONTACT- or CONTACT+ (optionally followed by a percent)")
            }
            let key = entry[..<signIndex]
            let amount = entry[entry.index(after: signIndex)...]
            var percent: Percent?
            if !amount.isEmpty {
                do {
                    percent = try Percent(parsing: amount)
                } catch {
                    throw InputError(flag, "'\(entry)': the percent \(error)")
                }
                if let value = percent, value.rawValue < 0 {
                    throw InputError(flag, "'\(entry)': percent must be positive")
                }
            }
            let contact = ContactID(key: key)
            guard listed.insert(contact).inserted else {
                throw InputError(flag, "contact '\(key)' is listed twice")
            }
            entries.append((contact, entry[signIndex] == "-", percent))
        }
        let step = max(fractionStep.rawValue, 1)
        return entries.map { entry in
            if let percent = entry.percent {
                return ContactShare(
                    entry.contact, Percent(rawValue: entry.cathode ? -percent.rawValue : percent.rawValue))
            }
            let group = entries.filter { $0.cathode == entry.cathode }
            // Summed in 128 bits: explicit percents as large as a flag can hold must not overflow.
            let explicit = group.compactMap(\.percent).reduce(Int128(0)) { $0 + Int128($1.rawValue) }
            let open = group.filter { $0.percent == nil }
            let position = Int64(open.firstIndex { $0.contact == entry.contact } ?? 0)
            let remainingSteps = Int64(max(Int128(Percent.whole.rawValue) - explicit, 0)) / step
            let steps = remainingSteps / Int64(open.count) + (position < remainingSteps % Int64(open.count) ? 1 : 0)
            return ContactShare(entry.contact, Percent(rawValue: (entry.cathode ? -steps : steps) * step))
        }
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in character: Character) -> Substring {
        var result = self
        while result.first == character { result.removeFirst() }
        while result.last == character { result.removeLast() }
        return result
    }
}
