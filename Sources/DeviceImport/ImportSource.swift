import Foundation
import TherapyLog

/// What a path given to `scs analyze` or `scs import` holds, decided by its content, not its name.
public enum ImportSource: Hashable, Sendable {
    /// A recording (`.scsrec.jsonl`), or a file the recording reader should judge.
    case recording
    /// A folder, read as an RC+S session folder.
    case rcsFolder
    /// A Percept session report, with its bytes.
    case perceptReport([UInt8])

    /// Looks at `url` (named `name` in messages): a folder is an RC+S session; a file whose first
    /// line is a JSON object is a recording unless it has Percept's keys; a JSON document over many
    /// lines is a Percept report, or an error that says what it is instead.
    ///
    /// - Throws: ``ImportError`` for a JSON document that is neither, or one too damaged to tell.
    public static func detect(_ url: URL, name: String) throws(ImportError) -> ImportSource {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return .recording }
        if isFolder.boolValue { return .rcsFolder }
        guard let bytes = try? Array(Data(contentsOf: url)) else { return .recording }
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        guard start < bytes.count, bytes[start] == UInt8(ascii: "{") || bytes[start] == UInt8(ascii: "[") else {
            return .recording
        }
        let lineEnd = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
        if let line = try? TolerantJSON(parsing: Array(bytes[start..<lineEnd])), line.repairs.isEmpty {
            return PerceptReport.isReport(line.value) ? .perceptReport(bytes) : .recording
        }
        if String(decoding: bytes[start..<lineEnd], as: UTF8.self).contains("\"type\"") { return .recording }
        let document: TolerantJSON
        do {
            document = try TolerantJSON(parsing: bytes)
        } catch {
            throw ImportError(file: name, "a JSON document too damaged to repair: \(error)")
        }
        if PerceptReport.isReport(document.value) { return .perceptReport(bytes) }
        if let first = document.value.elements?.first, first["RecordInfo"] != nil {
            throw ImportError(file: name, "an RC+S session file on its own; give the session folder that holds it")
        }
        throw ImportError(
            file: name,
            "\(document.value.typeName) in JSON that is neither a recording nor a Percept session report "
                + "(no DataVersion, SessionDate, Groups, …)")
    }
}
