import DeviceProfiles

extension InputError {
    /// The error of `file` when it cannot be read as a YAML or JSON document: `file:line: message`.
    init(_ file: String, document error: YAMLDocumentError) {
        self.init(error.line.map { "\(file):\($0)" } ?? file, error.message)
    }
}
