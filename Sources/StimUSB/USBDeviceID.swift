/// The vendor and product id pair by which a USB device identifies its make and model.
public struct USBDeviceID: Hashable, Sendable {
    /// `idVendor` of the device descriptor.
    public var vendorID: UInt16

    /// `idProduct` of the device descriptor.
    public var productID: UInt16

    /// An id pair.
    public init(vendorID: UInt16, productID: UInt16) {
        self.vendorID = vendorID
        self.productID = productID
    }
}

extension USBDeviceID: CustomStringConvertible {
    /// The `lsusb` spelling, e.g. `1209:5c50`.
    public var description: String {
        "\(hex4(vendorID)):\(hex4(productID))"
    }
}

/// Four lower-case hex digits, as `lsusb` and udev rules write USB ids.
package func hex4(_ value: UInt16) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 4 - digits.count) + digits
}
