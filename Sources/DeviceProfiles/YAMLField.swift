import FileIO
import Yams

/// A node of a YAML (or JSON) document with the file, field path, line and column that name it in
/// errors: the one place where a profile, a program, an impedance map or a check plan is read.
///
/// A field may be absent (a key the mapping lacks): it then sits at its mapping's line and column, so
/// that "is required" points where the field belongs. Keys are matched as written (`on`, `"on"` and
/// `'on'` are one key), never through YAML 1.1's typing.
package struct YAMLField {
    /// The node; nil when the field is absent or the document empty.
    package let node: Node?
    /// The file the document came from, as errors name it.
    package let file: String
    /// The field path within the document (`cases[2].program.amplitude`), empty at the root.
    package let path: String
    /// Where the node starts; for an absent field, where its mapping starts.
    private let place: Mark?

    private init(node: Node?, file: String, path: String, parentPlace: Mark?) {
        self.node = node
        self.file = file
        self.path = path
        place = node?.mark ?? parentPlace
    }

    /// The 1-based line where the field starts (or its mapping, when it is absent).
    package var line: Int? { place?.line }
    /// The 1-based column where the field starts (or its mapping, when it is absent).
    package var column: Int? { place?.column }

    /// The field or element `node` of this one, at `path`.
    private func member(_ node: Node?, path: String) -> YAMLField {
        YAMLField(node: node, file: file, path: path, parentPlace: place)
    }

    /// The path of this mapping's field `key`.
    private func path(of key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// Parses `text` (YAML or JSON) read from `file`, within the bounds of ``YAMLDocument``; the root is
    /// absent when the text holds no document.
    package static func parse(_ text: String, file: String) throws(InputError) -> YAMLField {
        do {
            return YAMLField(node: try YAMLDocument.compose(text), file: file, path: "", parentPlace: nil)
        } catch {
            throw InputError(file, document: error)
        }
    }

    /// Reads and parses the file at `path` (`-` for standard input; a pipe or FIFO is read as a stream),
    /// naming it `name` in errors (by default as given, or `standard input`).
    package static func read(file path: String, as name: String? = nil) throws(InputError) -> YAMLField {
        let file = try text(ofFile: path, as: name)
        return try parse(file.text, file: file.name)
    }

    /// The text of the file at `path`, read as ``read(file:as:)`` reads it, with the name errors give it:
    /// for a caller that needs the text as well as the fields (a profile's comments).
    package static func text(
        ofFile path: String, as name: String? = nil
    ) throws(InputError) -> (text: String, name: String) {
        let input: InputFile
        do {
            input = try InputFile(path: path)
        } catch {
            throw InputError(name ?? error.path, error.reason)
        }
        // Reading no more than a chunk past the bound; a device such as `/dev/zero` was refused when opened.
        do {
            return (try input.readText(limit: YAMLDocument.maximumBytes), name ?? input.name)
        } catch {
            if case .tooLarge = error.cause { throw InputError(name ?? input.name, document: YAMLDocument.tooLarge) }
            throw InputError(name ?? input.name, error.reason)
        }
    }

    /// An error located at this field.
    package func error(_ message: String) -> InputError {
        InputError(file, field: path, message, line: line, column: column)
    }

    /// Whether the field is absent or an explicit YAML null (`null`, `~` or nothing).
    var isNull: Bool {
        guard let node else { return true }
        guard case .scalar = node else { return false }
        return tagName == .null
    }

    /// Whether the field is given with a value other than null.
    package var isPresent: Bool { !isNull }

    /// The resolved YAML type of the node (`Tag.name` itself is not public in Yams).
    var tagName: Tag.Name? { node.map { Tag.Name(rawValue: $0.tag.description) } }

    /// How the node reads to a person, for "must be X, not Y" messages.
    var kind: String {
        switch node {
        case nil: "nothing"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        case .scalar(let scalar): isNull ? "null" : "'\(scalar.string)'"
        }
    }

    /// The field `key` of this mapping, matched as written; absent when missing.
    ///
    /// YAML 1.1 types an unquoted `on` as a Boolean and `01` as a number, so Yams' own look-up by a
    /// string would miss them; a key's scalar text (quotes and escapes resolved) never does, and keys
    /// are unique as written in a ``YAMLDocument``.
    package func child(_ key: String) -> YAMLField {
        member(node?.mapping?.first { $0.key.scalar?.string == key }?.value, path: path(of: key))
    }

    /// The field `key`, when it is given and not null.
    package func optional(_ key: String) -> YAMLField? {
        let field = child(key)
        return field.isPresent ? field : nil
    }

    /// The field `key`, even an explicit null; nil only when the key is absent.
    func present(_ key: String) -> YAMLField? {
        let field = child(key)
        return field.node == nil ? nil : field
    }

    /// The field `key`, which must be given and not null.
    package func required(_ key: String) throws(InputError) -> YAMLField {
        let field = child(key)
        try field.requireValue()
        return field
    }

    /// Throws "is required" unless the field has a value other than null ("is empty" for a root that
    /// holds no document).
    func requireValue() throws(InputError) {
        guard isNull else { return }
        if path.isEmpty { throw error("is empty") }
        throw error(node == nil ? "is required" : "is required (got null)")
    }

    /// The entries of a mapping, in document order.
    package func entries() throws(InputError) -> [(key: String, value: YAMLField)] {
        try requireValue()
        guard let mapping = node?.mapping else { throw error("must be a mapping of fields, not \(kind)") }
        return mapping.map { key, value in
            // YAMLDocument refuses keys that are lists or mappings, so every key has its text.
            let name = key.scalar?.string ?? "?"
            return (name, member(value, path: path(of: name)))
        }
    }

    /// The number of entries of a mapping, counted without reading them; nil unless this is a mapping.
    package var entryCount: Int? { node?.mapping?.count }

    /// The elements of a list, each named `path[i]`.
    package func list() throws(InputError) -> [YAMLField] {
        try requireValue()
        guard case .sequence(let sequence) = node else { throw error("must be a list, not \(kind)") }
        return sequence.enumerated().map { index, element in member(element, path: "\(path)[\(index)]") }
    }
}
