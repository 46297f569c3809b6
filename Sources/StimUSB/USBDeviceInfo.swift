/// What discovery tells about one attached device, whatever its model.
///
/// It holds no libusb reference: opening the device looks it up again by bus and address, so a
/// description can outlive the device list it came from, and a device that left in the meantime is
/// reported as `USBError.noDevice` when it is opened.
public struct USBDeviceInfo: Hashable, Sendable {
    /// Vendor and product id.
    public var id: USBDeviceID

    /// The serial number string, or `nil` when the device has none or could not be opened to read it
    /// (then `openError` says why).
    public var serialNumber: String?

    /// The bus number (`libusb_get_bus_number`).
    public var bus: UInt8

    /// The device's address on its bus (`libusb_get_device_address`).
    public var address: UInt8

    /// Why the device could not be opened to read its strings, e.g. `USBError.access` when the
    /// device node's permissions do not allow it; `nil` when it could.
    public var openError: USBError?

    /// A description.
    public init(id: USBDeviceID, serialNumber: String?, bus: UInt8, address: UInt8, openError: USBError? = nil) {
        self.id = id
        self.serialNumber = serialNumber
        self.bus = bus
        self.address = address
        self.openError = openError
    }
}
