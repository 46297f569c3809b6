import Foundation
import StimSafety
import Yams

/// A node of a YAML (or JSON) document together with where it is, so that every problem can name the
/// file, the field path and the line.
package struct YAMLField {
    let node: Node?
    /// The file (or flag) the document came from.
    let source: String
    /// The field path within the document (`cases[2].program.amplitude`), empty at the root.
    let path: String

    /// Parses `text` (YAML or JSON) read from `source`.
    package static func parse(_ text: String, source: String) throws(InputError) -> YAMLField {
        do {
            return YAMLField(node: try Yams.compose(yaml: text), source: source, path: "")
        } catch let error as YamlError {
            throw InputError(source, "not valid YAML or JSON: \(error.shortDescription)")
        } catch {
            throw InputError(source, "not valid YAML or JSON: \(error)")
        }
    }

    /// Reads and parses the file at `path`.
    static func read(file path: String) throws(InputError) -> YAMLField {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(path, "cannot read the file (missing or unreadable)")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw InputError(path, "not UTF-8 text") }
        return try parse(text, source: path)
    }

    /// An error located at this field.
    func error(_ message: String) -> InputError {
        var location = path.isEmpty ? source : "\(source): \(path)"
        if let line = node?.mark?.line { location += " (line \(line))" }
        return InputError(location, message)
    }

    func child(_ key: String) -> YAMLField {
        YAMLField(node: node?.mapping?[key], source: source, path: path.isEmpty ? key : "\(path).\(key)")
    }

    var isPresent: Bool {
        guard let node else { return false }
        if let scalar = node.scalar, scalar.style == .plain, ["", "~", "null"].contains(scalar.string) { return false }
        return true
    }

    /// The entries of a mapping, in document order; throws unless this is a mapping.
    func entries() throws(InputError) -> [(key: String, value: YAMLField)] {
        guard let mapping = node?.mapping else { throw error("expected a mapping of fields") }
        return mapping.map { key, value in
            let name = key.scalar?.string ?? "?"
            return (name, YAMLField(node: value, source: source, path: path.isEmpty ? name : "\(path).\(name)"))
        }
    }

    /// The elements of a sequence; throws unless this is a sequence.
    func elements() throws(InputError) -> [YAMLField] {
        guard let sequence = node?.sequence else { throw error("expected a list") }
        return sequence.enumerated().map { index, value in
            YAMLField(node: value, source: source, path: "\(path)[\(index)]")
        }
    }

    /// Throws for any key of this mapping not in `known`, so a typo is never silently ignored.
    func rejectUnknownKeys(_ known: Set<String>) throws(InputError) {
        for (key, value) in try entries() where !known.contains(key) {
            throw value.error("unknown field '\(key)' (expected one of: \(known.sorted().joined(separator: ", ")))")
        }
    }

    /// The text of a scalar.
    func text() throws(InputError) -> String {
        guard let scalar = node?.scalar else { throw error(isPresent ? "expected a single value" : "missing") }
        return scalar.string
    }

    /// A plain (unquoted) number, parsed exactly into `Quantity`.
    func quantity<Quantity: FixedPoint>(_: Quantity.Type, allowNegative: Bool = false) throws(InputError) -> Quantity {
        guard isPresent else { throw error("missing") }
        guard let scalar = node?.scalar, scalar.style == .plain else { throw error("expected a number") }
        let value: Quantity
        do {
            value = try Quantity(parsing: scalar.string)
        } catch {
            throw self.error("\(error)")
        }
        if !allowNegative, value.rawValue < 0 { throw self.error("must not be negative (got \(scalar.string))") }
        return value
    }

    /// A plain whole number.
    func integer() throws(InputError) -> Int {
        guard isPresent else { throw error("missing") }
        guard let scalar = node?.scalar, scalar.style == .plain, let value = Int(scalar.string) else {
            throw error("expected a whole number")
        }
        return value
    }

    /// A plain `true` or `false`.
    func boolean() throws(InputError) -> Bool {
        switch try text() {
        case "true": return true
        case "false": return false
        default: throw error("expected true or false")
        }
    }

    /// One of the raw values of `Choice`.
    func choice<Choice: RawRepresentable & CaseIterable>(_: Choice.Type) throws(InputError) -> Choice
    where Choice.RawValue == String {
        let value = try text()
        guard let choice = Choice(rawValue: value) else {
            let options = Choice.allCases.map(\.rawValue).joined(separator: ", ")
            throw error("'\(value)' is not one of: \(options)")
        }
        return choice
    }
}

extension YamlError {
    /// The problem and its position, without the echoed document.
    var shortDescription: String {
        switch self {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            "\(problem) at line \(mark.line), column \(mark.column)"
        default: "\(self)"
        }
    }
}
