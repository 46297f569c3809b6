/// Why bytes could not be a `DeviceKey`.
public enum KeyError: Error, Hashable, Sendable {
    /// Fewer bytes than a key needs.
    case tooShort(length: Int, minimum: Int)
}
