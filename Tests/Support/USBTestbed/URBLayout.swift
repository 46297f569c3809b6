import CUMockdev

/// Where the fields of `struct usbdevfs_urb` lie, and the URB type numbers.
enum URBLayout {
    /// `sizeof(struct usbdevfs_urb)` without isochronous packet descriptors.
    static let size = MemoryLayout<usbdevfs_urb>.size
    static let type = MemoryLayout<usbdevfs_urb>.offset(of: \.type)!
    static let endpoint = MemoryLayout<usbdevfs_urb>.offset(of: \.endpoint)!
    static let status = MemoryLayout<usbdevfs_urb>.offset(of: \.status)!
    static let buffer = MemoryLayout<usbdevfs_urb>.offset(of: \.buffer)!
    static let bufferLength = MemoryLayout<usbdevfs_urb>.offset(of: \.buffer_length)!
    static let actualLength = MemoryLayout<usbdevfs_urb>.offset(of: \.actual_length)!

    /// `USBDEVFS_URB_TYPE_CONTROL`.
    static let controlType = UInt8(USBDEVFS_URB_TYPE_CONTROL)

    /// `USBDEVFS_URB_TYPE_BULK`.
    static let bulkType = UInt8(USBDEVFS_URB_TYPE_BULK)
}
