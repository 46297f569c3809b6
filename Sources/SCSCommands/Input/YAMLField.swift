import DeviceProfiles
import FileIO
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
    /// The node's line; for a missing field, the line of the mapping it is missing from.
    let line: Int?

    private init(node: Node?, source: String, path: String, parentLine: Int?) {
        self.node = node
        self.source = source
        self.path = path
        line = node?.mark?.line ?? parentLine
    }

    /// A field or element of this node, holding `node`, at `path`.
    private func member(_ node: Node?, path: String) -> YAMLField {
        YAMLField(node: node, source: source, path: path, parentLine: line)
    }

    /// The path of this mapping's field `key`.
    private func path(of key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// Parses `text` (YAML or JSON) read from `source`, within the bounds of ``YAMLDocument``.
    package static func parse(_ text: String, source: String) throws(InputError) -> YAMLField {
        do {
            return YAMLField(node: try YAMLDocument.compose(text), source: source, path: "", parentLine: nil)
        } catch {
            throw InputError(source, document: error)
        }
    }

    /// Reads and parses the file at `path` (`-` for standard input; a pipe or FIFO is read as a stream).
    static func read(file path: String) throws(InputError) -> YAMLField {
        let input: InputFile
        do {
            input = try InputFile(path: path)
        } catch {
            throw InputError(error.path, error.reason)
        }
        let text: String
        do {
            text = try YAMLDocument.read(input)
        } catch {
            throw InputError(input.name, document: error)
        }
        return try parse(text, source: input.name)
    }

    /// An error located at this field.
    func error(_ message: String) -> InputError {
        var location = path.isEmpty ? source : "\(source): \(path)"
        if let line { location += " (line \(line))" }
        return InputError(location, message)
    }

    /// The field `key`, matched as written (`on`, `"on"` and `'on'` are one key); absent when missing.
    func child(_ key: String) -> YAMLField {
        member(node?.mapping?.value(forWrittenKey: key), path: path(of: key))
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
            // YAMLDocument refuses keys that are lists or mappings, so every key has its text.
            let name = key.writtenText ?? "?"
            return (name, member(value, path: path(of: name)))
        }
    }

    /// The number of entries of a mapping, counted without reading them; nil unless this is a mapping.
    var entryCount: Int? { node?.mapping?.count }

    /// The elements of a sequence; throws unless this is a sequence.
    func elements() throws(InputError) -> [YAMLField] {
        guard let sequence = node?.sequence else { throw error("expected a list") }
        return sequence.enumerated().map { index, value in member(value, path: "\(path)[\(index)]") }
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
