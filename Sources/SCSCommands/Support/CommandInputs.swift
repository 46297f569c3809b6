import DeviceProfiles
import FileIO

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The files and folders a command reads, as the files they are (device and inode): what none of its
/// outputs may replace or be written into, however the paths are spelt.
struct CommandInputs: Sendable {
    private var inputs: [(path: String, status: FileStatus)] = []

    /// The inputs at `paths`, and the files directly inside those that are folders; `-` is standard
    /// input, and a path with nothing there is left out (it cannot be overwritten, and reading it
    /// fails with its own message).
    init(_ paths: [String?]) {
        for case let path? in paths {
            if path == InputFile.standardInputPath {
                if let status = FileStatus(descriptor: STDIN_FILENO) { inputs.append(("standard input", status)) }
                continue
            }
            guard let status = FileStatus(path: path) else { continue }
            inputs.append((path, status))
            guard status.kind == .folder, let names = try? FolderEntries.names(in: path) else { continue }
            let folder = path.hasSuffix("/") ? path : path + "/"
            for name in names {
                if let entry = FileStatus(path: folder + name) { inputs.append((folder + name, entry)) }
            }
        }
    }

    /// Throws unless a file may be written at `path`: it must not be an input (by any link or
    /// spelling) and must not lie inside an input folder.
    func check(output path: String, location: String) throws(InputError) {
        if let output = FileStatus(path: path),
            let input = inputs.first(where: { $0.status.identity == output.identity })
        {
            let kind = input.status.kind == .folder ? "folder" : "file"
            throw InputError(location, "is the input \(kind) \(input.path); an output never replaces an input")
        }
        try checkOutside(path, location: location)
    }

    /// Throws when a folder of outputs at `path` is an input folder or lies inside one.
    func check(outputFolder path: String, location: String) throws(InputError) {
        if let folder = FileStatus(path: path),
            let input = inputs.first(where: { $0.status.kind == .folder && $0.status.identity == folder.identity })
        {
            throw InputError(location, "is the input folder \(input.path); outputs are never written into an input")
        }
        try checkOutside(path, location: location)
    }

    /// Throws when `path`, or the file a symbolic link there names, lies inside an input folder.
    private func checkOutside(_ path: String, location: String) throws(InputError) {
        let holders = Set(FileIdentity.folders(holding: OutputFile.resolved(path)))
        if let input = inputs.first(where: { $0.status.kind == .folder && holders.contains($0.status.identity) }) {
            throw InputError(
                location, "lies inside the input folder \(input.path); outputs are never written into an input")
        }
    }
}
