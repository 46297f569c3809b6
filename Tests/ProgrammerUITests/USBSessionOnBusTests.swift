import ArgumentParser
import DeviceProfiles
import Foundation
import StimDevice
import Testing
import USBTestbed

@testable import ProgrammerUI
@testable import SCSCommands

/// `scs ui --usb` against a virtual stimulator on umockdev's bus in this process: only under
/// umockdev-wrapper (`scripts/run-tests` runs it on its own, and fails when it ran no test).
@Suite(
    "The page's session on a stimulator on USB", .serialized,
    .enabled(
        if: (try? Testbed.shared()) != nil,
        Comment(
            rawValue: "needs the virtual USB bus in this process: "
                + "`umockdev-wrapper swift test --skip-build --filter USBSessionOnBusTests`")))
struct USBSessionOnBusTests {
    @Test("With --usb the page's session runs against the stimulator on the bus, with its key file")
    func overUSB() async throws {
        let testbed = try Testbed.shared()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scs-ui-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let keyFile = folder.appendingPathComponent("usb.keys").path
        let (keys, _) = try DemoKeys.loadOrCreate(keyFile, flag: "--keys")
        let profile = try ProfileSource.profile(id: "tonic-16", in: nil)
        let simulator = SimulatedStimulator(
            configuration: SimulatorConfiguration(
                profileID: profile.id, model: profile.name, serial: "UI-USB-1", slotCount: profile.programs,
                limits: profile.limits),
            keys: keys)
        let device = try testbed.plug(
            .stimulator(productID: 0x5C50, profileID: profile.id, serialNumber: "UI-USB-1"),
            behavior: StimulatorBehavior(device: simulator))
        defer { device.unplug() }

        let workbench = try await Workbench(
            options: TargetOptions.parse(["--keys", keyFile, "--serial", "UI-USB-1"]), overUSB: true,
            defaultDevice: "tonic-16")
        try await PageSession.run(on: workbench)
        await workbench.close()
        #expect(device.claimCount == 1)
    }
}
