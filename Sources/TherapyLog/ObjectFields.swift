import RecordingFormat
import StimSafety

/// The members of one JSON object of a line, read by field name, with problems that name the field:
/// all the schema decoders (``EventDecoder``, ``ProgramFields``, ``HeaderDecoder``) ask of the
/// parser. A repeated key keeps its last value, a `null` counts as absent, and numbers are read
/// exactly from their text as written.
struct ObjectFields {
    let members: [String: JSONValue]
    /// The field path of this object within the line (`program.cycling`), empty at the top.
    let path: String

    init(_ members: [String: JSONValue], path: String = "") {
        self.members = members
        self.path = path
    }

    /// The full name of a field within the line (`program.cycling.on`); the problems build it only
    /// when they are made, as a nested field's name is a new string.
    func name(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    func name(_ key: SchemaKey) -> String { name(key.description) }

    /// Whether `key` is present and not `null`.
    func has(_ key: SchemaKey) -> Bool {
        switch members[key.description] {
        case nil, .null?: false
        default: true
        }
    }

    func value(_ key: SchemaKey) throws(LineProblem) -> JSONValue {
        guard let value = members[key.description], value != .null else { throw missing(key) }
        return value
    }

    func string(_ key: SchemaKey) throws(LineProblem) -> String {
        let value = try value(key)
        guard case .string(let text) = value else { throw wrongType(key, "a string", value.typeName) }
        return text
    }

    func bool(_ key: SchemaKey) throws(LineProblem) -> Bool {
        let value = try value(key)
        guard case .bool(let flag) = value else { throw wrongType(key, "true or false", value.typeName) }
        return flag
    }

    func object(_ key: SchemaKey) throws(LineProblem) -> ObjectFields {
        let value = try value(key)
        guard case .object(let members) = value else { throw wrongType(key, "an object", value.typeName) }
        return ObjectFields(members, path: name(key))
    }

    /// A whole number, written as an integer or as a number with no fraction (`2`, `2.0`, `2e0`).
    func integer(_ key: SchemaKey) throws(LineProblem) -> Int {
        let value = try value(key)
        guard case .number(let text) = value else { throw wrongType(key, "a whole number", value.typeName) }
        guard let whole = try? WholeNumber(parsing: text) else {
            throw LineProblem(.wrongType, "field '\(name(key))' must be a whole number, not \(text)")
        }
        return Int(whole.rawValue)
    }

    /// A whole number of 1 or more.
    func positiveInteger(_ key: SchemaKey) throws(LineProblem) -> Int {
        let number = try integer(key)
        guard number > 0 else { throw notPositive(key, number) }
        return number
    }

    private func notPositive(_ key: SchemaKey, _ number: Int) -> LineProblem {
        LineProblem(.wrongType, "field '\(name(key))' must be 1 or more, not \(number)")
    }

    /// A slot number: a whole number of 1 or more.
    func slot(_ key: SchemaKey) throws(LineProblem) -> Slot {
        let number = try integer(key)
        guard let slot = Slot(number: number) else { throw notPositive(key, number) }
        return slot
    }

    /// A number read exactly into `Quantity`, which must not be negative unless `allowNegative`.
    func quantity<Quantity: FixedPoint>(
        _ key: SchemaKey, _: Quantity.Type, allowNegative: Bool = false
    ) throws(LineProblem) -> Quantity {
        try quantity(key.description, try value(key), Quantity.self, allowNegative: allowNegative)
    }

    /// One of the raw values of `Choice` (`type`, `by`, `state`, `waveform`, `recovery`); another string is
    /// the problem `unknown` makes, by default a wrong-type problem listing them.
    func choice<Choice: RawRepresentable & CaseIterable>(
        _ key: SchemaKey, _: Choice.Type, unknown: ((String) -> LineProblem)? = nil
    ) throws(LineProblem) -> Choice where Choice.RawValue == String {
        let text = try string(key)
        guard let choice = Choice(rawValue: text) else {
            let options = Choice.allCases.map(\.rawValue).joined(separator: ", ")
            throw unknown?(text)
                ?? LineProblem(.wrongType, "field '\(name(key))' must be one of \(options), not '\(text)'")
        }
        return choice
    }

    func timestamp(_ key: SchemaKey) throws(LineProblem) -> Timestamp {
        let text = try string(key)
        guard let time = Timestamp(rfc3339: text) else {
            throw LineProblem(
                .wrongType,
                "field '\(name(key))' must be an RFC 3339 UTC time like 2026-01-05T08:00:00Z, not '\(text)'")
        }
        return time
    }

    /// Every member of this object as a contact (``ContactID/init(key:)``) and a quantity, sorted by
    /// contact. The outcome never depends on the members' order, which JSON does not define: when
    /// members fail, the problem is that of the failing member whose key sorts first, and when two keys
    /// name one contact (`7` and `07`), that of the smallest such contact.
    func contacts<Quantity: FixedPoint>(
        _: Quantity.Type, allowNegative: Bool
    ) throws(LineProblem) -> [(contact: ContactID, value: Quantity)] {
        var read: [(contact: ContactID, value: Quantity)] = []
        read.reserveCapacity(members.count)
        var failure: (key: String, problem: LineProblem)?
        for (key, value) in members {
            do throws(LineProblem) {
                read.append(
                    (ContactID(key: key), try quantity(key, value, Quantity.self, allowNegative: allowNegative)))
            } catch {
                if failure.map({ key < $0.key }) ?? true { failure = (key, error) }
            }
        }
        if let failure { throw failure.problem }
        read.sort { $0.contact < $1.contact }
        for index in read.indices.dropFirst() where read[index].contact == read[index - 1].contact {
            let contact = read[index].contact
            let spellings = members.keys.filter { ContactID(key: $0) == contact }.sorted().map { "'\($0)'" }
            throw LineProblem(
                .wrongType,
                "field '\(path)': contact \(contact) is given more than once (as "
                    + spellings.joined(separator: " and ") + ")")
        }
        return read
    }

    /// The member `key` holding `value`, read exactly into `Quantity`.
    private func quantity<Quantity: FixedPoint>(
        _ key: String, _ value: JSONValue, _: Quantity.Type, allowNegative: Bool
    ) throws(LineProblem) -> Quantity {
        guard value != .null else { throw missing(key) }
        guard case .number(let text) = value else { throw wrongType(key, "a number", value.typeName) }
        let quantity: Quantity
        do {
            quantity = try Quantity(parsing: text)
        } catch {
            throw LineProblem(.wrongType, "field '\(name(key))': \(error)")
        }
        guard allowNegative || quantity.rawValue >= 0 else {
            throw LineProblem(.wrongType, "field '\(name(key))' must not be negative (got \(text))")
        }
        return quantity
    }

    /// The problem for a value of the wrong JSON type.
    func wrongType(_ key: some CustomStringConvertible, _ expected: String, _ typeName: String) -> LineProblem {
        LineProblem(.wrongType, "field '\(name(key.description))' must be \(expected), not \(typeName)")
    }

    /// The problem for an absent (or `null`) field.
    func missing(_ key: some CustomStringConvertible) -> LineProblem {
        LineProblem(.missingField, "missing field '\(name(key.description))'")
    }
}

/// A count (a slot, pulses per burst), read exactly as the quantities are, with no fraction.
private struct WholeNumber: FixedPoint {
    static let fractionDigits = 0
    static let unitSymbol = ""
    let rawValue: Int64

    init(rawValue: Int64) { self.rawValue = rawValue }
}
