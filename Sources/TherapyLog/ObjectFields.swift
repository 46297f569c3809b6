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

    func name(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

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
        return try FieldText.integer(text, field: name(key))
    }

    func quantity<Quantity: FixedPoint>(
        _ key: SchemaKey, _: Quantity.Type, allowNegative: Bool
    ) throws(LineProblem) -> Quantity {
        let value = try value(key)
        guard case .number(let text) = value else { throw wrongType(key, "a number", value.typeName) }
        return try FieldText.quantity(text, Quantity.self, field: name(key), allowNegative: allowNegative)
    }

    func choice<Choice: SchemaChoice>(
        _ key: SchemaKey, _: Choice.Type, unknown: (String) -> LineProblem
    ) throws(LineProblem) -> Choice {
        let text = try string(key)
        guard let choice = Choice(rawValue: text) else { throw unknown(text) }
        return choice
    }

    func timestamp(_ key: SchemaKey) throws(LineProblem) -> Timestamp {
        let text = try string(key)
        guard let time = Timestamp(rfc3339: text) else { throw FieldText.badTimestamp(text, field: name(key)) }
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
                guard value != .null else { throw missing(key) }
                guard case .number(let text) = value else { throw wrongType(key, "a number", value.typeName) }
                let quantity = try FieldText.quantity(
                    text, Quantity.self, field: name(key), allowNegative: allowNegative)
                read.append((ContactID(key: key), quantity))
            } catch {
                failure = FieldText.earlier(failure, key, error)
            }
        }
        if let failure { throw failure.problem }
        read.sort { $0.contact < $1.contact }
        for index in read.indices.dropFirst() where read[index].contact == read[index - 1].contact {
            throw repeated(read[index].contact)
        }
        return read
    }

    /// The problem of two keys of this map that both name `contact`.
    private func repeated(_ contact: ContactID) -> LineProblem {
        let spellings = keys().filter { ContactID(key: $0) == contact }.sorted().map { "'\($0)'" }
        return LineProblem(
            .wrongType,
            "field '\(path)': contact \(contact) is given more than once (as " + spellings.joined(separator: " and ")
                + ")")
    }

    func keys() -> [String] { Array(members.keys) }
}
