/// A problem at one place of a YAML or JSON input: the file, the field, its line and column, and
/// what is wrong.
///
/// Reads `Devices/x.yaml:12:38: leads[1].areaMM2: must be greater than 0 (got -3)`. A missing field is
/// placed at the mapping it is missing from. A problem with the file as a whole (unreadable, bad YAML
/// syntax) has no field and shows the line when it is known: `Devices/x.yaml:7: YAML syntax error: …`.
/// Whatever throws this has read nothing half-way: there is no partially loaded profile or program.
public struct YAMLFieldError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file (as given to the reader) or the flag the input came from.
    public var file: String
    /// The path of the offending field, such as `leads[1].areaMM2` or `cases[2].program.amplitude`;
    /// empty when the problem concerns the whole file.
    public var field: String
    /// What is wrong, in words.
    public var message: String
    /// The 1-based line of the offending text, when known.
    public var line: Int?
    /// The 1-based column of the offending text, when known.
    public var column: Int?

    /// Creates an error located at `field` of `file`.
    public init(file: String, field: String = "", message: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.field = field
        self.message = message
        self.line = line
        self.column = column
    }

    /// The error of a file that could not be read as a YAML document at all.
    public init(file: String, document error: YAMLDocumentError) {
        self.init(file: file, message: error.message, line: error.line)
    }

    /// `file:line:column: field`, as much of it as is known.
    public var location: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return field.isEmpty ? location : "\(location): \(field)"
    }

    public var description: String { "\(location): \(message)" }
}
