import DeviceProfiles
import StimSafety

/// Reads a program (the fields of `safety-rules.md` §1) from a YAML or JSON mapping.
///
/// Required: `amplitude` (mA), `pulseWidth` (µs), `frequency` (Hz) or `period` (µs, for devices that
/// quantise rates as periods), `contacts`. Optional: `waveform` (tonic), `pulsesPerBurst`,
/// `intraBurstRate`, `recovery` (active), `interphaseGap`, `cycling {on, off}` in s,
/// `patientRange {min, max}` in mA. Unknown fields are an error: a misspelt limit must not vanish.
package enum ProgramDecoder {
    static let fields = [
        "amplitude", "pulseWidth", "frequency", "period", "waveform", "pulsesPerBurst", "intraBurstRate",
        "contacts", "recovery", "interphaseGap", "cycling", "patientRange",
    ]
    /// The fields of `cycling`.
    static let cyclingFields = ["on", "off"]
    /// The fields of `patientRange`.
    static let patientRangeFields = ["min", "max"]

    /// Reads the program of `field` for a device with `limits`.
    package static func decode(_ field: YAMLField, limits: DeviceLimits) throws(InputError) -> StimProgram {
        let fields = try field.mapping(allowing: Self.fields)
        var program = StimProgram(
            amplitude: try fields.required("amplitude").quantity(Nanoamps.self),
            pulseWidth: try fields.required("pulseWidth").quantity(Nanoseconds.self),
            rate: try rate(fields),
            waveform: try fields.optional("waveform")?.choice(Waveform.self) ?? .tonic,
            contacts: try contacts(fields.required("contacts"), limits: limits))
        if let node = fields.optional("pulsesPerBurst") { program.pulsesPerBurst = try node.integer(.positive) }
        if let node = fields.optional("intraBurstRate") { program.intraBurstRate = try node.quantity(Millihertz.self) }
        if let node = fields.optional("recovery") { program.recovery = try node.choice(Recovery.self) }
        if let node = fields.optional("interphaseGap") { program.interphaseGap = try node.quantity(Nanoseconds.self) }
        if let node = fields.optional("cycling") { program.cycling = try cycling(node) }
        if let node = fields.optional("patientRange") { program.patientRange = try patientRange(node) }
        return program
    }

    private static func rate(_ fields: YAMLField) throws(InputError) -> Rate {
        switch (fields.optional("frequency"), fields.optional("period")) {
        case (.some, .some(let period)): throw period.error("give either frequency or period, not both")
        case (nil, nil): throw fields.child("frequency").error("is required (or give period in µs)")
        case (let frequency?, nil): return .frequency(try frequency.quantity(Millihertz.self, .positive))
        case (nil, let period?): return .period(try period.quantity(Nanoseconds.self, .positive))
        }
    }

    /// A contact map `{"1": -100, "2": 100, "case": 0}`; keys are kept as written.
    ///
    /// A map longer than the device's contacts (every lead contact and the case) is refused before its
    /// entries are read: it cannot be a program for this device, and a huge one would only cost time.
    private static func contacts(_ field: YAMLField, limits: DeviceLimits) throws(InputError) -> [ContactShare] {
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
            shares.append(ContactShare(contact, try value.quantity(Percent.self, .any)))
        }
        guard !shares.isEmpty else { throw field.error("no contacts given") }
        return shares
    }

    private static func cycling(_ field: YAMLField) throws(InputError) -> Cycling {
        let fields = try field.mapping(allowing: cyclingFields)
        return Cycling(
            on: try fields.required("on").quantity(Milliseconds.self, .positive),
            off: try fields.required("off").quantity(Milliseconds.self))
    }

    private static func patientRange(_ field: YAMLField) throws(InputError) -> PatientRange {
        let fields = try field.mapping(allowing: patientRangeFields)
        return PatientRange(
            min: try fields.required("min").quantity(Nanoamps.self),
            max: try fields.required("max").quantity(Nanoamps.self))
    }
}
