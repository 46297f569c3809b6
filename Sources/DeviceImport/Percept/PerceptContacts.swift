import RecordingFormat
import StimSafety

/// Maps Percept electrode names to the contact numbers of the `percept-pc` profile and turns an
/// `ElectrodeState[]` list into a contact map.
///
/// The profile numbers the INS's two ports as Percept's `InsPort` does: `ZERO_SEVEN` (contacts 0–7)
/// and `EIGHT_FIFTEEN` (8–15). Reports name the electrodes of the leads a Percept drives as the
/// public research toolboxes read them (`docs/domain-reference.md` §5.3): `FourElectrodes_0`…`_3`
/// (`_8`…`_11` on the second port) for a four-ring lead; `SenSight_0`, `_1a`…`_1c`, `_2a`…`_2c`,
/// `_3` (`_8`, `_9a`…`_10c`, `_11`) for SenSight's directional 1-3-3-1 lead, contacts 0–7 of its
/// port in that order; `Case` is the can. Other names are read as the value after the enum prefix
/// holding the contact as digits (`E03`, `Electrode_3`), a number word (`Three`), or a level and
/// segment (`1A`…`2C`); a number of 8 or more is taken as the contact number itself.
enum PerceptContacts {
    private static let words = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen",
    ]

    /// The contact `name` names on the port whose first contact is `base`; nil for a name read no way.
    static func contact(_ name: String, base: Int) -> ContactID? {
        var value = Substring(PerceptEnum.value(name).lowercased())
        if value.contains("case") { return .can }
        if value.hasPrefix("sensight_") { return senSight(value.dropFirst("sensight_".count), base: base) }
        if value.hasPrefix("fourelectrodes_") {
            switch Int(value.dropFirst("fourelectrodes_".count)) {
            case let number? where (0...3).contains(number): return .lead(base + number)
            case let number? where (8...11).contains(number): return .lead(number)
            default: return nil
            }
        }
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

    /// A SenSight electrode (`1a`, `3`, `10c`): levels 0–3 on the port whose first contact is `base`,
    /// 8–11 on the second port; levels 1 and 2 are split into segments a, b and c.
    private static func senSight(_ text: Substring, base: Int) -> ContactID? {
        let segment = text.last.flatMap { "abc".firstIndex(of: $0) }.map {
            "abc".distance(from: "abc".startIndex, to: $0)
        }
        guard let number = Int(segment == nil ? text : text.dropLast()) else { return nil }
        let (first, level) = number >= 8 ? (8, number - 8) : (base, number)
        switch (level, segment) {
        case (0, nil): return .lead(first)
        case (3, nil): return .lead(first + 7)
        case (1...2, let segment?): return .lead(first + 1 + (level - 1) * 3 + segment)
        default: return nil
        }
    }

    /// The contact map of a program's `ElectrodeState[]`, or a reason it cannot be read.
    ///
    /// `ElectrodeStateResult` says the polarity (`Negative` cathode, `Positive` anode, in any case;
    /// anything else off); each polarity's percents follow `ElectrodeFractionOf64` (or, without it,
    /// `ElectrodeAmplitudeInMilliAmps`; or an even split), rounded to whole percents that sum to 100.
    /// A contact that two active electrodes name is a problem: a contact map holds each contact once.
    static func shares(_ states: [JSONValue], base: Int) -> Result<[ContactShare], ContactProblem> {
        var cathodes: [(ContactID, Double?)] = []
        var anodes: [(ContactID, Double?)] = []
        var named: Set<ContactID> = []
        for state in states {
            guard let polarity = state["ElectrodeStateResult"]?.text.flatMap(PerceptEnum.polarity) else { continue }
            let isCathode = polarity == .cathode
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
