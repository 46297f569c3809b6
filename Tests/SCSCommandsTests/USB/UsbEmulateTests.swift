import Foundation
import Testing

@Suite("scs usb emulate", .enabled(if: EmulatedUSB.isAvailable, EmulatedUSB.skipMessage))
struct UsbEmulateTests {
    @Test func listUnderEmulateFindsExactlyTheVirtualStimulator() throws {
        let result = try EmulatedUSB.run(["usb", "list", "--json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let rows = try EmulatedUSB.rows(result)
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row["profile"] as? String == "tonic-16")
        #expect(row["serial"] as? String == "EMU-0001")
        #expect(row["usb"] as? String == "1209:5c50")
        #expect(row["bus"] as? Int == 1)
        #expect(row["error"] == nil)
        #expect(result.stderr.contains("virtual tonic-16 serial EMU-0001"))
    }

    @Test func everySerialIsAVirtualStimulatorOfTheChosenModel() throws {
        let result = try EmulatedUSB.run(
            ["usb", "list"], emulating: ["--device", "drg-4x4", "--serial", "DRG-A", "--serial", "DRG-B"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("drg-4x4") && $0.contains("1209:5c53") })
        #expect(result.stdout.contains("DRG-A") && result.stdout.contains("DRG-B"))
    }

    @Test func theCommandsExitStatusIsEmulatesExitStatus() throws {
        let result = try SCSProcess.run(["usb", "emulate", "--", "sh", "-c", "exit 7"])
        #expect(result.status == 7)
    }

    @Test func aTerminationRequestIsPassedOnToTheCommand() throws {
        // The shell's parent is `scs usb emulate` (the wrapper execs it in the same process); the shell
        // then becomes `sleep`, which ends normally (status 0) unless the signal reaches it.
        let result = try SCSProcess.run(["usb", "emulate", "--", "sh", "-c", "kill -TERM $PPID; exec sleep 20"])
        #expect(result.status == 128 + SIGTERM)
    }

    @Test func theCommandSeesTheKeyFileOfTheVirtualStimulators() throws {
        let result = try SCSProcess.run(["usb", "emulate", "--", "sh", "-c", "head -c 200 \"$SCS_USB_KEYS\""])
        #expect(result.status == 0)
        #expect(result.stdout.contains("scs-keys 1"))
        #expect(result.stdout.contains("clinician "))
    }

    @Test func aCommandThatIsNotFoundIsBadInputNamingIt() throws {
        let result = try SCSProcess.run(["usb", "emulate", "--", "scs-no-such-command"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("scs-no-such-command: cannot run it"))
    }

    @Test func aMissingCommandIsAUsageError() throws {
        let result = try SCSProcess.run(["usb", "emulate"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("after `--`"))
    }

    @Test func aProfileWithoutUSBIdsCannotBeEmulated() throws {
        let folder = try profileFolder { text in
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !["usb:", "vendorId:", "productId:"].contains(where: $0.contains) }
                .joined(separator: "\n")
        }
        let result = try SCSProcess.run(["usb", "emulate", "--devices", folder, "--", "true"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("has no usb: ids"))
    }
}

/// A profile folder holding a copy of the bundled tonic-16 profile, changed by `edit`.
func profileFolder(_ edit: (String) -> String) throws -> String {
    let text = try String(
        contentsOf: SCSProcess.root.appendingPathComponent("Devices/tonic-16.yaml"), encoding: .utf8)
    let file = try temporaryFile(edit(text), name: "tonic-16.yaml")
    return URL(fileURLWithPath: file).deletingLastPathComponent().path
}
