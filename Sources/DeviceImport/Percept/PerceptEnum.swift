/// Percept writes enumerations as `"<Type>Def.<VALUE>"` (`GroupIdDef.GROUP_A`); these read them.
enum PerceptEnum {
    /// The part after the last dot: `GROUP_A`, `Negative`, `ON`.
    static func value(_ text: String) -> String {
        text.split(separator: ".").last.map(String.init) ?? text
    }

    /// `GROUP_A`…`GROUP_D` as 0…3.
    static func group(_ text: String) -> Int? {
        let value = value(text).uppercased()
        guard value.hasPrefix("GROUP_"), value.count == 7, let letter = value.last,
            let index = "ABCD".firstIndex(of: letter)
        else { return nil }
        return "ABCD".distance(from: "ABCD".startIndex, to: index)
    }

    /// An electrode's role in a program, from its `ElectrodeStateResult`.
    enum Polarity {
        /// `Negative`.
        case cathode
        /// `Positive`.
        case anode
    }

    /// `ElectrodeStateDef.Negative` / `Positive` (any case) as a polarity; nil for anything else, an
    /// electrode that is off.
    static func polarity(_ text: String) -> Polarity? {
        switch value(text).lowercased() {
        case "negative": .cathode
        case "positive": .anode
        default: nil
        }
    }

    /// `ON` / `OFF` (any type, any case) as a Boolean.
    static func isOn(_ text: String) -> Bool? {
        switch value(text).uppercased() {
        case "ON": true
        case "OFF": false
        default: nil
        }
    }
}
