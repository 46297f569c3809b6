import Foundation

/// A folder of the process's own, for targets whose entry point reads files or folders (the
/// recording reader, RC+S session folders, check plans): each input is written there first.
///
/// In `/dev/shm` when it exists, so that the writes cost memory rather than disk.
public struct ScratchFolder: Sendable {
    /// The folder, made on first use.
    public let url: URL

    /// The process's scratch folder, made when first asked for and removed when the process exits.
    public static let shared: ScratchFolder = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let url = URL(fileURLWithPath: base).appendingPathComponent(
            "scs-fuzz-\(ProcessInfo.processInfo.processIdentifier)", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: ScratchFolder.shared.url) }
        return ScratchFolder(url: url)
    }()

    /// Writes `bytes` to the file `name` in the folder, replacing what it held, and returns its URL.
    @discardableResult
    public func write(_ bytes: some Collection<UInt8>, to name: String) -> URL {
        let file = url.appendingPathComponent(name)
        _ = FileManager.default.createFile(atPath: file.path, contents: Data(bytes))
        return file
    }
}
