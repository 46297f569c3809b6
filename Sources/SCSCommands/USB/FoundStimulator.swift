import DeviceProfiles
import StimUSB

/// A stimulator found on USB: what discovery read from it, and the profile its vendor and product ids
/// name.
struct FoundStimulator: Sendable {
    /// Ids, serial number, bus and address, and why the device could not be opened if it could not.
    var info: USBDeviceInfo

    /// The profile whose `usb:` ids the device has.
    var profile: DeviceProfile

    /// One line naming the device for messages, e.g. `tonic-16 serial EMU-0001 (bus 001 address 002)`.
    var summary: String {
        "\(profile.id) serial \(info.serialNumber ?? "unknown") (bus \(threeDigits(info.bus)) address "
            + "\(threeDigits(info.address)))"
    }

    /// The usbfs device node, `/dev/bus/usb/BBB/DDD`, whose permissions decide who may open it.
    var nodePath: String {
        "/dev/bus/usb/\(threeDigits(info.bus))/\(threeDigits(info.address))"
    }
}

/// Three decimal digits, as usbfs and `lsusb` write bus and device numbers.
package func threeDigits(_ value: UInt8) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(3 - digits.count, 0)) + digits
}
