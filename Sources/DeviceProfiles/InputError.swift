/// Bad input or usage at one place: the file or flag, the field, its line and column, and what is
/// wrong. The CLI prints it and exits 2.
///
/// Reads `Devices/x.yaml:12:38: leads[1].areaMM2: must be greater than 0 (got -3)`, or
/// `--amplitude: must not be negative (got -1 mA)`. A missing field is placed at the mapping it is
/// missing from. A problem with the input as a whole (unreadable, bad YAML syntax) has no field and
/// shows the line when it is known: `Devices/x.yaml:7: YAML syntax error: …`. Whatever throws this has
/// read nothing half-way: there is no partially loaded profile or program.
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file (as given to the reader), the flag, or another named input such as `USB`; empty when
    /// the message says it all.
    public var file: String
    /// The path of the offending field, such as `leads[1].areaMM2` or `cases[2].program.amplitude`;
    /// empty when the problem concerns the whole input.
    public var field: String
    /// What is wrong, in words.
    public var message: String
    /// The 1-based line of the offending text, when known.
    public var line: Int?
    /// The 1-based column of the offending text, when known.
    public var column: Int?

    /// Creates an error located at `field` of `file`.
    public init(_ file: String, field: String = "", _ message: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.field = field
        self.message = message
        self.line = line
        self.column = column
    }

    /// The error of a file that could not be read as a YAML document at all.
    init(_ file: String, document error: YAMLDocumentError) {
        self.init(file, error.message, line: error.line)
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

    public var description: String { location.isEmpty ? message : "\(location): \(message)" }
}
