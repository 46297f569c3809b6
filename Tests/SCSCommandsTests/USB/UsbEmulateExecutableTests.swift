import Foundation
import Testing

@Suite("scs usb emulate's own executable")
struct UsbEmulateExecutableTests {
    @Test func scsWithoutTheEmulatorBesideItIsBadInputNamingTheMissingFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scs-alone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let alone = folder.appendingPathComponent("scs")
        try FileManager.default.copyItem(at: SCSProcess.executable, to: alone)
        let (process, message) = try Self.runBusyTolerant(alone, ["usb", "emulate", "--", "true"])
        #expect(process.terminationStatus == 2)
        #expect(message.contains(folder.appendingPathComponent("scs-usb-emulate").path + " not found"))
    }

    /// Runs `executable` to its end and returns it with its standard error. A child that another test
    /// forks while the copy is being written inherits the copy's descriptor until it execs, and for that
    /// moment exec fails with "Text file busy": a busy copy is tried again, for up to 5 s.
    static func runBusyTolerant(_ executable: URL, _ arguments: [String]) throws -> (Process, String) {
        var attempt = 0
        while true {
            attempt += 1
            let process = Process()
            process.executableURL = executable
            process.arguments = arguments
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            do {
                try process.run()
            } catch let error as NSError
                where (error.userInfo[NSUnderlyingErrorKey] as? NSError)?.code == Int(ETXTBSY) && attempt < 50
            {
                Thread.sleep(forTimeInterval: 0.1)
                continue
            }
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process, message)
        }
    }
}
