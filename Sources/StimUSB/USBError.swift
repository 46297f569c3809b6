import CLibUSB

/// An error code of libusb-1.0 (`enum libusb_error`).
///
/// The named statics cover every `LIBUSB_ERROR_*` constant of libusb 1.0.26; a code libusb adds later
/// still round-trips through `init(rawValue:)`. Transfers report their failures with these codes too:
/// a transfer that timed out is `timeout`, one that found the device gone is `noDevice`.
public struct USBError: Error, RawRepresentable, Hashable, Sendable {
    /// The negative libusb error number.
    public let rawValue: Int

    /// Wraps a libusb error number.
    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    init(_ code: libusb_error) {
        self.rawValue = Int(code.rawValue)
    }

    /// Input/output error (`LIBUSB_ERROR_IO`).
    public static let io = USBError(LIBUSB_ERROR_IO)

    /// Invalid parameter (`LIBUSB_ERROR_INVALID_PARAM`).
    public static let invalidParameter = USBError(LIBUSB_ERROR_INVALID_PARAM)

    /// Access denied, usually the permissions of the device node (`LIBUSB_ERROR_ACCESS`).
    public static let access = USBError(LIBUSB_ERROR_ACCESS)

    /// The device has been disconnected (`LIBUSB_ERROR_NO_DEVICE`).
    public static let noDevice = USBError(LIBUSB_ERROR_NO_DEVICE)

    /// Entity not found, e.g. an interface the device does not have (`LIBUSB_ERROR_NOT_FOUND`).
    public static let notFound = USBError(LIBUSB_ERROR_NOT_FOUND)

    /// Resource busy, e.g. an interface another process has claimed (`LIBUSB_ERROR_BUSY`).
    public static let busy = USBError(LIBUSB_ERROR_BUSY)

    /// The operation timed out (`LIBUSB_ERROR_TIMEOUT`).
    public static let timeout = USBError(LIBUSB_ERROR_TIMEOUT)

    /// The device sent more data than the buffer holds (`LIBUSB_ERROR_OVERFLOW`).
    public static let overflow = USBError(LIBUSB_ERROR_OVERFLOW)

    /// The endpoint stalled or the request is not supported (`LIBUSB_ERROR_PIPE`).
    public static let pipe = USBError(LIBUSB_ERROR_PIPE)

    /// A system call was interrupted (`LIBUSB_ERROR_INTERRUPTED`).
    public static let interrupted = USBError(LIBUSB_ERROR_INTERRUPTED)

    /// Out of memory (`LIBUSB_ERROR_NO_MEM`).
    public static let noMemory = USBError(LIBUSB_ERROR_NO_MEM)

    /// The operation is not supported on this platform (`LIBUSB_ERROR_NOT_SUPPORTED`).
    public static let notSupported = USBError(LIBUSB_ERROR_NOT_SUPPORTED)

    /// Another error (`LIBUSB_ERROR_OTHER`).
    public static let other = USBError(LIBUSB_ERROR_OTHER)

    /// libusb's symbolic name of the code, e.g. `LIBUSB_ERROR_TIMEOUT` (`libusb_error_name`).
    public var name: String {
        guard let code = Int32(exactly: rawValue) else { return "LIBUSB_ERROR_\(rawValue)" }
        return String(cString: libusb_error_name(code))
    }
}

extension USBError: CustomStringConvertible {
    /// libusb's English description of the code and its name (`libusb_strerror`).
    public var description: String {
        guard let code = Int32(exactly: rawValue) else { return name }
        return "\(String(cString: libusb_strerror(code))) (\(name))"
    }
}

/// Turns a negative libusb return value into a thrown `USBError` and passes other values through.
@discardableResult
func check(_ result: Int32) throws(USBError) -> Int32 {
    guard result < 0 else { return result }
    throw USBError(rawValue: Int(result))
}

/// `check(_:)` for the libusb functions that return a count as `ssize_t`.
@discardableResult
func check(_ result: Int) throws(USBError) -> Int {
    guard result < 0 else { return result }
    throw USBError(rawValue: result)
}
