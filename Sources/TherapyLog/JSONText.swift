import StimSafety

/// Builds one JSON object as text, member by member in the order written, for the recording writer.
///
/// Numbers are written from exact decimal text, never through `Double`, so that reading a written
/// recording gives back the same units.
struct JSONText {
    private(set) var text = "{"
    private var isEmpty = true

    /// Closes the object and returns its text.
    consuming func finish() -> String {
        text + "}"
    }

    private mutating func key(_ name: String) {
        if !isEmpty { text += "," }
        isEmpty = false
        text += Self.quoted(name) + ":"
    }

    mutating func string(_ name: String, _ value: String) {
        key(name)
        text += Self.quoted(value)
    }

    mutating func integer(_ name: String, _ value: Int) {
        key(name)
        text += String(value)
    }

    mutating func decimal(_ name: String, _ value: some FixedPoint) {
        key(name)
        text += value.decimalText
    }

    mutating func bool(_ name: String, _ value: Bool) {
        key(name)
        text += value ? "true" : "false"
    }

    /// A member whose value is already JSON text.
    mutating func raw(_ name: String, _ json: String) {
        key(name)
        text += json
    }

    /// `value` as a JSON string literal, with the escapes RFC 8259 requires.
    static func quoted(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// `value` as JSON text, object members sorted by name.
    static func encode(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let text): text
        case .string(let text): quoted(text)
        case .array(let elements): "[" + elements.map(encode).joined(separator: ",") + "]"
        case .object(let members):
            "{" + members.keys.sorted().map { quoted($0) + ":" + encode(members[$0] ?? .null) }.joined(separator: ",")
                + "}"
        }
    }
}
