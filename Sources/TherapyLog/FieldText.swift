import StimSafety

/// Schema rules on number and string texts, and the problems they make.
enum FieldText {
    /// A whole number from a number's text, exactly: written as an integer or with a fraction of
    /// zeros or an exponent (`2`, `2.0`, `2e0`). The field's name is made only for a problem: a nested
    /// field's is a new string, which reading every `program` and `rejected` event would otherwise build.
    static func integer(_ text: String, field: @autoclosure () -> String) throws(LineProblem) -> Int {
        guard let whole = try? WholeNumber(parsing: text) else {
            throw LineProblem(.wrongType, "field '\(field())' must be a whole number, not \(text)")
        }
        return Int(whole.rawValue)
    }

    /// A quantity from a number's decimal text, exactly; `field` is made only for a problem.
    static func quantity<Quantity: FixedPoint>(
        _ text: String, _: Quantity.Type, field: @autoclosure () -> String, allowNegative: Bool
    ) throws(LineProblem) -> Quantity {
        let quantity: Quantity
        do {
            quantity = try Quantity(parsing: text)
        } catch {
            throw LineProblem(.wrongType, "field '\(field())': \(error)")
        }
        guard allowNegative || quantity.rawValue >= 0 else {
            throw LineProblem(.wrongType, "field '\(field())' must not be negative (got \(text))")
        }
        return quantity
    }

    /// The problem of a string that is none of `Choice`'s raw values.
    static func unknownChoice<Choice: SchemaChoice>(_ text: String, _: Choice.Type, field: String) -> LineProblem {
        let options = Choice.allCases.map(\.rawValue).joined(separator: ", ")
        return LineProblem(.wrongType, "field '\(field)' must be one of \(options), not '\(text)'")
    }

    static func badTimestamp(_ text: String, field: String) -> LineProblem {
        LineProblem(
            .wrongType, "field '\(field)' must be an RFC 3339 UTC time like 2026-01-05T08:00:00Z, not '\(text)'")
    }

    /// Picks, of two failing members, the one whose key sorts first.
    static func earlier(
        _ current: (key: String, problem: LineProblem)?, _ key: String, _ problem: LineProblem
    ) -> (key: String, problem: LineProblem) {
        guard let current, current.key < key else { return (key, problem) }
        return current
    }
}

/// A count (a slot, pulses per burst), read exactly as the quantities are, with no fraction.
private struct WholeNumber: FixedPoint {
    static let fractionDigits = 0
    static let unitSymbol = ""
    let rawValue: Int64

    init(rawValue: Int64) { self.rawValue = rawValue }
}
