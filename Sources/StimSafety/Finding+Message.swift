extension Finding {
    /// A sentence a clinician can act on, with the numbers and their units.
    public var message: String {
        let unit = rule.unit
        let shown = value.map { formatNumber($0) + unit } ?? ""
        let bound = limit.map { formatNumber($0) + unit } ?? ""
        let subject = contact.map { "contact \($0)" } ?? ""
        switch reason {
        case .belowMinimum: return "\(rule.quantity) \(shown) is below the minimum \(bound)"
        case .aboveMaximum:
            return contact == nil
                ? "\(rule.quantity) \(shown) is above the maximum \(bound)"
                : "\(subject) would carry \(shown), above the per-contact maximum \(bound)"
        case .offGrid: return "\(rule.quantity) \(shown) is not on the device's \(bound) grid"
        case .finerThanStep:
            // All the decimals a sub-unit holds, since the point is that the value has more than the step.
            let exact = value.map { formatNumber($0, fractionDigits: 6) + unit } ?? ""
            return "\(rule.quantity) \(exact) has more decimals than the device's \(bound) step"
        case .missing: return "burst needs both pulsesPerBurst and intraBurstRate"
        case .notSupported: return "the device does not support this waveform"
        case .notOnLeads: return "contact '\(contact?.description ?? "")' does not exist on the device's leads"
        case .caseNotAllowed: return "the device does not allow the case as an electrode"
        case .noCathode: return "the program has no cathode (a negative percent)"
        case .noAnode: return "the program has no anode (a positive percent)"
        case .cathodeSum: return "cathode percents sum to \(shown), not −100 %"
        case .anodeSum: return "anode percents sum to \(shown), not +100 %"
        case .offFractionStep: return "\(subject) has \(shown), not a multiple of the \(bound) step"
        case .duplicateContact: return "\(subject) is listed more than once; each contact takes one share"
        case .tooManyContacts: return "\(shown) active contacts, more than the device's \(bound)"
        case .aboveWarnLimit: return "\(subject): \(rule.quantity) \(shown) is above the warning limit \(bound)"
        case .aboveRejectLimit: return "\(subject): \(rule.quantity) \(shown) is above the rejection limit \(bound)"
        case .nearCompliance:
            return "\(subject) needs \(shown), at or above 90 % of the compliance voltage (\(bound))"
        case .aboveCompliance: return "\(subject) needs \(shown), above the compliance voltage \(bound)"
        case .shorted: return "\(subject) measured \(shown), below the short-circuit threshold \(bound)"
        case .open: return "\(subject) measured \(shown), above the open-circuit threshold \(bound)"
        case .pulseLongerThanPeriod: return "the pulse and its recovery take \(shown), longer than the period \(bound)"
        case .pulseLongerThanIntraBurstPeriod:
            return "each pulse and its recovery take \(shown), longer than the intra-burst period \(bound)"
        case .burstLongerThanPeriod:
            return "the burst and its recovery take \(shown), longer than the burst period \(bound)"
        case .outsideAmplitude: return "patient range bound \(shown) is outside the device's amplitude range (\(bound))"
        case .amplitudeOutsideRange: return "amplitude \(shown) is outside the patient range (bound \(bound))"
        case .shortRechargeInterval: return "estimated recharge interval \(shown) is shorter than \(bound)"
        case .shortLongevity: return "estimated longevity \(shown) is shorter than the device minimum \(bound)"
        case .stepTooLarge: return "amplitude increase \(shown) is more than \(bound) per command; the device ramps"
        }
    }
}

extension RuleID {
    /// The unit of a finding's value and limit, with its leading space.
    var unit: String {
        switch self {
        case .amplitudeRange, .amplitudeStep, .currentContact, .patientRange, .amplitudeSlew,
            .patientRangeCurrentContact:
            " mA"
        case .pulseWidthRange, .pulseWidthStep, .timingPeriod: " µs"
        case .frequencyRange, .frequencyStep, .burstRange: ""
        case .chargeDensity, .patientRangeChargeDensity: " µC/cm²"
        case .compliance, .patientRangeCompliance: " V"
        case .impedance: " Ω"
        case .contactsPolarity: " %"
        case .battery: ""
        case .waveformSupported, .contactsUnknown, .contactsCount, .shannon, .patientRangeShannon: ""
        }
    }

    /// What the rule measures, as a noun for messages.
    var quantity: String {
        switch self {
        case .amplitudeRange, .amplitudeStep, .patientRange, .amplitudeSlew: "amplitude"
        case .pulseWidthRange, .pulseWidthStep: "pulse width"
        case .frequencyRange, .frequencyStep: "frequency (Hz)"
        case .burstRange: "burst parameter"
        case .chargeDensity, .patientRangeChargeDensity: "charge density"
        case .shannon, .patientRangeShannon: "Shannon k"
        case .battery: "battery"
        default: name
        }
    }
}

/// Up to `fractionDigits` decimals (four unless told), trailing zeros dropped; no Foundation formatter
/// in the core.
func formatNumber(_ value: Double, fractionDigits: Int = 4) -> String {
    guard value.isFinite else { return String(describing: value) }
    let scaled = value * Double(powerOfTen(fractionDigits) as Int64) + (value < 0 ? -0.5 : 0.5)
    guard abs(scaled) < 9e15 else { return String(describing: value) }
    return formatDecimal(Int64(scaled), fractionDigits: fractionDigits)
}
