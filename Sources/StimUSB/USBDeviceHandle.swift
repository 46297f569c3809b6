import CLibUSB
import Synchronization

/// An open device with one claimed interface: bulk transfers in both directions.
///
/// Owns a `libusb_device_handle`: the interface is released (`libusb_release_interface`) and the
/// handle closed (`libusb_close`) when the last reference goes, which a transfer in flight holds.
/// Transfers are libusb's asynchronous ones, completed by the context's event thread: the calling
/// task suspends without blocking a thread, and cancelling it cancels the transfer. Several tasks may
/// transfer at once.
public final class USBDeviceHandle: @unchecked Sendable {
    // @unchecked: libusb handles are thread-safe for transfers; the pointer is freed only in deinit.
    let pointer: OpaquePointer
    let context: USBContext
    private let transfers = Mutex<[ObjectIdentifier: Transfer]>([:])

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

    /// Sends `bytes` on the bulk OUT `endpoint` as one transfer and returns how many the device took.
    ///
    /// Throws `USBError.timeout` when the device did not take them all within `timeout`,
    /// `USBError.noDevice` when it has been unplugged, `USBError.pipe` when the endpoint stalled, and
    /// `USBError.interrupted` when the task was cancelled or `cancelTransfers()` was called.
    @discardableResult
    public func write(_ bytes: [UInt8], to endpoint: USBEndpoint, timeout: Duration) async throws(USBError) -> Int {
        let transfer = try Transfer(handle: self, endpoint: endpoint, sending: bytes, timeout: timeout)
        return try await run(transfer).count
    }

    /// Receives one transfer of at most `maxLength` bytes on the bulk IN `endpoint`.
    ///
    /// A transfer ends with a short packet, so one frame may come in several reads and several frames
    /// in one; bytes that arrived before a timeout, a cancellation or an unplug are returned, not
    /// lost. The result is empty when the device sent a zero-length packet. Throws `USBError.timeout`
    /// when nothing arrived within `timeout`, `USBError.noDevice` when the device has been unplugged,
    /// `USBError.overflow` when it sent more than `maxLength` (keep that a multiple of the packet
    /// size), and `USBError.interrupted` when the task was cancelled or `cancelTransfers()` was called.
    public func read(from endpoint: USBEndpoint, maxLength: Int, timeout: Duration) async throws(USBError) -> [UInt8] {
        let transfer = try Transfer(handle: self, endpoint: endpoint, receiving: maxLength, timeout: timeout)
        return try await run(transfer)
    }

    /// Cancels every transfer in flight on this handle (`libusb_cancel_transfer`); each throws
    /// `USBError.interrupted`, or returns the bytes it had already received.
    public func cancelTransfers() {
        let inFlight = transfers.withLock { Array($0.values) }
        for transfer in inFlight {
            transfer.cancel()
        }
    }

    /// Runs `transfer`; the handle (`self`) stays alive for the call, which lasts until libusb has
    /// called the transfer back, so a handle is never closed with a transfer in flight.
    private func run(_ transfer: Transfer) async throws(USBError) -> [UInt8] {
        let id = ObjectIdentifier(transfer)
        transfers.withLock { $0[id] = transfer }
        defer { _ = transfers.withLock { $0.removeValue(forKey: id) } }
        return try await transfer.run().get()
    }
}
