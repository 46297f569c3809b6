import CLibUSB

/// An open device with one claimed interface: bulk transfers in both directions.
///
/// Owns a `libusb_device_handle`: the interface is released (`libusb_release_interface`) and the
/// handle closed (`libusb_close`) when the last reference goes. Transfers block the calling thread
/// until they complete or time out, so call them from a thread that may block (`USBTransport` keeps
/// dedicated threads for this); several threads may transfer at once.
public final class USBDeviceHandle: @unchecked Sendable {
    // @unchecked: libusb handles are thread-safe for transfers; the pointer is freed only in deinit.
    private let pointer: OpaquePointer
    private let context: USBContext

    /// The device this handle belongs to.
    public let info: USBDeviceInfo

    /// The interface number claimed on open.
    public let interface: UInt8

    init(context: USBContext, device: OpaquePointer, info: USBDeviceInfo, interface: UInt8) throws(USBError) {
        var handle: OpaquePointer?
        try check(libusb_open(device, &handle))
        guard let handle else { throw USBError.other }
        do {
            try check(libusb_claim_interface(handle, Int32(interface)))
        } catch {
            libusb_close(handle)
            throw error
        }
        self.pointer = handle
        self.context = context
        self.info = info
        self.interface = interface
    }

    deinit {
        // Fails harmlessly with LIBUSB_ERROR_NO_DEVICE after an unplug; the close still frees the handle.
        libusb_release_interface(pointer, Int32(interface))
        libusb_close(pointer)
    }

    /// Sends `bytes` on the bulk OUT `endpoint` (`libusb_bulk_transfer`) and returns how many the
    /// device took.
    ///
    /// Throws `USBError.timeout` when the device did not take all of them within `timeout`,
    /// `USBError.noDevice` when it has been unplugged, `USBError.pipe` when the endpoint stalled.
    @discardableResult
    public func write(_ bytes: [UInt8], to endpoint: USBEndpoint, timeout: Duration) throws(USBError) -> Int {
        var buffer = bytes
        var transferred: Int32 = 0
        try check(
            libusb_bulk_transfer(
                pointer, endpoint.rawValue, &buffer, Int32(buffer.count), &transferred, timeout.libusbMilliseconds)
        )
        return Int(transferred)
    }

    /// Receives one transfer of at most `maxLength` bytes on the bulk IN `endpoint`
    /// (`libusb_bulk_transfer`).
    ///
    /// A transfer ends with a short packet, so a frame may arrive in several reads; bytes that arrived
    /// before a timeout are returned rather than lost. Throws `USBError.timeout` when nothing arrived
    /// within `timeout`, `USBError.noDevice` when the device has been unplugged, `USBError.overflow`
    /// when the device sent more than `maxLength` (keep it a multiple of the packet size).
    public func read(from endpoint: USBEndpoint, maxLength: Int, timeout: Duration) throws(USBError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: maxLength)
        var transferred: Int32 = 0
        let result = libusb_bulk_transfer(
            pointer, endpoint.rawValue, &buffer, Int32(maxLength), &transferred, timeout.libusbMilliseconds)
        if result == LIBUSB_ERROR_TIMEOUT.rawValue && transferred > 0 {
            return Array(buffer[..<Int(transferred)])
        }
        try check(result)
        return Array(buffer[..<Int(transferred)])
    }
}
