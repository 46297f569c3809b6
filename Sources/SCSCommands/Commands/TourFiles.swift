import DeviceProfiles
import FileIO
import Foundation

/// Where `scs tour` writes: the session script, the simulated recording and its HTML report, all in
/// one folder.
struct TourFiles {
    /// The folder, as given.
    let folder: String
    /// The session script `scs session --script` reads.
    let sessionScript: String
    /// The recording `scs simulate` writes.
    let recording: String
    /// The HTML report `scs analyze --html` writes.
    let report: String

    /// The files of a tour of `device` over `days` days in `folder`.
    init(folder: String, device: String, days: Int) {
        self.folder = folder
        sessionScript = Self.path("session.scs", in: folder)
        recording = Self.path("\(device)-\(days)d.scsrec.jsonl", in: folder)
        report = Self.path("\(device)-\(days)d.html", in: folder)
    }

    /// Creates the folder (and its parents) when missing; it may be none of `inputs`' folders.
    func createFolder(inputs: CommandInputs) throws(InputError) {
        let location = "--out \(folder)"
        try inputs.check(outputFolder: folder, location: location)
        var path = folder.hasPrefix("/") ? "/" : ""
        for part in folder.split(separator: "/") {
            path += path.isEmpty || path.hasSuffix("/") ? String(part) : "/" + part
            guard mkdir(path, 0o777) != 0 else { continue }
            let code = errno
            if code == EEXIST, FileKind(path: path) == .folder { continue }
            let cause =
                code == EEXIST
                ? "\(path) is a file, not a folder" : FileError(code: code, path: path, name: path).reason
            throw InputError(location, "cannot create the folder: \(cause)")
        }
    }

    /// Writes `text` to the session script.
    func writeSessionScript(_ text: String, inputs: CommandInputs) throws(InputError) {
        try OutputFile.write(text, to: sessionScript, location: "--out \(folder)", inputs: inputs)
    }

    /// `name` in `folder`, spelt as the user spelt the folder (so a relative folder gives relative paths).
    private static func path(_ name: String, in folder: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
