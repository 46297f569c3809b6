/// Who caused an event: the `by` field of a recording.
public enum Role: String, CaseIterable, Hashable, Sendable {
    /// A clinician programmer session.
    case clinician
    /// The patient's remote.
    case patient
    /// The stimulator itself, for example an automatic shutdown.
    case device
}
