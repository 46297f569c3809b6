import Foundation
import Testing

@Suite("The libraries scs links")
struct LinkedLibrariesTests {
    @Test func scsDoesNotLinkUmockdevOnlyTheEmulatorDoes() throws {
        let scs = try linkedLibraries(of: SCSProcess.executable)
        #expect(scs.contains("libusb-1.0"))
        #expect(!scs.contains("umockdev"))
        let emulator = SCSProcess.executable.deletingLastPathComponent().appendingPathComponent("scs-usb-emulate")
        #expect(try linkedLibraries(of: emulator).contains("libumockdev"))
    }

    /// What `ldd` prints for `executable`.
    private func linkedLibraries(of executable: URL) throws -> String {
        let ldd = Process()
        ldd.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
        ldd.arguments = [executable.path]
        let output = Pipe()
        ldd.standardOutput = output
        try ldd.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        ldd.waitUntilExit()
        #expect(ldd.terminationStatus == 0)
        return text
    }
}
