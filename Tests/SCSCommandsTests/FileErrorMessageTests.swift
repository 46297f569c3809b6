import Foundation
import Testing

/// A file that cannot be read is bad input (exit 2) with one message that names it and the real
/// cause, in every command that reads files; no Foundation error domain or code reaches the user.
@Suite("Messages for files that cannot be read")
struct FileErrorMessageTests {
    /// A kind of unreadable path, made in a fresh folder, and the words its message must hold.
    struct Case: CustomTestStringConvertible, Sendable {
        let testDescription: String
        let make: @Sendable (_ folder: String) throws -> String
        let cause: String
    }

    static let cases: [Case] = [
        Case(testDescription: "missing", make: { $0 + "/missing.yaml" }, cause: "no such file"),
        Case(
            testDescription: "a folder",
            make: { folder in
                try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
                return folder + "/sub"
            }, cause: "is a folder, not a file"),
        Case(
            testDescription: "a symbolic link loop",
            make: { folder in
                try FileManager.default.createSymbolicLink(atPath: folder + "/a", withDestinationPath: folder + "/b")
                try FileManager.default.createSymbolicLink(atPath: folder + "/b", withDestinationPath: folder + "/a")
                return folder + "/a"
            }, cause: "too many levels of symbolic links"),
        Case(
            testDescription: "a path under a regular file",
            make: { folder in
                try "x".write(toFile: folder + "/plain", atomically: true, encoding: .utf8)
                return folder + "/plain/below.yaml"
            }, cause: "no such file: FOLDER/plain is a file, not a folder"),
        Case(
            testDescription: "a device", make: { _ in "/dev/zero" }, cause: "is a character device, not a regular file"),
        Case(
            testDescription: "Latin-1 text",
            make: { folder in
                try Data([0x23, 0x20, 0x63, 0x61, 0x66, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: folder + "/latin1"))
                return folder + "/latin1"
            }, cause: "not UTF-8 text: byte 0xE9 at line 1, column 6 (byte offset 5)"),
    ]

    /// Each command that reads a file, with `path` in the place of that file, and where the message
    /// names it.
    static let commands:
        [(name: String, arguments: @Sendable (String) -> [String], location: @Sendable (String) -> String)] = [
            ("validate --program", { ["validate", "--device", "tonic-16", "--program", $0] }, { $0 }),
            (
                "validate --impedance",
                {
                    [
                        "validate", "--device", "tonic-16", "--amplitude", "3", "--pulse-width", "300", "--frequency",
                        "50",
                        "--contacts", "1-,2+", "--impedance", $0,
                    ]
                }, { $0 }
            ),
            ("check", { ["check", $0] }, { $0 }),
            ("session --script", { ["session", "--device", "tonic-16", "--script", $0] }, { "--script \($0)" }),
        ]

    static func scratch() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "scs-unreadable-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.path
    }

    static func expectPlainMessage(_ result: SCSProcess.Result, location: String, cause: String) {
        #expect(result.status == 2, "\(result.stdout)")
        #expect(result.stderr.contains("\(location): \(cause)"), "\(result.stderr)")
        #expect(!result.stderr.contains("Domain"))
        #expect(!result.stderr.contains("The file"))
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }

    @Test(arguments: cases)
    func everyCommandThatReadsATextFileNamesItAndTheCause(_ unreadable: Case) throws {
        let folder = try Self.scratch()
        let path = try unreadable.make(folder)
        let cause = unreadable.cause.replacingOccurrences(of: "FOLDER", with: folder)
        for command in Self.commands {
            let result = try SCSProcess.run(command.arguments(path))
            Self.expectPlainMessage(result, location: command.location(path), cause: cause)
        }
    }

    @Test(arguments: cases.filter { $0.testDescription != "a folder" && $0.testDescription != "Latin-1 text" })
    func analyzeReplayAndImportNameTheFileAndTheCause(_ unreadable: Case) throws {
        let folder = try Self.scratch()
        let path = try unreadable.make(folder)
        let cause = unreadable.cause.replacingOccurrences(of: "FOLDER", with: folder)
        for arguments in [
            ["analyze", path], ["replay", path, "--target", "simulator"], ["import", path, "--out", folder + "/out"],
        ] {
            Self.expectPlainMessage(try SCSProcess.run(arguments), location: path, cause: cause)
        }
    }

    @Test func aFolderGivenForAFileIsNamedAsAFolder() throws {
        let folder = try Self.scratch()
        Self.expectPlainMessage(
            try SCSProcess.run(["replay", folder, "--target", "simulator"]), location: folder,
            cause: "is a folder, not a file")
    }

    @Test func aProfilesFolderThatIsAFileOrAnUnreadableProfileIsSaidPlainly() throws {
        let folder = try Self.scratch()
        let file = folder + "/not-a-folder"
        try "x".write(toFile: file, atomically: true, encoding: .utf8)
        let result = try SCSProcess.run(["devices", "--devices", file])
        Self.expectPlainMessage(result, location: file, cause: "cannot list the folder: is a file, not a folder")
        try FileManager.default.createDirectory(atPath: folder + "/Devices", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: folder + "/Devices/loop.yaml", withDestinationPath: folder + "/Devices/loop.yaml")
        let looped = try SCSProcess.run(["devices", "--devices", folder + "/Devices"])
        #expect(looped.status == 2)
        #expect(looped.stderr.contains("loop.yaml"), "\(looped.stderr)")
        #expect(looped.stderr.contains("too many levels of symbolic links"), "\(looped.stderr)")
        #expect(!looped.stderr.contains("Domain"))
    }

    @Test func aKeyFileThatCannotBeReadIsNamedWithTheCause() throws {
        let folder = try Self.scratch()
        let result = try SCSProcess.run(["session", "--usb", "--keys", folder])
        Self.expectPlainMessage(result, location: "--keys \(folder)", cause: "is a folder, not a file")
    }
}
