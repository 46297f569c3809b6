/// A USB endpoint address: the endpoint number in bits 0–3 and the direction in bit 7.
public struct USBEndpoint: RawRepresentable, Hashable, Sendable {
    /// The `bEndpointAddress` byte.
    public let rawValue: UInt8

    /// Wraps an endpoint address byte.
    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// Whether data flows from the device to the host (bit 7, `LIBUSB_ENDPOINT_IN`).
    public var isInput: Bool {
        rawValue & 0x80 != 0
    }
}

extension USBEndpoint: CustomStringConvertible {
    /// The address in hex, e.g. `0x81`.
    public var description: String {
        let digits = String(rawValue, radix: 16)
        return "0x" + (digits.count < 2 ? "0" : "") + digits
    }
}
