import CLibUSB

/// A libusb session: device discovery and opening.
///
/// Owns one `libusb_context` (`libusb_init`) and the thread that handles its events, so that
/// transfers complete; when the last reference goes, the thread ends and the context is freed
/// (`libusb_exit`). Every `USBDeviceHandle` opened from it keeps it alive.
public final class USBContext: @unchecked Sendable {
    // @unchecked: libusb contexts are thread-safe, and the pointer is set once and freed only in deinit.
    let pointer: OpaquePointer
    /// The thread that completes this context's transfers.
    let events: EventThread

    /// Starts a libusb session (`libusb_init`) and its event thread.
    public init() throws(USBError) {
        var context: OpaquePointer?
        try check(libusb_init(&context))
        guard let context else { throw USBError.other }
        pointer = context
        events = EventThread(context: context)
    }

    deinit {
        events.stop()
        libusb_exit(pointer)
    }

    /// The attached devices whose vendor and product ids are among `ids`, in libusb's order.
    ///
    /// Each matching device is opened briefly to read its serial number string
    /// (`libusb_get_string_descriptor_ascii`); a device that cannot be opened is still listed, with
    /// the reason in `openError`. Devices with other ids are never opened.
    public func devices(matching ids: Set<USBDeviceID>) throws(USBError) -> [USBDeviceInfo] {
        try withDeviceList { devices throws(USBError) in
            var found: [USBDeviceInfo] = []
            for device in devices {
                let id = try deviceID(of: device)
                guard ids.contains(id) else { continue }
                var info = USBDeviceInfo(
                    id: id,
                    serialNumber: nil,
                    bus: libusb_get_bus_number(device),
                    address: libusb_get_device_address(device)
                )
                do throws(USBError) {
                    info.serialNumber = try serialNumber(of: device)
                } catch {
                    info.openError = error
                }
                found.append(info)
            }
            return found
        }
    }

    /// Opens the device that `info` describes and claims its interface `interface`
    /// (`libusb_open`, `libusb_claim_interface`).
    ///
    /// Throws `USBError.noDevice` when no device with the same bus, address and ids is attached any
    /// more, `USBError.access` when the device node's permissions do not allow opening it, and
    /// `USBError.busy` when another program has claimed the interface.
    public func open(_ info: USBDeviceInfo, interface: UInt8 = 0) throws(USBError) -> USBDeviceHandle {
        try withDeviceList { devices throws(USBError) in
            for device in devices
            where libusb_get_bus_number(device) == info.bus && libusb_get_device_address(device) == info.address {
                guard try deviceID(of: device) == info.id else { break }
                return try USBDeviceHandle(context: self, device: device, info: info, interface: interface)
            }
            throw USBError.noDevice
        }
    }

    /// Calls `body` with the current device list (`libusb_get_device_list`) and frees the list and
    /// its references afterwards (`libusb_free_device_list`).
    private func withDeviceList<Result>(
        _ body: ([OpaquePointer]) throws(USBError) -> Result
    ) throws(USBError) -> Result {
        var list: UnsafeMutablePointer<OpaquePointer?>?
        let count = try check(libusb_get_device_list(pointer, &list))
        defer { libusb_free_device_list(list, 1) }
        guard let list else { return try body([]) }
        let devices = (0..<count).compactMap { list[$0] }
        return try body(devices)
    }

    private func deviceID(of device: OpaquePointer) throws(USBError) -> USBDeviceID {
        var descriptor = libusb_device_descriptor()
        try check(libusb_get_device_descriptor(device, &descriptor))
        return USBDeviceID(vendorID: descriptor.idVendor, productID: descriptor.idProduct)
    }

    /// Reads the serial number string through a short-lived handle; `nil` when the device has none.
    private func serialNumber(of device: OpaquePointer) throws(USBError) -> String? {
        var descriptor = libusb_device_descriptor()
        try check(libusb_get_device_descriptor(device, &descriptor))
        guard descriptor.iSerialNumber != 0 else { return nil }
        var handle: OpaquePointer?
        try check(libusb_open(device, &handle))
        defer { libusb_close(handle) }
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = try check(
            libusb_get_string_descriptor_ascii(handle, descriptor.iSerialNumber, &buffer, Int32(buffer.count))
        )
        return String(decoding: buffer[..<Int(length)], as: UTF8.self)
    }
}
