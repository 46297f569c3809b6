import DeviceImport
import DeviceProfiles
import FileIO
import Foundation

/// Runs the importer a path calls for, judged by its content: an RC+S session folder or a Percept
/// session report; a recording is left open for the recording reader.
enum DeviceLogImport {
    /// What a path given to `scs analyze` or `scs import` turned out to hold.
    enum Source {
        /// A device log, imported.
        case imported(ImportResult)
        /// A recording (or a file the recording reader should judge), open and not yet read: a pipe
        /// can be read only once.
        case recording(InputFile)
    }

    /// Opens `path` (`-` for standard input) and imports it when it is a device log. Bad input
    /// throws ``InputError`` naming the file and the cause.
    static func load(_ path: String, catalog: DeviceCatalog) throws(InputError) -> Source {
        do {
            if path != InputFile.standardInputPath, FileKind(path: path) == .folder {
                let profile = try profile(RCSSession.profileID, in: catalog, for: path)
                return .imported(
                    try RCSSession.read(folder: URL(fileURLWithPath: path), name: path, limits: profile.limits))
            }
            let input = try InputFile(path: path)
            switch try ImportSource.detect(input) {
            case .recording, .rcsFolder: return .recording(input)
            case .perceptReport(let bytes): return .imported(try PerceptReport.read(bytes, file: path))
            }
        } catch let error as FileError {
            throw InputError(path, error.reason)
        } catch let error as ImportError {
            throw InputError(error.file, error.message)
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(path, "\(error)")
        }
    }

    private static func profile(_ id: String, in catalog: DeviceCatalog, for path: String) throws(InputError)
        -> DeviceProfile
    {
        do {
            return try catalog.profile(id: id)
        } catch {
            throw InputError(path, "the import needs the device profile \(id): \(error.description)")
        }
    }
}
