import StimSafety

/// Reads a program (the fields of `safety-rules.md` §1) from a YAML or JSON mapping.
///
/// Required: `amplitude` (mA), `pulseWidth` (µs), `frequency` (Hz) or `period` (µs, for devices that
/// quantise rates as periods), `contacts`. Optional: `waveform` (tonic), `pulsesPerBurst`,
/// `intraBurstRate`, `recovery` (active), `interphaseGap`, `cycling {on, off}` in s,
/// `patientRange {min, max}` in mA. Unknown fields are an error: a misspelt limit must not vanish.
package enum ProgramDecoder {
    static let fields: Set<String> = [
        "amplitude", "pulseWidth", "frequency", "period", "waveform", "pulsesPerBurst", "intraBurstRate",
        "contacts", "recovery", "interphaseGap", "cycling", "patientRange",
    ]
    /// The fields of `cycling`.
    static let cyclingFields: Set<String> = ["on", "off"]
    /// The fields of `patientRange`.
    static let patientRangeFields: Set<String> = ["min", "max"]

    /// Reads the program of `field` for a device with `limits`.
    package static func decode(_ field: YAMLField, limits: DeviceLimits) throws(InputError) -> StimProgram {
        try field.rejectUnknownKeys(fields)
        let waveform = field.child("waveform").isPresent ? try field.child("waveform").choice(Waveform.self) : .tonic
        var program = StimProgram(
            amplitude: try field.child("amplitude").quantity(Nanoamps.self),
            pulseWidth: try field.child("pulseWidth").quantity(Nanoseconds.self),
            rate: try rate(field),
            waveform: waveform,
            contacts: try contacts(field.child("contacts"), limits: limits))
        if field.child("pulsesPerBurst").isPresent {
            program.pulsesPerBurst = try positive(field.child("pulsesPerBurst"))
        }
        if field.child("intraBurstRate").isPresent {
            program.intraBurstRate = try field.child("intraBurstRate").quantity(Millihertz.self)
        }
        if field.child("recovery").isPresent { program.recovery = try field.child("recovery").choice(Recovery.self) }
        if field.child("interphaseGap").isPresent {
            program.interphaseGap = try field.child("interphaseGap").quantity(Nanoseconds.self)
        }
        if field.child("cycling").isPresent { program.cycling = try cycling(field.child("cycling")) }
        if field.child("patientRange").isPresent {
            program.patientRange = try patientRange(field.child("patientRange"))
        }
        return program
    }

    private static func rate(_ field: YAMLField) throws(InputError) -> Rate {
        let frequency = field.child("frequency")
        let period = field.child("period")
        switch (frequency.isPresent, period.isPresent) {
        case (true, true): throw period.error("give either frequency or period, not both")
        case (false, false): throw frequency.error("missing (or give period in µs)")
        case (true, false):
            let value = try frequency.quantity(Millihertz.self)
            guard value.rawValue > 0 else { throw frequency.error("must be greater than 0") }
            return .frequency(value)
        case (false, true):
            let value = try period.quantity(Nanoseconds.self)
            guard value.rawValue > 0 else { throw period.error("must be greater than 0") }
            return .period(value)
        }
    }

    /// A contact map `{"1": -100, "2": 100, "case": 0}`; keys are kept as written.
    ///
    /// A map longer than the device's contacts (every lead contact and the case) is refused before its
    /// entries are read: it cannot be a program for this device, and a huge one would only cost time.
    private static func contacts(_ field: YAMLField, limits: DeviceLimits) throws(InputError) -> [ContactShare] {
        guard field.isPresent else { throw field.error("missing") }
        let leadContacts = limits.leads.reduce(0) { $0 + $1.contacts.count }
        if let count = field.entryCount, count > leadContacts + 1 {
            throw field.error(
                "lists \(count) contacts, more than the device has (\(leadContacts) lead contacts and the case)")
        }
        let entries = try field.entries()
        var seen = Set<ContactID>()
        var shares: [ContactShare] = []
        for (key, value) in entries {
            let contact = ContactID(key: key)
            guard seen.insert(contact).inserted else { throw value.error("contact '\(key)' is listed twice") }
            shares.append(ContactShare(contact, try value.quantity(Percent.self, allowNegative: true)))
        }
        guard !shares.isEmpty else { throw field.error("no contacts given") }
        return shares
    }

    private static func positive(_ field: YAMLField) throws(InputError) -> Int {
        let value = try field.integer()
        guard value > 0 else { throw field.error("must be greater than 0 (got \(value))") }
        return value
    }

    private static func cycling(_ field: YAMLField) throws(InputError) -> Cycling {
        try field.rejectUnknownKeys(cyclingFields)
        let cycling = Cycling(
            on: try field.child("on").quantity(Milliseconds.self),
            off: try field.child("off").quantity(Milliseconds.self))
        guard cycling.on.rawValue > 0 else { throw field.child("on").error("must be greater than 0") }
        return cycling
    }

    private static func patientRange(_ field: YAMLField) throws(InputError) -> PatientRange {
        try field.rejectUnknownKeys(patientRangeFields)
        return PatientRange(
            min: try field.child("min").quantity(Nanoamps.self), max: try field.child("max").quantity(Nanoamps.self))
    }
}
