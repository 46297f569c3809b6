/// Input an importer cannot use at all: a folder with none of the session files, a JSON file of
/// another kind, a file too damaged to repair. Names the file and what is wrong.
public struct ImportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file or folder, as the caller named it.
    public var file: String
    /// What is wrong, in words.
    public var message: String

    public init(file: String, _ message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}
