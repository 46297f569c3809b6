import DeviceProfiles
import Foundation
import SCSCommands
import StimDevice
import USBTestbed

/// The virtual stimulators of `scs usb emulate`: simulators of one profile on umockdev's virtual USB
/// bus, sharing one fresh key file in a private temporary folder.
///
/// Owns the devices and the folder: deinit unplugs the devices and removes the folder.
final class EmulatedStimulators {
    /// The devices on the bus, in the order of their serial numbers.
    let devices: [VirtualDevice]

    /// The key file of every device (mode 0600).
    let keyFile: String

    private let folder: URL

    /// Plugs in one simulator of `profile` for each of `serials`. The process must be preloaded
    /// (`UmockdevPreload`).
    init(profile: DeviceProfile, serials: [String]) throws(InputError) {
        guard let usb = profile.usb else {
            throw InputError("--device", "\(profile.id) has no usb: ids in its profile, so it cannot be put on USB")
        }
        let testbed: Testbed
        do {
            testbed = try Testbed.shared()
        } catch {
            throw InputError("usb emulate", "cannot set up umockdev's virtual USB bus: \(error)")
        }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("scs-usb-emulate-\(UUID().uuidString)")
        keyFile = folder.appendingPathComponent("keys").path
        var generator = SystemRandomNumberGenerator()
        let keys = DeviceKeyStore.generate(using: &generator)
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw InputError("usb emulate", "cannot create the folder \(folder.path) for the key file")
        }
        try KeyFile.write(keys, to: keyFile, location: "usb emulate: the key file \(keyFile)")
        var plugged: [VirtualDevice] = []
        for serial in serials {
            let configuration = SimulatorConfiguration(
                profileID: profile.id, model: profile.name, serial: serial, slotCount: profile.programs,
                limits: profile.limits)
            let behavior = StimulatorBehavior(device: SimulatedStimulator(configuration: configuration, keys: keys))
            let identity = VirtualDeviceIdentity.stimulator(
                productID: usb.productId, profileID: profile.id, serialNumber: serial)
            do {
                plugged.append(try testbed.plug(identity, behavior: behavior))
            } catch {
                plugged.forEach { $0.unplug() }
                try? FileManager.default.removeItem(at: folder)
                throw InputError("--serial \(serial)", "cannot plug in a virtual stimulator: \(error)")
            }
        }
        devices = plugged
    }

    deinit {
        devices.forEach { $0.unplug() }
        try? FileManager.default.removeItem(at: folder)
    }
}
