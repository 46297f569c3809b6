import RecordingFormat
import StimProtocol
import StimSafety

/// Why a `Programmer` operation failed.
///
/// For ``Programmer/write(_:to:acknowledging:)`` every case but four means the program was **not**
/// applied: `writeOutcomeUnknown` (the device holds either the old or the new program, and the host
/// could not find out which), `unauthenticatedReply` (the answer was not the device's, so the host
/// does not know what the device did), `writeUnverified` (the device applied it, but reading it back
/// failed), and `readBackMismatch` (the device holds something else, which a correct device never
/// does).
public enum ProgrammerError: Error, Hashable, Sendable {
    /// No answer arrived within the timeout, after every retry.
    case timeout
    /// The transport lost the device.
    case disconnected
    /// The programmer was closed, or lost its session and could not open another: connect again.
    case closed
    /// The calling task was cancelled while waiting.
    case cancelled
    /// The device refused the request, with the safety core's rule ids where it gives them.
    case deviceRejected(ErrorCode, rules: [RuleID])
    /// The host's own validation refused the program or amplitude; nothing was sent.
    case unsafe(Validation)
    /// The device does not speak this host's protocol version (`Frame.protocolVersion`); it speaks
    /// `deviceVersions`.
    case protocolMismatch(deviceVersions: [UInt8])
    /// The host has no limits for the device's profile id, so it cannot validate anything for it.
    case unknownDevice(profileID: String)
    /// The session could not be authenticated: the device refused the key, or its own proof was wrong.
    case unauthorized
    /// The session's role may not send this request; nothing was sent.
    case notPermitted(MessageType)
    /// A setClock to an instant outside ``Timestamp/settableRange``; nothing was sent.
    case clockOutOfRange(Timestamp)
    /// The request cannot be put into a frame (a contact the wire cannot name, too many entries).
    case unencodable(EncodeError)
    /// The device answered with something that does not fit the request.
    case invalidReply(String)
    /// An answer in the session carried no MAC, or not the session key's: it was forged, or damaged in
    /// a way the CRC missed, so nothing it says is believed. The request's outcome is unknown; the
    /// session itself is still good. (A device that lost the session, by a restart, also answers
    /// without a MAC, since it no longer has the key.)
    case unauthenticatedReply(MessageType)
    /// The device acknowledged the write but holds a different program in the slot.
    case readBackMismatch(slot: Slot, expected: StimProgram, found: StimProgram?)
    /// The write got no answer and the host could not find out whether it was applied.
    case writeOutcomeUnknown(slot: Slot)
    /// The device acknowledged the write (so it was applied) but reading it back failed.
    case writeUnverified(slot: Slot)
}

/// How a `Programmer` waits and retries.
public struct ProgrammerConfiguration: Hashable, Sendable {
    /// How long to wait for the answer to one attempt.
    public var replyTimeout: Duration
    /// How many times a request is sent before giving up, the first time included. A retry reuses the
    /// request's sequence number, so the device answers it from its reply cache rather than acting again.
    public var attempts: Int

    /// Waits up to `replyTimeout` for each of `attempts` tries (at least one try).
    public init(replyTimeout: Duration = .seconds(1), attempts: Int = 3) {
        self.replyTimeout = replyTimeout
        self.attempts = max(1, attempts)
    }
}
