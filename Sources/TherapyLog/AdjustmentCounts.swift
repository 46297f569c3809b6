/// The number of `amplitude` events by each role that adjusts; its JSON object names the roles.
public struct AdjustmentCounts: Hashable, Sendable, Encodable {
    /// Adjustments from the patient remote.
    public var patient = 0
    /// Adjustments from a clinician programmer.
    public var clinician = 0
    /// Adjustments the device made itself (adaptive stimulation).
    public var device = 0

    public init(patient: Int = 0, clinician: Int = 0, device: Int = 0) {
        self.patient = patient
        self.clinician = clinician
        self.device = device
    }
}
