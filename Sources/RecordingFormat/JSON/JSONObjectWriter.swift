import StimSafety

/// Builds one JSON object as text, member by member, in the order written: the lines of a recording,
/// whether the simulated device or an importer writes them.
///
/// Numbers are written from exact decimal text (`FixedPoint.decimalText`), never through `Double`,
/// so that a reader that parses numbers exactly gets back the device's values.
public struct JSONObjectWriter {
    /// The text so far, without the closing brace.
    public private(set) var text = "{"
    private var isEmpty = true

    /// An empty object.
    public init() {}

    /// Closes the object and returns its text.
    public consuming func finish() -> String {
        text + "}"
    }

    private mutating func key(_ name: String) {
        if !isEmpty { text += "," }
        isEmpty = false
        text += JSONObjectWriter.quoted(name) + ":"
    }

    /// A string member.
    public mutating func string(_ name: String, _ value: String) {
        key(name)
        text += JSONObjectWriter.quoted(value)
    }

    /// A whole-number member.
    public mutating func integer(_ name: String, _ value: some BinaryInteger) {
        key(name)
        text += String(value)
    }

    /// A member with a quantity's exact decimal value in its unit.
    public mutating func decimal(_ name: String, _ value: some FixedPoint) {
        key(name)
        text += value.decimalText
    }

    /// A `true` or `false` member.
    public mutating func bool(_ name: String, _ value: Bool) {
        key(name)
        text += value ? "true" : "false"
    }

    /// A member whose value is already JSON text (a nested object or array).
    public mutating func raw(_ name: String, _ json: String) {
        key(name)
        text += json
    }

    /// `value` as a JSON string literal, with the escapes RFC 8259 requires.
    public static func quoted(_ value: String) -> String {
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

    /// A JSON array of strings.
    public static func stringArray(_ values: [String]) -> String {
        "[" + values.map(quoted).joined(separator: ",") + "]"
    }
}
