/// A device of the stimulator's USB layout that answers every transfer with bytes that are no frame
/// at all: what a host meets when another firmware sits behind a stimulator's ids.
public struct GarbageBehavior: DeviceBehavior {
    /// A device that answers garbage.
    public init() {}

    public func received(_ bytes: [UInt8]) -> [[UInt8]] {
        [[UInt8](repeating: 0xA5, count: 64)]
    }
}
