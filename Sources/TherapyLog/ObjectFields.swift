import StimSafety

/// The members of one JSON object with typed accessors that name the field in every problem.
struct ObjectFields {
    let members: [String: JSONValue]
    /// The field path of this object within the line (`program.cycling`), empty at the top.
    let path: String

    init(_ members: [String: JSONValue], path: String = "") {
        self.members = members
        self.path = path
    }

    /// The full name of `key`, for messages.
    func name(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// Whether `key` is present (a JSON `null` counts as absent).
    func has(_ key: String) -> Bool {
        switch members[key] {
        case nil, .null?: false
        default: true
        }
    }

    func value(_ key: String) throws(LineProblem) -> JSONValue {
        guard let value = members[key], value != .null else {
            throw LineProblem(.missingField, "missing field '\(name(key))'")
        }
        return value
    }

    func wrongType(_ key: String, _ expected: String, _ value: JSONValue) -> LineProblem {
        LineProblem(.wrongType, "field '\(name(key))' must be \(expected), not \(value.typeName)")
    }

    func string(_ key: String) throws(LineProblem) -> String {
        let value = try value(key)
        guard case .string(let text) = value else { throw wrongType(key, "a string", value) }
        return text
    }

    func bool(_ key: String) throws(LineProblem) -> Bool {
        let value = try value(key)
        guard case .bool(let flag) = value else { throw wrongType(key, "true or false", value) }
        return flag
    }

    func object(_ key: String) throws(LineProblem) -> ObjectFields {
        let value = try value(key)
        guard case .object(let members) = value else { throw wrongType(key, "an object", value) }
        return ObjectFields(members, path: name(key))
    }

    /// A whole number, written as an integer or as a number with no fraction (`2`, `2.0`, `2e0`).
    func integer(_ key: String) throws(LineProblem) -> Int {
        let value = try value(key)
        guard case .number(let text) = value else { throw wrongType(key, "a whole number", value) }
        if let whole = Int(text) { return whole }
        // A number written with a fraction or an exponent is whole when its exact value is; nanoamps
        // resolve six decimals, enough to tell.
        if let exact = try? Nanoamps(parsing: text), exact.rawValue % Nanoamps.subunitsPerUnit == 0 {
            return Int(exact.rawValue / Nanoamps.subunitsPerUnit)
        }
        throw LineProblem(.wrongType, "field '\(name(key))' must be a whole number, not \(text)")
    }

    /// A positive whole number.
    func positiveInteger(_ key: String) throws(LineProblem) -> Int {
        let number = try integer(key)
        guard number > 0 else {
            throw LineProblem(.wrongType, "field '\(name(key))' must be 1 or more, not \(number)")
        }
        return number
    }

    /// A number read exactly into `Quantity` from its decimal text.
    func quantity<Quantity: FixedPoint>(
        _ key: String, _: Quantity.Type, allowNegative: Bool = false
    ) throws(LineProblem) -> Quantity {
        let value = try value(key)
        guard case .number(let text) = value else { throw wrongType(key, "a number", value) }
        return try Self.quantity(text, Quantity.self, field: name(key), allowNegative: allowNegative)
    }

    static func quantity<Quantity: FixedPoint>(
        _ text: String, _: Quantity.Type, field: String, allowNegative: Bool
    ) throws(LineProblem) -> Quantity {
        let quantity: Quantity
        do {
            quantity = try Quantity(parsing: text)
        } catch {
            throw LineProblem(.wrongType, "field '\(field)': \(error)")
        }
        guard allowNegative || quantity.rawValue >= 0 else {
            throw LineProblem(.wrongType, "field '\(field)' must not be negative (got \(text))")
        }
        return quantity
    }

    /// One of the raw values of `Choice`.
    func choice<Choice: RawRepresentable & CaseIterable>(
        _ key: String, _: Choice.Type
    ) throws(LineProblem) -> Choice where Choice.RawValue == String {
        let text = try string(key)
        guard let choice = Choice(rawValue: text) else {
            let options = Choice.allCases.map(\.rawValue).joined(separator: ", ")
            throw LineProblem(.wrongType, "field '\(name(key))' must be one of \(options), not '\(text)'")
        }
        return choice
    }

    /// An RFC 3339 UTC timestamp.
    func timestamp(_ key: String) throws(LineProblem) -> Timestamp {
        let text = try string(key)
        guard let time = Timestamp(rfc3339: text) else {
            throw LineProblem(
                .wrongType, "field '\(name(key))' must be an RFC 3339 UTC time like 2026-01-05T08:00:00Z, not '\(text)'"
            )
        }
        return time
    }
}
