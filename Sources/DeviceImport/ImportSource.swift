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
        guard let head = try? firstBytes(of: url, count: headLength) else { return .recording }
        var start = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < head.count, [0x20, 0x09, 0x0A, 0x0D].contains(head[start]) { start += 1 }
        guard start < head.count, head[start] == UInt8(ascii: "{") || head[start] == UInt8(ascii: "[") else {
            return .recording
        }
        // A recording's first line is a short header object: decide on it without reading the rest.
        let isWhole = head.count < headLength
        if let lineEnd = head[start...].firstIndex(of: 0x0A) ?? (isWhole ? head.count : nil) {
            if let line = try? TolerantJSON(parsing: Array(head[start..<lineEnd])), line.repairs.isEmpty {
                return PerceptReport.isReport(line.value) ? .perceptReport(try read(url, name: name)) : .recording
            }
            if String(decoding: head[start..<lineEnd], as: UTF8.self).contains("\"type\"") { return .recording }
        }
        let bytes = isWhole ? head : try read(url, name: name)
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

    /// Bytes read to decide: enough for any recording header line.
    static let headLength = 64 * 1024

    private static func firstBytes(of url: URL, count: Int) throws -> [UInt8] {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        return Array(try handle.read(upToCount: count) ?? Data())
    }

    private static func read(_ url: URL, name: String) throws(ImportError) -> [UInt8] {
        do {
            return Array(try Data(contentsOf: url))
        } catch {
            throw ImportError(file: name, "cannot read the file (\(error.localizedDescription))")
        }
    }
}
