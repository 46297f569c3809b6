import Crypto
import DeviceImport
import DeviceProfiles
import FileIO
import Foundation

/// The SHA-256 of what a path given to `scs analyze` holds: a file's bytes, or an RC+S session
/// folder's files (each name, length and bytes, in the order of ``RCSFile``), as lowercase hex. It
/// keys the cohort store, so that the same content analysed again updates its row.
enum ContentHash {
    /// - Throws: ``InputError`` for standard input (read once, by the analysis) or a file that
    ///   cannot be read again.
    static func of(_ path: String) throws(InputError) -> String {
        guard path != InputFile.standardInputPath else {
            throw InputError(
                path, "standard input cannot be kept in a store (its content is gone once read); give a file")
        }
        var hash = SHA256()
        if FileKind(path: path) == .folder {
            for file in RCSFile.allCases {
                let member = URL(fileURLWithPath: path).appendingPathComponent(file.name).path
                guard let status = FileStatus(path: member), status.kind == .regular else { continue }
                hash.update(data: Data("\(file.name) \(status.size)\n".utf8))
                try add(member, to: &hash)
            }
        } else {
            try add(path, to: &hash)
        }
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }

    private static func add(_ path: String, to hash: inout SHA256) throws(InputError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(path, "cannot be read again to hash its content for the store")
        }
        defer { try? handle.close() }
        while case let chunk = handle.readData(ofLength: 1 << 20), !chunk.isEmpty {
            hash.update(data: chunk)
        }
    }
}
