import RecordingFormat
import StimSafety

/// The members of one JSON object of a line, read by field name, with problems that name the field.
///
/// This is all the schema decoders (``EventDecoder``, ``ProgramFields``, ``HeaderDecoder``) ask of
/// a JSON parser, so the reference decoder (``ObjectFields``, over Foundation's parse) and the
/// scanner (``TapeFields``, over a token tape) share every schema rule and differ only in how
/// they read JSON. Both follow Foundation's JSON semantics: a repeated key keeps its last value, a
/// `null` counts as absent, and numbers take the value `JSONSerialization` gives them.
protocol LineFields {
    /// Where this object is in the line (`program.cycling`), empty at the top.
    var path: String { get }
    /// The full name of `key` (`program.cycling.on`), for messages.
    func name(_ key: String) -> String
    /// Whether `key` is present and not `null`.
    func has(_ key: SchemaKey) -> Bool
    /// The value of `key`, whatever its type.
    func value(_ key: SchemaKey) throws(LineProblem) -> JSONValue
    func string(_ key: SchemaKey) throws(LineProblem) -> String
    func bool(_ key: SchemaKey) throws(LineProblem) -> Bool
    /// A nested object, its fields named under `key`.
    func object(_ key: SchemaKey) throws(LineProblem) -> Self
    /// A whole number, written as an integer or as a number with no fraction (`2`, `2.0`, `2e0`).
    func integer(_ key: SchemaKey) throws(LineProblem) -> Int
    /// A number read exactly into `Quantity`.
    func quantity<Quantity: FixedPoint>(
        _ key: SchemaKey, _: Quantity.Type, allowNegative: Bool
    ) throws(LineProblem) -> Quantity
    /// One of the raw values of `Choice`; another string is the problem `unknown` makes of it.
    func choice<Choice: SchemaChoice>(
        _ key: SchemaKey, _: Choice.Type, unknown: (String) -> LineProblem
    ) throws(LineProblem) -> Choice
    /// An RFC 3339 UTC timestamp.
    func timestamp(_ key: SchemaKey) throws(LineProblem) -> Timestamp
    /// Every member of this object as a contact (``ContactID/init(key:)``) and a quantity, each key
    /// once (a repeated key with its last value), in no particular order. When members fail, the
    /// problem is that of the failing member whose key sorts first, so that the outcome never depends
    /// on an order JSON does not define.
    func contacts<Quantity: FixedPoint>(
        _: Quantity.Type, allowNegative: Bool
    ) throws(LineProblem) -> [(contact: ContactID, value: Quantity)]
    /// The keys of this object's members, each once.
    func keys() -> [String]
}

extension LineFields {
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

/// Schema rules on number and string texts that both field readers apply.
enum FieldText {
    /// A whole number from a number's text as Foundation gives it: an integer text directly, any other
    /// form when its exact value is whole (nanoamps resolve six decimals, enough to tell).
    static func integer(_ text: String, field: String) throws(LineProblem) -> Int {
        if let whole = Int(text) { return whole }
        if let exact = try? Nanoamps(parsing: text), exact.rawValue % Nanoamps.subunitsPerUnit == 0 {
            return Int(exact.rawValue / Nanoamps.subunitsPerUnit)
        }
        throw LineProblem(.wrongType, "field '\(field)' must be a whole number, not \(text)")
    }

    /// A quantity from a number's decimal text, exactly.
    static func quantity<Quantity: FixedPoint>(
        _ text: String, _: Quantity.Type, field: String, allowNegative: Bool
    ) throws(LineProblem) -> Quantity {
        let quantity: Quantity
        do {
            quantity = try Quantity(parsing: text)
        } catch {
            throw LineProblem(.wrongType, "field '\(field)': \(error)")
        }
        return try nonNegative(quantity, text: text, field: field, allowNegative: allowNegative)
    }

    static func nonNegative<Quantity: FixedPoint>(
        _ quantity: Quantity, text: @autoclosure () -> String, field: @autoclosure () -> String, allowNegative: Bool
    ) throws(LineProblem) -> Quantity {
        guard allowNegative || quantity.rawValue >= 0 else {
            throw LineProblem(.wrongType, "field '\(field())' must not be negative (got \(text()))")
        }
        return quantity
    }

    /// One of `Choice`'s raw values.
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
