/// Why the replay guard refused a sequence number.
public enum ReplayError: Error, Hashable, Sendable {
    /// Below the window (or 0): too old to tell, refused.
    case tooOld(UInt32)
    /// Seen before in this session. A device may answer with its cached reply to that request
    /// (so retries are idempotent) but must not act on it again.
    case duplicate(UInt32)
}
