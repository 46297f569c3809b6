import Foundation
import StimDevice
import Testing

/// `scs serve` running as its own process on a fresh socket, for the tests of the commands that talk
/// to it; stopped with SIGTERM like a user would.
final class ServedSimulator {
    let socket: String
    let process = Process()
    private let output = Pipe()

    /// Starts `scs serve --device device` with `arguments` on `socket` (default: a fresh one) and waits
    /// until it answers there.
    init(device: String, arguments: [String] = [], socket: String? = nil) throws {
        self.socket = try socket ?? Self.freshSocket()
        process.executableURL = SCSProcess.executable
        process.arguments = ["serve", "--device", device, "--socket", self.socket] + arguments
        process.currentDirectoryURL = SCSProcess.root
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let deadline = Date().addingTimeInterval(10)
        while !isAnswering, Date() < deadline, process.isRunning {
            Thread.sleep(forTimeInterval: 0.02)
        }
        guard isAnswering else {
            process.terminate()
            throw ServeFailure(output: String(decoding: output.fileHandleForReading.availableData, as: UTF8.self))
        }
    }

    /// Whether a server accepts a connection at the socket (a stale socket file there does not).
    var isAnswering: Bool {
        (try? UnixSocketTransport(path: socket)) != nil
    }

    /// A socket path in a fresh folder.
    static func freshSocket() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scs-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("sim.sock").path
    }

    /// Sends SIGTERM (or SIGINT, as Ctrl-C does, when `isInterrupt`) and waits; returns the exit
    /// status and everything the server printed.
    func stop(isInterrupt: Bool = false) -> (status: Int32, output: String) {
        if isInterrupt { process.interrupt() } else { process.terminate() }
        process.waitUntilExit()
        return (
            process.terminationStatus,
            String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        )
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    struct ServeFailure: Error {
        var output: String
    }
}
