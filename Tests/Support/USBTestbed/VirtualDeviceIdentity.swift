import StimUSB

/// What a virtual device tells the host about itself: ids, strings and descriptors.
///
/// Every virtual device has the stimulator's layout of `docs/protocol.md` §5 (one configuration, one
/// vendor-specific interface, bulk OUT 0x01 and bulk IN 0x81 of 64 bytes, full speed); only the ids
/// and strings differ, so a device "of another make" is the same layout with other ids.
public struct VirtualDeviceIdentity: Hashable, Sendable {
    /// Vendor and product id.
    public var id: USBDeviceID

    /// The manufacturer string (`iManufacturer`).
    public var manufacturer: String

    /// The product string (`iProduct`); a stimulator's profile id.
    public var product: String

    /// The serial number string (`iSerialNumber`).
    public var serialNumber: String

    /// An identity. The strings must be ASCII without control characters.
    public init(id: USBDeviceID, manufacturer: String, product: String, serialNumber: String) {
        self.id = id
        self.manufacturer = manufacturer
        self.product = product
        self.serialNumber = serialNumber
    }

    /// A stimulator of the model whose profile has `profileID` and `productID` (`usb.productId`).
    public static func stimulator(productID: UInt16, profileID: String, serialNumber: String) -> Self {
        Self(
            id: USBDeviceID(vendorID: StimulatorInterface.vendorID, productID: productID),
            manufacturer: "scs",
            product: profileID,
            serialNumber: serialNumber
        )
    }

    /// Whether every string can be written into a device description and a string descriptor.
    var hasValidStrings: Bool {
        [manufacturer, product, serialNumber].allSatisfy { string in
            string.utf8.count <= 126 && string.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 }
        }
    }

    /// The device descriptor followed by the configuration's descriptors, as sysfs `descriptors`
    /// holds them.
    var descriptors: [UInt8] {
        let device: [UInt8] =
            [18, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 64]  // USB 2.0, class per interface, EP0 64 bytes
            + littleEndian(id.vendorID) + littleEndian(id.productID)
            + [0x00, 0x01, 1, 2, 3, 1]  // release 1.00, strings 1–3, one configuration
        let configuration: [UInt8] = [9, 0x02, 32, 0, 1, 1, 0, 0x80, 50]  // 32 bytes in all, 100 mA
        let interface: [UInt8] = [
            9, 0x04, StimulatorInterface.number, 0, 2, StimulatorInterface.interfaceClass, 0, 0, 0,
        ]
        let packet = littleEndian(UInt16(StimulatorInterface.maxPacketSize))
        let bulkOut: [UInt8] = [7, 0x05, StimulatorInterface.bulkOut.rawValue, 0x02] + packet + [0]
        let bulkIn: [UInt8] = [7, 0x05, StimulatorInterface.bulkIn.rawValue, 0x02] + packet + [0]
        return device + configuration + interface + bulkOut + bulkIn
    }

    /// The string descriptor at `index` (index 0: the language list, US English only), or `nil`
    /// for an index the device does not have.
    func stringDescriptor(index: UInt8) -> [UInt8]? {
        let string: String
        switch index {
        case 0: return [4, 0x03, 0x09, 0x04]
        case 1: string = manufacturer
        case 2: string = product
        case 3: string = serialNumber
        default: return nil
        }
        let units = string.utf16.flatMap(littleEndian)
        return [UInt8(2 + units.count), 0x03] + units
    }
}

private func littleEndian(_ value: UInt16) -> [UInt8] {
    [UInt8(truncatingIfNeeded: value), UInt8(truncatingIfNeeded: value >> 8)]
}
