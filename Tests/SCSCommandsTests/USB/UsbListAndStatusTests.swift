import Foundation
import StimDevice
import Testing

@Suite("scs usb list and scs usb status", .enabled(if: EmulatedUSB.isAvailable, EmulatedUSB.skipMessage))
struct UsbListAndStatusTests {
    @Test func statusConnectsOverUSBAndReportsWhatTheStimulatorSays() throws {
        let result = try EmulatedUSB.run(["usb", "status", "--json"], emulating: ["--serial", "STAT-1"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let status = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(status["profile"] as? String == "tonic-16")
        #expect(status["serial"] as? String == "STAT-1")
        #expect(status["protocolVersion"] as? Int == 2)
        #expect(status["therapyOn"] as? Bool == false)
    }

    @Test func severalStimulatorsWithoutSerialAreListedAndRefused() throws {
        let result = try EmulatedUSB.run(["usb", "status"], emulating: ["--serial", "TWO-A", "--serial", "TWO-B"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("2 stimulators on USB; choose one with --serial SERIAL"))
        #expect(result.stderr.contains("tonic-16 serial TWO-A (bus 001 address"))
        #expect(result.stderr.contains("tonic-16 serial TWO-B (bus 001 address"))
    }

    @Test func serialChoosesAmongSeveralStimulators() throws {
        let result = try EmulatedUSB.run(
            ["usb", "status", "--serial", "TWO-B", "--json"], emulating: ["--serial", "TWO-A", "--serial", "TWO-B"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("\"serial\" : \"TWO-B\""))
    }

    @Test func anUnknownSerialIsBadInputListingTheAttachedOnes() throws {
        let result = try EmulatedUSB.run(["usb", "status", "--serial", "NOPE"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--serial: no stimulator with serial NOPE on USB; attached:"))
        #expect(result.stderr.contains("tonic-16 serial EMU-0001"))
    }

    @Test func aKeyFileOfAnotherStimulatorIsRefusedByTheDevice() throws {
        var generator = SeededRandom(seed: 3)
        let other = try temporaryFile(DeviceKeyStore.generate(using: &generator).fileContents, name: "keys")
        let result = try EmulatedUSB.run(["usb", "status", "--keys", other])
        #expect(result.status == 2)
        #expect(result.stderr.contains("refused the clinician key of \(other)"))
    }

    @Test func aDeviceWithIdsOfNoLoadedProfileIsNoStimulator() throws {
        // The virtual device has a product id that only the edited profile folder knows.
        let folder = try profileFolder { $0.replacingOccurrences(of: "0x5C50", with: "0x5CEE") }
        let list = try SCSProcess.run(
            ["usb", "emulate", "--devices", folder, "--", SCSProcess.executable.path, "usb", "list", "--json"])
        #expect(list.status == 0, "stderr: \(list.stderr)")
        #expect(try EmulatedUSB.rows(list).isEmpty)
        #expect(list.stderr.contains("no stimulator found on USB. Check: the USB cable"))
        let status = try SCSProcess.run(
            ["usb", "emulate", "--devices", folder, "--", SCSProcess.executable.path, "usb", "status"])
        #expect(status.status == 2)
        #expect(status.stderr.contains("no stimulator on USB; connect one or run under `scs usb emulate -- …`"))
        // With the folder that names the ids, the same device is a stimulator.
        let known = try SCSProcess.run(
            [
                "usb", "emulate", "--devices", folder, "--", SCSProcess.executable.path, "usb", "list", "--devices",
                folder,
            ])
        #expect(known.stdout.contains("1209:5cee"))
    }
}

@Suite("scs usb without a virtual bus")
struct UsbWithoutBusTests {
    @Test func statusWithoutAKeyFileSaysHowToGiveOne() throws {
        let result = try SCSProcess.run(["usb", "status"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--keys: a stimulator's key file is needed"))
    }

    @Test func emulateWithoutUmockdevSaysToInstallIt() throws {
        let emptyFolder = FileManager.default.temporaryDirectory.appendingPathComponent("scs-no-path-\(UUID())")
        try FileManager.default.createDirectory(at: emptyFolder, withIntermediateDirectories: true)
        let result = try SCSProcess.run(
            ["usb", "emulate", "--", "true"], environment: ["PATH": emptyFolder.path, "LD_PRELOAD": ""])
        #expect(result.status == 2)
        #expect(result.stderr.contains("umockdev-wrapper not found on PATH: install umockdev"))
    }
}
