import RecordingFormat
import StimSafety

/// Reading a device log's JSON: members looked up by name (exact first, then ignoring case, since
/// the same field is spelt `RateInHz` in one file and `rateInHz` in the next), and numbers in exact
/// units.
extension JSONValue {
    /// The member `name` of an object; nil for a missing member, `null` or a non-object.
    subscript(_ name: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        let found = members[name] ?? members.first { $0.key.caseInsensitiveCompare(name) }?.value
        if case .null = found { return nil }
        return found
    }

    /// The object's members, or nil.
    var members: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The array's elements, an object read as a one-element array, or nil.
    ///
    /// MATLAB's JSON encoder writes a one-element array as its bare element (`"Programs": {…}`), and
    /// reports made that way circulate widely; every field the formats hold as an array of objects is
    /// read through this, so both shapes give the same import.
    var elements: [JSONValue]? {
        switch self {
        case .array(let elements): elements
        case .object: [self]
        default: nil
        }
    }

    /// The text of a string, or nil.
    var text: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// A boolean, or a number 0 / 1 read as one.
    var flag: Bool? {
        switch self {
        case .bool(let value): value
        case .number(let text): Double(text).map { $0 != 0 }
        default: nil
        }
    }

    /// A whole number (`12`, `12.0`, `1.2e1`), or nil.
    var integer: Int? {
        guard case .number(let text) = self else { return nil }
        if let value = Int(text) { return value }
        guard let value = Double(text), value.rounded() == value, abs(value) < 1e15 else { return nil }
        return Int(value)
    }

    /// A number as a double, for comparisons that tolerate rounding; nil for anything else.
    var double: Double? {
        guard case .number(let text) = self else { return nil }
        return Double(text)
    }

    /// A number in exact units, or nil when it is not a number or has more digits than the unit holds.
    func quantity<Q: FixedPoint>(_: Q.Type) -> Q? {
        guard case .number(let text) = self else { return nil }
        return try? Q(parsing: text)
    }
}

extension String {
    /// A case-insensitive comparison for member names, ASCII only.
    fileprivate func caseInsensitiveCompare(_ other: String) -> Bool {
        utf8.count == other.utf8.count && zip(utf8, other.utf8).allSatisfy { ($0 | 0x20) == ($1 | 0x20) }
    }
}
