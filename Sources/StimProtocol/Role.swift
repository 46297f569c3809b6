/// Who a session speaks for.
public enum Role: UInt8, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// A clinician's programmer: may do everything the device allows.
    case clinician = 1
    /// A patient's remote: may adjust amplitude within the patient range, activate an enabled slot,
    /// switch therapy on or off, and read.
    case patient = 2

    /// Whether a session in this role may send a request of `type`.
    ///
    /// Patients may read (identify, state, battery) and make the three changes a remote can make;
    /// writing programs, measuring impedance, reading the event log and setting the clock are the
    /// clinician's. Whether an amplitude lies in the patient range or a slot is enabled is for the
    /// device to check against its state. Types this version does not know are permitted to nobody.
    public func isPermitted(_ type: MessageType) -> Bool {
        switch type {
        case .identify, .openSession, .authenticate, .closeSession, .readState, .readBattery, .activateSlot,
            .setTherapy, .adjustAmplitude:
            true
        case .writeProgram, .measureImpedance, .readEventLog, .setClock:
            self == .clinician
        default:
            false
        }
    }

    public var description: String {
        switch self {
        case .clinician: "clinician"
        case .patient: "patient"
        }
    }
}

extension ByteReader {
    mutating func readRole() throws(PayloadError) -> Role {
        let code: UInt8 = try read(field: "role")
        guard let role = Role(rawValue: code) else { throw .invalidValue(field: "role", value: Int(code)) }
        return role
    }
}
