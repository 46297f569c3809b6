import StimSafety

/// The schema's readings built on the plain ones, and the problems that name their field.
extension ObjectFields {
    /// A slot number: a whole number of 1 or more.
    func slot(_ key: SchemaKey) throws(LineProblem) -> Slot {
        let number = try integer(key)
        guard let slot = Slot(number: number) else {
            throw LineProblem(.wrongType, "field '\(name(key))' must be 1 or more, not \(number)")
        }
        return slot
    }

    /// A positive whole number.
    func positiveInteger(_ key: SchemaKey) throws(LineProblem) -> Int {
        let number = try integer(key)
        guard number > 0 else {
            throw LineProblem(.wrongType, "field '\(name(key))' must be 1 or more, not \(number)")
        }
        return number
    }

    /// One of the raw values of `Choice`; another string is a wrong-type problem listing them.
    func choice<Choice: SchemaChoice>(_ key: SchemaKey, _ type: Choice.Type) throws(LineProblem) -> Choice {
        try choice(key, type) { text in FieldText.unknownChoice(text, Choice.self, field: name(key)) }
    }

    /// A number read exactly into `Quantity`, which must not be negative.
    func quantity<Quantity: FixedPoint>(_ key: SchemaKey, _ type: Quantity.Type) throws(LineProblem) -> Quantity {
        try quantity(key, type, allowNegative: false)
    }

    /// The full name of a schema key.
    func name(_ key: SchemaKey) -> String { name(key.description) }

    /// The problem for a value of the wrong JSON type.
    func wrongType(_ key: some CustomStringConvertible, _ expected: String, _ typeName: String) -> LineProblem {
        LineProblem(.wrongType, "field '\(name(key.description))' must be \(expected), not \(typeName)")
    }

    /// The problem for an absent (or `null`) field.
    func missing(_ key: some CustomStringConvertible) -> LineProblem {
        LineProblem(.missingField, "missing field '\(name(key.description))'")
    }
}
