/// The ids the per-contact load rules report under: at the programmed amplitude, or at a patient
/// range's maximum (`patientRange.<rule>`). The general rules and the fast entry point both take them
/// from here.
struct LoadRules {
    let currentContact: RuleID
    let chargeDensity: RuleID
    let shannon: RuleID
    let compliance: RuleID

    static let programmed = LoadRules(
        currentContact: .currentContact, chargeDensity: .chargeDensity, shannon: .shannon, compliance: .compliance)
    static let patientMaximum = LoadRules(
        currentContact: .patientRangeCurrentContact, chargeDensity: .patientRangeChargeDensity,
        shannon: .patientRangeShannon, compliance: .patientRangeCompliance)
}
