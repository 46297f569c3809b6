/// Who caused an event: the `by` field of a recording.
///
/// Not the role a session speaks for (`StimProtocol.Role`): a device acts by itself too, and a
/// recording names whoever caused each change, whatever the session.
public enum EventOrigin: String, CaseIterable, Hashable, Sendable {
    /// A clinician programmer session.
    case clinician
    /// The patient's remote.
    case patient
    /// The stimulator itself, for example an automatic shutdown.
    case device
}
