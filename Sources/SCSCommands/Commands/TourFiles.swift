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

    /// Creates the folder (and its parents) when missing.
    func createFolder() throws(InputError) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw InputError("--out \(folder)", "cannot create the folder (\(error.localizedDescription))")
        }
    }

    /// Writes `text` to the session script.
    func writeSessionScript(_ text: String) throws(InputError) {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: sessionScript), options: .atomic)
        } catch {
            throw InputError("--out \(folder)", "cannot write \(sessionScript) (\(error.localizedDescription))")
        }
    }

    /// `name` in `folder`, spelt as the user spelt the folder (so a relative folder gives relative paths).
    private static func path(_ name: String, in folder: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
