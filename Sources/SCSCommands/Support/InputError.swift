import DeviceProfiles

/// Bad input or usage: a file, line or field that cannot be read. The CLI prints it and exits 2.
package struct InputError: Error, CustomStringConvertible, Equatable {
    /// Where the problem is: a file, `file: field.path`, `file:line`, or a flag such as `--amplitude`.
    package var location: String
    package var message: String

    package init(_ location: String, _ message: String) {
        self.location = location
        self.message = message
    }

    /// The error of a YAML or JSON input, located as `file:line:column: field`.
    package init(_ error: YAMLFieldError) {
        self.init(error.location, error.message)
    }

    package var description: String { location.isEmpty ? message : "\(location): \(message)" }
}
