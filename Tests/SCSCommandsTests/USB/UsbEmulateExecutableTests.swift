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
        let process = Process()
        process.executableURL = alone
        process.arguments = ["usb", "emulate", "--", "true"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(message.contains(folder.appendingPathComponent("scs-usb-emulate").path + " not found"))
    }
}
