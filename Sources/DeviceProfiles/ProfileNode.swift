import StimSafety
import Yams

/// A YAML node of a profile being read, with the field path and file that name it in errors.
///
/// Numbers are read from the scalar's text, never through `Double`, so that `0.025` stays exactly
/// 25 µA. Only plain (unquoted) scalars that YAML resolves as numbers count as numbers: `"12"` in
/// quotes is text, and text where a number belongs is an error, as is a list or a mapping.
struct ProfileNode {
    let node: Node
    /// The field path, such as `leads[1].areaMM2`; empty for the document root.
    let path: String
    /// The file, as shown in messages.
    let file: String

    /// What a read number must satisfy beyond being a number.
    enum Bound {
        case any
        case nonNegative
        case positive
    }

    /// An error located at this node.
    func error(_ message: String) -> ProfileError {
        ProfileError(file: file, field: path, message: message, line: node.mark?.line)
    }

    /// The node of `key` inside this one.
    func child(_ node: Node, key: String) -> ProfileNode {
        ProfileNode(node: node, path: path.isEmpty ? key : path + "." + key, file: file)
    }

    /// The resolved YAML type of the node (`Tag.name` itself is not public in Yams).
    private var tagName: Tag.Name { Tag.Name(rawValue: node.tag.description) }

    /// Whether the node is an explicit YAML null (`null`, `~` or nothing).
    var isNull: Bool {
        guard case .scalar(_) = node else { return false }
        return tagName == .null
    }

    /// How the node reads to a person, for "must be X, not Y" messages.
    var kind: String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        case .scalar(let scalar): isNull ? "null" : "'\(scalar.string)'"
        }
    }

    /// Reads a mapping whose keys must all be among those of `fields`.
    func mapping(_ fields: ProfileFields) throws(ProfileError) -> ProfileMapping {
        try ProfileMapping(self, fields: fields)
    }

    /// Reads a list, each element named `path[i]`.
    func list() throws(ProfileError) -> [ProfileNode] {
        guard case .sequence(let sequence) = node else { throw error("must be a list, not \(kind)") }
        return sequence.enumerated().map { index, element in
            ProfileNode(node: element, path: path + "[\(index)]", file: file)
        }
    }

    /// Reads an exact quantity in the display unit of `Quantity` (mA, µs, Hz, Ω, V, mm², µC/cm², %).
    func quantity<Quantity: FixedPoint>(
        _: Quantity.Type = Quantity.self, _ bound: Bound = .nonNegative
    ) throws(ProfileError) -> Quantity {
        let text = try numberText()
        let value: Quantity
        do {
            value = try Quantity(parsing: text)
        } catch {
            switch error {
            case .notANumber: throw self.error("must be a decimal number (got '\(text)')")
            case .tooPrecise(_, let digits):
                throw self.error("must have at most \(digits) decimal places in \(Quantity.unitSymbol) (got '\(text)')")
            case .outOfRange: throw self.error("is too large (got '\(text)')")
            }
        }
        try check(value.rawValue, against: bound, shown: value.decimalText)
        return value
    }

    /// Reads a whole number written in decimal.
    func integer(_ bound: Bound = .nonNegative) throws(ProfileError) -> Int {
        let text = try numberText()
        guard tagName == .int, let value = Int(text) else {
            throw error("must be a whole number (got '\(text)')")
        }
        try check(Int64(value), against: bound, shown: text)
        return value
    }

    /// Reads a whole number from 0 to 0xFFFF, written in decimal or as `0x` hexadecimal.
    func uint16() throws(ProfileError) -> UInt16 {
        let text = try numberText()
        let lowered = text.lowercased()
        let value = lowered.hasPrefix("0x") ? UInt16(lowered.dropFirst(2), radix: 16) : UInt16(text)
        guard tagName == .int, let value else {
            throw error("must be a whole number from 0 to 0xFFFF (got '\(text)')")
        }
        return value
    }

    /// Reads a finite binary floating-point number, for model constants that are not limits.
    func real(_ bound: Bound = .nonNegative) throws(ProfileError) -> Double {
        let text = try numberText()
        // Swift's Double(_:) also reads hexadecimal floats, which YAML's decimal numbers are not.
        guard !text.lowercased().contains("0x"), let value = Double(text), value.isFinite else {
            throw error("must be a finite decimal number (got '\(text)')")
        }
        switch bound {
        case .any: break
        case .nonNegative: if value < 0 { throw error("must not be negative (got \(text))") }
        case .positive: if value <= 0 { throw error("must be greater than 0 (got \(text))") }
        }
        return value
    }

    /// Reads a non-empty piece of text.
    func text() throws(ProfileError) -> String {
        guard case .scalar(let scalar) = node, tagName == .str else {
            throw error("must be text, not \(kind)")
        }
        guard !scalar.string.isEmpty else { throw error("must not be empty") }
        return scalar.string
    }

    /// Reads `true` or `false`.
    func boolean() throws(ProfileError) -> Bool {
        guard case .scalar(let scalar) = node, tagName == .bool else {
            throw error("must be true or false, not \(kind)")
        }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        default: return false
        }
    }

    /// The scalar's text, when YAML reads it as a number.
    private func numberText() throws(ProfileError) -> String {
        guard case .scalar(let scalar) = node else { throw error("must be a number, not \(kind)") }
        guard tagName == .int || tagName == .float else {
            throw error("must be a number (got \(kind))")
        }
        return scalar.string
    }

    private func check(_ raw: Int64, against bound: Bound, shown: String) throws(ProfileError) {
        switch bound {
        case .any: break
        case .nonNegative: if raw < 0 { throw error("must not be negative (got \(shown))") }
        case .positive: if raw <= 0 { throw error("must be greater than 0 (got \(shown))") }
        }
    }
}
