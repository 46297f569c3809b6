import CUMockdev

/// One reference to a `UMockdevIoctlData`: a block of the client process's memory, copied into this
/// process, which umockdev writes back to the client when the ioctl completes.
///
/// Owns one GObject reference (`g_object_unref` in deinit), so a submitted URB's memory can be
/// kept until the URB is reaped, after the submitting ioctl has completed.
final class IoctlMemory: @unchecked Sendable {
    // @unchecked: used only under the emulator's lock, or by umockdev while the client waits for it.
    let pointer: UnsafeMutablePointer<UMockdevIoctlData>

    /// Takes over a reference the caller owns (a `umockdev_ioctl_data_resolve` result).
    init(owning pointer: UnsafeMutablePointer<UMockdevIoctlData>) {
        self.pointer = pointer
    }

    /// Adds a reference of its own (`g_object_ref`) to memory someone else owns.
    init(retaining pointer: UnsafeMutablePointer<UMockdevIoctlData>) {
        g_object_ref(pointer)
        self.pointer = pointer
    }

    deinit {
        g_object_unref(pointer)
    }

    /// The local copy.
    var bytes: UnsafeMutableRawBufferPointer {
        UnsafeMutableRawBufferPointer(start: pointer.pointee.data, count: Int(pointer.pointee.data_len))
    }

    /// Where the memory lives in the client process; it identifies a URB in `USBDEVFS_DISCARDURB`.
    var clientAddress: UInt {
        pointer.pointee.client_addr
    }

    /// The memory of `length` bytes that the pointer at `offset` points to, loaded from the client
    /// (`umockdev_ioctl_data_resolve`); `nil` for a null pointer or when the client cannot be read.
    func resolve(offset: Int, length: Int) -> IoctlMemory? {
        var error: UnsafeMutablePointer<GError>?
        let child = umockdev_ioctl_data_resolve(pointer, gsize(offset), gsize(length), &error)
        if let error { g_error_free(error) }
        return child.map(IoctlMemory.init(owning:))
    }

    /// Makes the pointer at `offset` point to `child` in the client's terms
    /// (`umockdev_ioctl_data_set_ptr`), as reaping a URB needs.
    func point(at offset: Int, to child: IoctlMemory) {
        umockdev_ioctl_data_set_ptr(pointer, gsize(offset), child.pointer)
    }

    func load<Value>(at offset: Int, as type: Value.Type) -> Value {
        bytes.loadUnaligned(fromByteOffset: offset, as: type)
    }

    func store<Value>(_ value: Value, at offset: Int) {
        bytes.storeBytes(of: value, toByteOffset: offset, as: Value.self)
    }
}
