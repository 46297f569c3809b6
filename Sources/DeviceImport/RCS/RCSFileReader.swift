import FileIO
import Foundation
import RecordingFormat

/// Reads one RC+S session file as its array of records, repairing what the tolerant reader can and
/// noting every repair.
enum RCSFileReader {
    /// The records of `file` in `folder`; nil when the folder does not hold it.
    ///
    /// A file that holds one object rather than an array is read as one record (the published
    /// analysis code wraps such files the same way); an element that is not an object is skipped.
    static func records(
        of file: RCSFile, in folder: URL, folderName: String, notes: inout [ImportNote]
    ) throws(ImportError) -> [RCSRecord]? {
        let url = folder.appendingPathComponent(file.name)
        let location = (folderName as NSString).appendingPathComponent(file.name)
        let bytes: [UInt8]
        do {
            bytes = try InputFile(path: url.path).readAll()
        } catch  where error.cause == .noSuchFile {
            return nil
        } catch {
            throw ImportError(file: location, error.reason)
        }
        let document = try TolerantJSON(parsing: bytes, file: location)
        for repair in document.repairs {
            notes.append(ImportNote(.repair, file: file.name, line: repair.position.line, repair.message))
        }
        let elements: [JSONValue]
        switch document.value {
        case .array(let array): elements = array
        case .object:
            notes.append(
                ImportNote(.reading, file: file.name, "the file holds one object, not an array; read as one record"))
            elements = [document.value]
        default:
            throw ImportError(
                file: location, "holds \(document.value.typeName), not the array of records an RC+S session file holds")
        }
        var records: [RCSRecord] = []
        for (offset, element) in elements.enumerated() {
            guard element.members != nil else {
                notes.append(
                    ImportNote(
                        .skipped, file: file.name, record: offset + 1, "\(element.typeName), not a record object"))
                continue
            }
            let time = RCSRecord.time(milliseconds: element["RecordInfo"]?["HostUnixTime"])
            records.append(RCSRecord(file: file, index: offset + 1, value: element, hostTime: time))
        }
        return records
    }
}
