import Foundation
import StimSafety

/// Numbers and phrases for human output, text and HTML alike (JSON carries numbers to 15 significant digits, see `TherapyLog.Figure`).
package enum Format {
    /// `value` with at most `decimals` decimals, trailing zeros dropped.
    package static func number(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value > 0 ? "∞" : "—" }
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.last == "0" { text.removeLast() }
            if text.last == "." { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// Hours, with two decimals under 10 h and one from there.
    package static func hours(_ value: Double) -> String {
        value < 10 ? number(value, decimals: 2) + " h" : number(value, decimals: 1) + " h"
    }

    /// Ohms, as kilohms from 1 kΩ: `500 Ω`, `2 kΩ`, `10 kΩ`.
    package static func ohms(_ value: Double) -> String {
        value >= 1000 ? number(value / 1000, decimals: 1) + " kΩ" : number(value, decimals: 1) + " Ω"
    }

    /// Coulombs, as millicoulombs below 0.1 C.
    package static func coulombs(_ value: Double) -> String {
        value == 0 || value >= 0.1 ? number(value, decimals: 3) + " C" : number(value * 1000, decimals: 3) + " mC"
    }

    /// ` (assumed: FIELD, …)`, the mark of a figure resting on profile values marked assumed; empty
    /// for none.
    package static func assumed(_ fields: [String]?) -> String {
        guard let fields, !fields.isEmpty else { return "" }
        return " (assumed: " + fields.joined(separator: ", ") + ")"
    }

    /// `1 day`, `3 days`.
    package static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// The sentence text and HTML print for the rules an analysis could not evaluate
    /// (`SafetySummary.notEvaluated`); nil when it evaluated every rule.
    package static func notEvaluated(_ rules: RuleSet) -> String? {
        guard !rules.isEmpty else { return nil }
        return "not evaluated where the contacts of a program are unknown: "
            + rules.rules.map(\.name).joined(separator: ", ")
    }
}
