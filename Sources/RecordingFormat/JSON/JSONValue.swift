/// A JSON value as read from a line, with numbers kept as their decimal text so that they convert to
/// exact units without a detour through binary floating point.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// A number's decimal text, for example `4.5`, `-100` or `1e-3`.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The name of the value's JSON type, for messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
