import RecordingFormat
import StimSafety

/// Reads a DeviceSettings program's `electrodes.electrodes[17]` as a contact map.
///
/// Index 0–15 are the lead contacts and 16 the case (`docs/domain-reference.md` §1.1). An electrode is
/// active when `isOff` is false; `electrodeType` 0 is a cathode and 1 an anode. The logs carry no
/// current split (`elecValue` is undocumented), so each polarity's current is split evenly in whole
/// percents, the first contacts taking the remainder, as the command line's `2-,3+` shorthand does.
enum RCSElectrodes {
    /// The contact map, or nil when the value is not an electrode list.
    static func contacts(_ value: JSONValue) -> [ContactShare]? {
        guard let list = value["electrodes"]?.elements ?? value.elements else { return nil }
        var cathodes: [ContactID] = []
        var anodes: [ContactID] = []
        for (index, electrode) in list.enumerated() where electrode["isOff"]?.flag == false {
            let contact: ContactID = index == 16 ? .can : .lead(index)
            switch electrode["electrodeType"]?.integer {
            case 0: cathodes.append(contact)
            case 1: anodes.append(contact)
            default: continue
            }
        }
        return (split(cathodes, sign: -1) + split(anodes, sign: 1)).sorted { $0.contact < $1.contact }
    }

    private static func split(_ contacts: [ContactID], sign: Int64) -> [ContactShare] {
        guard !contacts.isEmpty else { return [] }
        let count = Int64(contacts.count)
        return contacts.enumerated().map { position, contact in
            let whole = 100 / count + (Int64(position) < 100 % count ? 1 : 0)
            return ContactShare(contact, Percent(units: sign * whole))
        }
    }
}
