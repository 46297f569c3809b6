import StimUSB

/// Where a virtual device sits: its bus and address, device node and sysfs path.
struct DeviceNode: Hashable, Sendable {
    var bus: UInt8
    var address: UInt8

    /// The usbfs node, `/dev/bus/usb/BBB/DDD`.
    var path: String {
        "/dev/bus/usb/\(threeDigits(bus))/\(threeDigits(address))"
    }

    /// The device's directory under `/sys/devices`: a port of the root hub of its bus.
    var devicePath: String {
        "/devices/pci0000:00/0000:00:14.0/usb\(bus)/\(bus)-\(address - 1)"
    }

    var sysfsPath: String {
        "/sys" + devicePath
    }

    /// The umockdev device description: udev properties (E:), sysfs attributes (A:, H: binary) and
    /// the device node (N:, without which umockdev creates no node).
    func description(of identity: VirtualDeviceIdentity) -> String {
        let vendor = hex4(identity.id.vendorID)
        let product = hex4(identity.id.productID)
        let lines = [
            "P: \(devicePath)",
            "N: \(path.dropFirst("/dev/".count))",
            "E: SUBSYSTEM=usb",
            "E: DEVTYPE=usb_device",
            "E: DEVNAME=\(path)",
            "E: BUSNUM=\(threeDigits(bus))",
            "E: DEVNUM=\(threeDigits(address))",
            "E: PRODUCT=\(String(identity.id.vendorID, radix: 16))/\(String(identity.id.productID, radix: 16))/100",
            "A: busnum=\(bus)",
            "A: devnum=\(address)",
            "A: idVendor=\(vendor)",
            "A: idProduct=\(product)",
            "A: bcdDevice=0100",
            "A: bDeviceClass=00",
            "A: bNumConfigurations=1",
            "A: bConfigurationValue=1",
            "A: bNumInterfaces= 1",
            "A: bMaxPacketSize0=64",
            "A: speed=12",
            "A: version= 2.00",
            "A: manufacturer=\(identity.manufacturer)",
            "A: product=\(identity.product)",
            "A: serial=\(identity.serialNumber)",
            "H: descriptors=\(identity.descriptors.map(hex2).joined())",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}

private func threeDigits(_ value: UInt8) -> String {
    let digits = String(value)
    return String(repeating: "0", count: 3 - digits.count) + digits
}

private func hex2(_ value: UInt8) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return digits.count < 2 ? "0" + digits : digits
}

private func hex4(_ value: UInt16) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 4 - digits.count) + digits
}
