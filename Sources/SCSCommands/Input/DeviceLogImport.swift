import DeviceImport
import DeviceProfiles
import Foundation

/// Runs the importer a path calls for, judged by its content: an RC+S session folder or a Percept
/// session report; nil for a recording, which the recording reader reads.
enum DeviceLogImport {
    /// The import of `path`, or nil when `path` is a recording (or a file the recording reader
    /// should judge). Bad input throws ``InputError`` naming the file.
    static func load(_ path: String, catalog: DeviceCatalog) throws(InputError) -> ImportResult? {
        let url = URL(fileURLWithPath: path)
        do {
            switch try ImportSource.detect(url, name: path) {
            case .recording:
                return nil
            case .rcsFolder:
                let profile = try profile(RCSSession.profileID, in: catalog, for: path)
                return try RCSSession.read(folder: url, name: path, limits: profile.limits)
            case .perceptReport(let bytes):
                return try PerceptReport.read(bytes, file: path)
            }
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
