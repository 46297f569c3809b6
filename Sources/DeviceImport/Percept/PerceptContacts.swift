import RecordingFormat
import StimSafety
import TherapyLog

/// Maps Percept electrode names to the contact numbers of the `percept-pc` profile and turns an
/// `ElectrodeState[]` list into a contact map.
///
/// The profile numbers the INS's two ports as Percept's `InsPort` does: `ZERO_SEVEN` (contacts 0–7)
/// and `EIGHT_FIFTEEN` (8–15). `docs/domain-reference.md` does not list the electrode names, so this is
/// the reading: the value after the enum prefix holds the contact as digits (`E03`, `Electrode_3`),
/// a number word (`Three`), or a directional level and segment (`1A`…`2C`, SenSight's 1-3-3-1 order:
/// 0, 1A, 1B, 1C, 2A, 2B, 2C, 3 are contacts 0–7 of the port); `Case` is the can. A number of 8 or
/// more is taken as the contact number itself.
enum PerceptContacts {
    private static let words = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen",
    ]

    /// The contact `name` names on the port whose first contact is `base`; nil for a name read no way.
    static func contact(_ name: String, base: Int) -> ContactID? {
        var value = Substring(PerceptEnum.value(name).lowercased())
        if value.contains("case") { return .can }
        var segment: Int?
        if let last = value.last, let letter = "abc".firstIndex(of: last), value.count > 1 {
            let rest = value.dropLast()
            if rest.last?.isNumber == true || words.contains(where: { rest.hasSuffix($0) }) {
                segment = "abc".distance(from: "abc".startIndex, to: letter)
                value = rest
            }
        }
        let number: Int
        if let word = words.indices.last(where: { value.hasSuffix(words[$0]) }) {
            number = word
        } else if let digits = Int(String(value.filter(\.isNumber))) {
            number = digits
        } else {
            return nil
        }
        if let segment {
            guard number == 1 || number == 2 else { return nil }
            return .lead(base + 1 + (number - 1) * 3 + segment)
        }
        return .lead(number >= 8 ? number : base + number)
    }

    /// The contact map of a program's `ElectrodeState[]`, or a reason it cannot be read.
    ///
    /// `ElectrodeStateResult` says the polarity (`Negative` cathode, `Positive` anode, anything else
    /// off); each polarity's percents follow `ElectrodeFractionOf64` (or, without it,
    /// `ElectrodeAmplitudeInMilliAmps`; or an even split), rounded to whole percents that sum to 100.
    /// A contact that two active electrodes name is a problem: a contact map holds each contact once.
    static func shares(_ states: [JSONValue], base: Int) -> Result<[ContactShare], ContactProblem> {
        var cathodes: [(ContactID, Double?)] = []
        var anodes: [(ContactID, Double?)] = []
        var named: Set<ContactID> = []
        for state in states {
            guard let polarity = state["ElectrodeStateResult"]?.text.map(PerceptEnum.value) else { continue }
            let isCathode = polarity.lowercased() == "negative"
            guard isCathode || polarity.lowercased() == "positive" else { continue }
            guard let name = state["Electrode"]?.text else {
                return .failure(ContactProblem("an electrode without a name"))
            }
            guard let contact = contact(name, base: base) else {
                return .failure(ContactProblem("electrode '\(name)' names no contact this import knows"))
            }
            guard named.insert(contact).inserted else {
                return .failure(ContactProblem("electrode '\(name)' names contact \(contact) a second time"))
            }
            let weight = (state["ElectrodeFractionOf64"]?.double ?? state["ElectrodeAmplitudeInMilliAmps"]?.double)
                .map(abs)
            if isCathode { cathodes.append((contact, weight)) } else { anodes.append((contact, weight)) }
        }
        return .success(
            (percents(cathodes, sign: -1) + percents(anodes, sign: 1)).sorted { $0.contact < $1.contact })
    }

    /// Whole percents in proportion to the weights, largest remainders first, summing to 100; an even
    /// split when the weights are all zero or too large for their proportions to be computed (a
    /// weight of 1e309 reads as infinity).
    private static func percents(_ entries: [(ContactID, Double?)], sign: Int64) -> [ContactShare] {
        guard !entries.isEmpty else { return [] }
        let weights = entries.map { $0.1 ?? 1 }
        let total = weights.reduce(0, +)
        let proportional = weights.map { 100 * $0 / total }
        let isProportional = total > 0 && total.isFinite && proportional.allSatisfy(\.isFinite)
        let exact = isProportional ? proportional : weights.map { _ in 100 / Double(entries.count) }
        var whole = exact.map { Int64($0.rounded(.down)) }
        // Largest remainder first; equal remainders in list order.
        let order = exact.indices.sorted {
            (Double(whole[$0]) - exact[$0], $0) < (Double(whole[$1]) - exact[$1], $1)
        }
        for index in order.prefix(Int(100 - whole.reduce(0, +))) { whole[index] += 1 }
        return entries.indices.map { ContactShare(entries[$0].0, Percent(units: sign * whole[$0])) }
    }

    /// Why a contact list could not be read.
    struct ContactProblem: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }
}
