extension Duration {
    /// The duration as a libusb timeout: whole milliseconds rounded up, at least 1 (libusb reads 0 as
    /// "wait forever"), at most `UInt32.max`.
    var libusbMilliseconds: UInt32 {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 1 }
        guard seconds < Int64(UInt32.max / 1000) else { return UInt32.max }
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return UInt32(max(milliseconds, 1))
    }
}
