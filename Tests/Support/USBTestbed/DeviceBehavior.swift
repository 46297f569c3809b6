/// What a virtual device does with the bytes the host sends it.
///
/// The emulator calls `received(_:)` once per bulk OUT transfer, in the order the host sent them
/// and never two at a time, but on umockdev's own thread: hence `Sendable`, and any state the
/// behaviour shares with other threads needs its own protection.
public protocol DeviceBehavior: Sendable {
    /// Takes the bytes of one bulk OUT transfer and returns the transfers the device then has ready
    /// on bulk IN, in order (each is delivered as one transfer, or split when the host asks for
    /// fewer bytes).
    func received(_ bytes: [UInt8]) -> [[UInt8]]
}
