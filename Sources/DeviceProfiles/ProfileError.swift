/// Why a device profile could not be loaded: the file, the field and the problem.
///
/// A profile that throws this is not loaded at all; there is no partially loaded profile. The
/// description reads `Devices/x.yaml: leads[1].areaMM2: must be greater than 0 (got -3)`; a problem
/// with the file as a whole (unreadable, bad YAML syntax) has an empty field path and shows the line
/// instead when it is known: `Devices/x.yaml:7: mapping values are not allowed in this context`.
public struct ProfileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The profile file, as given to the loader (relative to the current directory when inside it).
    public var file: String
    /// The path of the offending field, such as `leads[1].areaMM2` or `frequency.burst.pulsesPerBurst.min`;
    /// empty when the problem concerns the whole file.
    public var field: String
    /// What is wrong, in words.
    public var message: String
    /// The 1-based line of the offending text, when known.
    public var line: Int?

    /// Creates an error located at `field` of `file`.
    public init(file: String, field: String, message: String, line: Int? = nil) {
        self.file = file
        self.field = field
        self.message = message
        self.line = line
    }

    /// The error of a file that could not be read as a YAML document at all.
    public init(file: String, document error: YAMLDocumentError) {
        self.init(file: file, field: "", message: error.message, line: error.line)
    }

    public var description: String {
        if field.isEmpty {
            let location = line.map { "\(file):\($0)" } ?? file
            return "\(location): \(message)"
        }
        return "\(file): \(field): \(message)"
    }
}
