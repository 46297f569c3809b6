import Foundation
import Testing

/// `scs serve` running as its own process on a fresh socket, for the tests of the commands that talk
/// to it; stopped with SIGTERM like a user would.
final class ServedSimulator {
    let socket: String
    let process = Process()
    private let output = Pipe()

    /// Starts `scs serve --device device` and waits until its socket exists.
    init(device: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scs-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        socket = folder.appendingPathComponent("sim.sock").path
        process.executableURL = SCSProcess.executable
        process.arguments = ["serve", "--device", device, "--socket", socket]
        process.currentDirectoryURL = SCSProcess.root
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: socket), Date() < deadline, process.isRunning {
            Thread.sleep(forTimeInterval: 0.02)
        }
        guard FileManager.default.fileExists(atPath: socket) else {
            process.terminate()
            throw ServeFailure(output: String(decoding: output.fileHandleForReading.availableData, as: UTF8.self))
        }
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
