import StimSafety

/// Turns the YAML tree of one profile into a checked ``DeviceProfile``, or the first problem found.
///
/// The fields are those of `docs/device-profiles.md` §1. Every check of its §2 runs here, at load
/// time, so the rules never meet an inverted range, a zero step or an unordered threshold.
enum ProfileParser {
    /// Reads a whole profile from its root node.
    static func profile(from root: YAMLField) throws(InputError) -> DeviceProfile {
        if root.isNull {
            throw root.error("the file is empty; a profile is a mapping of fields such as 'id' and 'amplitude'")
        }
        let fields = try root.mapping(.profile)
        let id = try identifier(fields.required("id"))
        var name = id
        if let node = fields.optional("name") { name = try node.text() }
        var modeledOn = ""
        if let node = fields.optional("modeledOn") { modeledOn = try node.text() }
        let output = try output(fields.optional("output"))
        var programs = 1
        if let node = fields.optional("programs") {
            programs = try node.integer(.positive)
            guard programs <= DeviceProfile.maximumPrograms else {
                throw node.error(
                    "must be at most \(DeviceProfile.maximumPrograms): a slot travels as one byte and 0 means "
                        + "no slot (got \(programs))")
            }
        }

        var limits = try deviceLimits(fields)
        if let node = fields.optional("groups") {
            limits.groups = try slotGroups(node, limits: limits, programs: programs)
        }
        var usb: USBIdentity?
        if let node = fields.optional("usb") { usb = try usbIdentity(node) }
        var profile = DeviceProfile(
            id: id, name: name, modeledOn: modeledOn, output: output, programs: programs, usb: usb,
            sourcePath: root.file, limits: limits)
        if let node = fields.optional("geometry") { profile.geometry = try leadGeometry(node, leads: limits.leads) }
        return profile
    }

    /// Everything the rules need, from the top-level fields.
    private static func deviceLimits(_ fields: YAMLField) throws(InputError) -> DeviceLimits {
        let amplitude: Grid<Nanoamps> = try grid(fields.required("amplitude"), bound: .nonNegative)
        let pulseWidth: Grid<Nanoseconds> = try grid(fields.required("pulseWidth"), bound: .positive)
        let waveforms = try waveformRates(fields.required("frequency"))
        let interphaseGap: Nanoseconds = try fields.required("interphaseGap").quantity()
        var passiveRecoveryMin: Nanoseconds?
        if let node = fields.optional("passiveRecoveryMin") { passiveRecoveryMin = try node.quantity() }

        let leads = try leads(fields.required("leads"))
        var caseElectrode = false
        if let node = fields.optional("caseElectrode") { caseElectrode = try node.boolean() }
        var maxActiveContacts = leads.reduce(0) { $0 + $1.contacts.count } + (caseElectrode ? 1 : 0)
        if let node = fields.optional("maxActiveContacts") {
            maxActiveContacts = try node.integer(.positive)
            if maxActiveContacts < 2 {
                throw node.error("must be at least 2, a cathode and an anode (got \(maxActiveContacts))")
            }
        }
        var fractionStep = Percent(units: 1)
        if let node = fields.optional("fractionStep") {
            fractionStep = try node.quantity(Percent.self, .positive)
            if Percent.whole.rawValue % fractionStep.rawValue != 0 {
                throw node.error("must divide 100 % so that cathodes can sum to 100 (got \(fractionStep.decimalText))")
            }
        }

        let electrical = try electricalLimits(fields)
        let (chargeDensity, shannon, slew) = try safetyLimits(fields.optional("limits"))
        let battery = try batteryModel(fields.required("battery"), complianceVoltage: electrical.compliance)

        return DeviceLimits(
            amplitude: amplitude, pulseWidth: pulseWidth, waveforms: waveforms, interphaseGap: interphaseGap,
            passiveRecoveryMin: passiveRecoveryMin, maxActiveContacts: maxActiveContacts, fractionStep: fractionStep,
            caseElectrode: caseElectrode, leads: leads, currentPerContactMax: electrical.currentPerContactMax,
            complianceVoltage: electrical.compliance, headroom: electrical.headroom, impedance: electrical.impedance,
            chargeDensity: chargeDensity, shannon: shannon, amplitudeSlewMax: slew, battery: battery)
    }

    /// An id is used on the command line and in recordings, so it is restricted to a safe alphabet.
    private static func identifier(_ node: YAMLField) throws(InputError) -> String {
        let id = try node.text()
        let allowed = id.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                true
            default: false
            }
        }
        guard allowed else {
            throw node.error("must use only letters, digits, '-', '_' and '.' (got '\(id)')")
        }
        return id
    }

    private static func output(_ node: YAMLField?) throws(InputError) -> DeviceProfile.Output {
        guard let node else { return .current }
        let text = try node.text()
        guard let output = DeviceProfile.Output(rawValue: text) else {
            throw node.error("must be 'current'; voltage-controlled output is not supported (got '\(text)')")
        }
        return output
    }

    private static func usbIdentity(_ node: YAMLField) throws(InputError) -> USBIdentity {
        let fields = try node.mapping(.usb)
        let vendor = try fields.required("vendorId").uint16()
        let product = try fields.required("productId").uint16()
        return USBIdentity(vendorId: vendor, productId: product)
    }
}
