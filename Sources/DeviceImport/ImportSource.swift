import FileIO
import Foundation
import RecordingFormat

/// What a path given to `scs analyze` or `scs import` holds, decided by its content, not its name.
public enum ImportSource: Hashable, Sendable {
    /// A recording (`.scsrec.jsonl`), or a file the recording reader should judge.
    case recording
    /// A folder, read as an RC+S session folder.
    case rcsFolder
    /// A Percept session report, with its bytes.
    case perceptReport([UInt8])

    /// Looks at `url` (named `name` in messages): a folder is an RC+S session; a file is judged as
    /// ``detect(_:)`` judges it, and a path with nothing readable there is left to the recording
    /// reader, which says why.
    ///
    /// - Throws: ``ImportError`` for a JSON document that is neither, or one too damaged to tell.
    public static func detect(_ url: URL, name: String) throws(ImportError) -> ImportSource {
        if FileKind(path: url.path) == .folder { return .rcsFolder }
        guard let input = try? InputFile(path: url.path) else { return .recording }
        return try judge(input, name: name)
    }

    /// Looks at the open file `input` (a file, a pipe or standard input): a file whose first line is
    /// a JSON object is a recording unless it has Percept's keys; a JSON document over many lines is
    /// a Percept report, or an error that says what it is instead. For a recording, nothing is
    /// consumed: the recording reader reads `input` from its start.
    ///
    /// - Throws: ``ImportError`` for a JSON document that is neither, one too damaged to tell, or a
    ///   file that cannot be read.
    public static func detect(_ input: InputFile) throws(ImportError) -> ImportSource {
        try judge(input, name: input.name)
    }

    /// ``detect(_:)``, naming the file `name` in errors.
    private static func judge(_ input: InputFile, name: String) throws(ImportError) -> ImportSource {
        guard let head = try? input.peek(upTo: headLength) else { return .recording }
        var start = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < head.count, [0x20, 0x09, 0x0A, 0x0D].contains(head[start]) { start += 1 }
        guard start < head.count, head[start] == UInt8(ascii: "{") || head[start] == UInt8(ascii: "[") else {
            return .recording
        }
        // A recording's first line is a short header object: decide on it without reading the rest.
        let isWhole = head.count < headLength
        if let lineEnd = head[start...].firstIndex(of: 0x0A) ?? (isWhole ? head.count : nil) {
            if let line = try? TolerantJSON(parsing: Array(head[start..<lineEnd])), line.repairs.isEmpty {
                return PerceptReport.isReport(line.value) ? .perceptReport(try readAll(input, name: name)) : .recording
            }
            if String(decoding: head[start..<lineEnd], as: UTF8.self).contains("\"type\"") { return .recording }
        }
        let bytes = isWhole ? head : try readAll(input, name: name)
        let document = try TolerantJSON(parsing: bytes, file: name)
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

    private static func readAll(_ input: InputFile, name: String) throws(ImportError) -> [UInt8] {
        do {
            return try input.readAll()
        } catch {
            throw ImportError(file: name, error.reason)
        }
    }
}
