/// A device that takes everything on bulk OUT and never answers.
public struct SilentBehavior: DeviceBehavior {
    /// A silent device.
    public init() {}

    public func received(_ bytes: [UInt8]) -> [[UInt8]] {
        []
    }
}
