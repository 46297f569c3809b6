/// A device that returns every bulk OUT transfer on bulk IN, unchanged.
public struct EchoBehavior: DeviceBehavior {
    /// An echo.
    public init() {}

    public func received(_ bytes: [UInt8]) -> [[UInt8]] {
        [bytes]
    }
}
