/// The stimulator's USB interface, as `docs/protocol.md` §5 defines it.
///
/// One vendor-specific interface with a bulk OUT and a bulk IN endpoint, which carry `StimProtocol`
/// frames as a byte stream in each direction. The product ids are per model and live in the device
/// profiles (`usb:`), not here.
public enum StimulatorInterface {
    /// The development vendor id every model uses (pid.codes, 0x1209).
    public static let vendorID: UInt16 = 0x1209

    /// `bInterfaceNumber` of the interface to claim.
    public static let number: UInt8 = 0

    /// `bInterfaceClass`: vendor-specific.
    public static let interfaceClass: UInt8 = 0xFF

    /// Host to device: request frames.
    public static let bulkOut = USBEndpoint(rawValue: 0x01)

    /// Device to host: reply frames.
    public static let bulkIn = USBEndpoint(rawValue: 0x81)

    /// `wMaxPacketSize` of both bulk endpoints at full speed.
    public static let maxPacketSize = 64

    /// The length the host asks for in one bulk IN transfer: a whole frame of the largest size
    /// (4096 bytes), a multiple of the packet size.
    public static let readLength = 4096
}
