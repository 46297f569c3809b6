import RecordingFormat
import StimProtocol

extension EventOrigin {
    /// The origin of what a session in `role` asks for.
    init(_ role: Role) {
        switch role {
        case .clinician: self = .clinician
        case .patient: self = .patient
        }
    }
}
