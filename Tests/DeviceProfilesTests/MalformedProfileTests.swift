import DeviceProfiles
import Foundation
import Testing

@Suite("Malformed profiles")
struct MalformedProfileTests {
    /// One edit of the minimal profile that makes it invalid, and where the error must point.
    struct Case: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var find: String
        var replace: String
        var field: String
        var fragment: String

        init(_ name: String, _ find: String, _ replace: String, field: String, says fragment: String) {
            testDescription = name
            self.find = find
            self.replace = replace
            self.field = field
            self.fragment = fragment
        }
    }

    static let battery = "battery: {kind: rechargeable, capacity: 300}"

    static let cases: [Case] = [
        Case(
            "min above max", "{min: 0, max: 10, step: 0.1}", "{min: 20, max: 10, step: 0.1}",
            field: "amplitude.min", says: "must not be greater than max"),
        Case(
            "a zero step", "max: 10, step: 0.1", "max: 10, step: 0", field: "amplitude.step",
            says: "must be greater than 0"),
        Case(
            "a step that does not divide the range", "max: 10, step: 0.1", "max: 10, step: 0.3",
            field: "amplitude.step", says: "must divide the range"),
        Case(
            "a piecewise step that does not divide its piece", "{min: 0, max: 10, step: 0.1}",
            "{min: 0, max: 10, step: [{upTo: 2, step: 0.03}, {upTo: 10, step: 0.05}]}",
            field: "amplitude.step[0].step", says: "must divide its piece"),
        Case(
            "a piecewise grid that ends before max", "{min: 0, max: 10, step: 0.1}",
            "{min: 0, max: 10, step: [{upTo: 2, step: 0.025}, {upTo: 6, step: 0.05}]}",
            field: "amplitude.max", says: "must equal the last piece's upTo"),
        Case(
            "a step finer than the unit resolves", "max: 10, step: 0.1", "max: 10, step: 0.0000001",
            field: "amplitude.step", says: "decimal places"),
        Case(
            "a contact on two leads", "contacts: [5, 6, 7, 8]", "contacts: [4, 6, 7, 8]",
            field: "leads[1].contacts[0]", says: "already on lead A"),
        Case(
            "a negative area", "[5, 6, 7, 8], areaMM2: 12.25", "[5, 6, 7, 8], areaMM2: -3",
            field: "leads[1].areaMM2", says: "must be greater than 0 (got -3)"),
        Case(
            "a zero area", "[5, 6, 7, 8], areaMM2: 12.25", "[5, 6, 7, 8], areaMM2: 0",
            field: "leads[1].areaMM2", says: "must be greater than 0"),
        Case("two leads with one name", "{name: B,", "{name: A,", field: "leads[1].name", says: "already named"),
        Case(
            "a charge density warn above reject", battery,
            battery + "\nlimits: {chargeDensity: {warn: 40, reject: 35}}",
            field: "limits.chargeDensity.warn", says: "must not be greater than reject"),
        Case(
            "a Shannon warn above reject", battery, battery + "\nlimits: {shannonK: {warn: 2.0, reject: 1.85}}",
            field: "limits.shannonK.warn", says: "must not be greater than reject"),
        Case(
            "a short threshold not below nominal", "impedance: {nominal: 800}",
            "impedance: {nominal: 800, short: 800}", field: "impedance.short", says: "must be below nominal"),
        Case(
            "a nominal impedance not below open", "impedance: {nominal: 800}",
            "impedance: {nominal: 800, open: 700}", field: "impedance.open", says: "must be above nominal"),
        Case(
            "a nominal impedance above the default open threshold", "impedance: {nominal: 800}",
            "impedance: {nominal: 5000}", field: "impedance", says: "default open threshold"),
        Case(
            "an unknown top-level key", "complianceVoltage: 12", "complianceVoltag: 12",
            field: "complianceVoltag", says: "did you mean 'complianceVoltage'?"),
        Case(
            "an unknown key in a lead", "areaMM2: 12.25}\n  - {name: B", "area: 12.25}\n  - {name: B",
            field: "leads[0].area", says: "unknown field 'area'"),
        Case(
            "an unknown waveform", "  tonic: {min: 2", "  sine: {min: 2", field: "frequency.sine",
            says: "unknown waveform 'sine'"),
        Case(
            "a number where a mapping belongs", "amplitude: {min: 0, max: 10, step: 0.1}", "amplitude: 5",
            field: "amplitude", says: "must be a mapping"),
        Case(
            "a mapping where a number belongs", "interphaseGap: 20", "interphaseGap: {value: 20}",
            field: "interphaseGap", says: "must be a number, not a mapping"),
        Case(
            "a number where true or false belongs", battery, battery + "\ncaseElectrode: 3",
            field: "caseElectrode", says: "must be true or false"),
        Case(
            "text where a number belongs", "max: 1000, step: 10", "max: lots, step: 10", field: "pulseWidth.max",
            says: "must be a number (got 'lots')"),
        Case(
            "a quoted number", "max: 1000, step: 10", "max: \"1000\", step: 10", field: "pulseWidth.max",
            says: "must be a number"),
        Case(
            "a negative gap", "interphaseGap: 20", "interphaseGap: -5", field: "interphaseGap",
            says: "must not be negative"),
        Case(
            "a missing required field", "complianceVoltage: 12\n", "", field: "complianceVoltage",
            says: "is required"),
        Case(
            "a null required field", "complianceVoltage: 12", "complianceVoltage: null", field: "complianceVoltage",
            says: "is required"),
        Case(
            "burst pulses with min above max", "  tonic: {min: 2, max: 1200, step: 1}",
            "  burst: {min: 1, max: 60, step: 1, pulsesPerBurst: {min: 7, max: 2}, "
                + "intraBurstRate: {min: 250, max: 1000, step: 10}}",
            field: "frequency.burst.pulsesPerBurst.min", says: "must not be greater than max"),
        Case(
            "both a step and a period step", "{min: 2, max: 1200, step: 1}",
            "{min: 2, max: 250, step: 1, periodStep: 10}", field: "frequency.tonic.step",
            says: "together with periodStep"),
        Case(
            "a fraction step that does not divide 100", battery, battery + "\nfractionStep: 3",
            field: "fractionStep", says: "must divide 100"),
        Case(
            "a longevity minimum on a rechargeable battery", "capacity: 300}",
            "capacity: 300, minimumLongevityYears: 5}", field: "battery.minimumLongevityYears",
            says: "only to a primary battery"),
        Case(
            "an unknown battery kind", "kind: rechargeable", "kind: nuclear", field: "battery.kind",
            says: "must be rechargeable or primary"),
        Case(
            "an efficiency above 1", "capacity: 300}", "capacity: 300, efficiency: 1.5}",
            field: "battery.efficiency", says: "must be at most 1"),
        Case(
            "a USB id that does not fit 16 bits", battery, battery + "\nusb: {vendorId: 0x1209, productId: 0x12345}",
            field: "usb.productId", says: "from 0 to 0xFFFF"),
        Case(
            "a voltage-controlled output", battery, battery + "\noutput: voltage", field: "output",
            says: "must be 'current'"),
        Case(
            "a headroom at the compliance voltage", battery, battery + "\nheadroom: 12", field: "headroom",
            says: "must be below complianceVoltage"),
        Case("an id with spaces", "id: test-device", "id: test device", field: "id", says: "must use only"),
        Case(
            "a slot group beyond the program slots", battery,
            battery + "\nprograms: 4\ngroups: [{name: A, slots: [1, 5]}]", field: "groups[0].slots",
            says: "within 1…4"),
        Case(
            "a slot group from slot 0", battery, battery + "\nprograms: 4\ngroups: [{name: A, slots: [0, 2]}]",
            field: "groups[0].slots[0]", says: "must be greater than 0 (got 0)"),
        Case(
            "a slot group from a negative slot", battery,
            battery + "\nprograms: 4\ngroups: [{name: A, slots: [-1, 2]}]", field: "groups[0].slots[0]",
            says: "must be greater than 0 (got -1)"),
        Case(
            "two slot groups sharing a slot", battery,
            battery + "\nprograms: 8\ngroups: [{name: A, slots: [1, 4]}, {name: B, slots: [4, 8]}]",
            field: "groups[1].slots", says: "overlaps the slots of group 'A'"),
        Case(
            "a slot group wider than the device", battery,
            battery + "\nprograms: 4\ngroups: [{name: A, slots: [1, 4], pulseWidth: {min: 10, max: 200, step: 10}}]",
            field: "groups[0].pulseWidth", says: "within the device's pulse widths"),
        Case(
            "a slot group rate beyond the device's", battery,
            battery + "\nprograms: 4\ngroups: [{name: A, slots: [1, 4], frequency: {min: 2, max: 2000, step: 1}}]",
            field: "groups[0].frequency", says: "within the rates"),
        Case(
            "256 program slots, one more than a byte numbers from 1", battery, battery + "\nprograms: 256",
            field: "programs", says: "must be at most 255: a slot travels as one byte and 0 means no slot (got 256)"),
        Case("no program slot", battery, battery + "\nprograms: 0", field: "programs", says: "must be greater than 0"),
        Case(
            "a negative number of program slots", battery, battery + "\nprograms: -1", field: "programs",
            says: "must be greater than 0 (got -1)"),
        Case(
            "a lead geometry of no known kind", battery, battery + "\ngeometry: {kind: helical, diameter: 1}",
            field: "geometry.kind", says: "'helical' is not one of: percutaneous, paddle"),
        Case(
            "a lead diameter of zero", battery,
            battery + "\ngeometry: {kind: percutaneous, diameter: 0, contactLength: 3, spacing: 4}",
            field: "geometry.diameter", says: "must be greater than 0 (got 0)"),
        Case(
            "a negative contact spacing", battery,
            battery + "\ngeometry: {kind: percutaneous, diameter: 1.3, contactLength: 3, spacing: -1}",
            field: "geometry.spacing", says: "must be greater than 0 (got -1)"),
        Case(
            "a percutaneous lead given a pad's width", battery,
            battery + "\ngeometry: {kind: percutaneous, contactWidth: 2, contactLength: 3, spacing: 4}",
            field: "geometry.contactWidth", says: "unknown field 'contactWidth'"),
        Case(
            "a lead geometry without its spacing", battery,
            battery + "\ngeometry: {kind: percutaneous, diameter: 1.3, contactLength: 3}", field: "geometry.spacing",
            says: "is required"),
        Case(
            "a paddle with more columns than leads", battery,
            battery + "\ngeometry: {kind: paddle, rows: 4, columns: 3, contactLength: 3, contactWidth: 2, "
                + "spacing: 1, columnSpacing: 1}", field: "geometry.columns",
            says: "must equal the number of leads, each a column of the paddle (2)"),
        Case(
            "a paddle whose rows do not match a lead", battery,
            battery + "\ngeometry: {kind: paddle, rows: 5, columns: 2, contactLength: 3, contactWidth: 2, "
                + "spacing: 1, columnSpacing: 1}", field: "geometry.rows", says: "lead A has 4 contacts, not 5"),
        Case(
            "a number of program slots beyond 64 bits", battery, battery + "\nprograms: 99999999999999999999",
            field: "programs", says: "must be a whole number"),
    ]

    @Test("A malformed profile is refused with its file and field path", arguments: cases)
    func malformedProfileIsRefused(testCase: Case) throws {
        let yaml = minimalProfile.replacingOccurrences(of: testCase.find, with: testCase.replace)
        try #require(yaml != minimalProfile, "the edit must apply to the minimal profile")
        let error = try #require(throws: InputError.self) {
            try DeviceProfile(yaml: yaml, path: "Devices/x.yaml")
        }
        #expect(error.file == "Devices/x.yaml")
        #expect(error.field == testCase.field)
        #expect(error.message.contains(testCase.fragment), "\(error)")
        let line = try #require(error.line)
        let column = try #require(error.column)
        #expect(error.description.hasPrefix("Devices/x.yaml:\(line):\(column): \(testCase.field): "))
    }

    @Test("The minimal profile the cases edit is itself valid")
    func minimalProfileIsValid() throws {
        let profile = try DeviceProfile(yaml: minimalProfile, path: "Devices/x.yaml")
        #expect(profile.id == "test-device")
    }

    @Test("A negative area reads exactly as the docs' example message, with its line and column")
    func negativeAreaMessage() throws {
        let yaml = minimalProfile.replacingOccurrences(
            of: "[5, 6, 7, 8], areaMM2: 12.25", with: "[5, 6, 7, 8], areaMM2: -3")
        let error = try #require(throws: InputError.self) { try DeviceProfile(yaml: yaml, path: "Devices/x.yaml") }
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.contains("areaMM2: -3") })
        let column = try #require(lines[line].range(of: "-3")).lowerBound.utf16Offset(in: lines[line]) + 1
        #expect(
            error.description
                == "Devices/x.yaml:\(line + 1):\(column): leads[1].areaMM2: must be greater than 0 (got -3)")
    }

    @Test("Bad YAML syntax names the file and the line")
    func badSyntaxNamesFileAndLine() throws {
        let yaml = minimalProfile.replacingOccurrences(of: "interphaseGap: 20", with: "interphaseGap: [20")
        let error = try #require(throws: InputError.self) { try DeviceProfile(yaml: yaml, path: "Devices/x.yaml") }
        #expect(error.field.isEmpty)
        let line = try #require(error.line)
        #expect(error.description.hasPrefix("Devices/x.yaml:\(line): "))
        #expect(error.message.contains("YAML syntax error"))
    }

    @Test("A key given twice in one mapping is refused with its line")
    func duplicateKeyIsRefused() throws {
        let yaml = minimalProfile + "interphaseGap: 30\n"
        let error = try #require(throws: InputError.self) { try DeviceProfile(yaml: yaml, path: "Devices/x.yaml") }
        #expect(error.message.contains("duplicate key 'interphaseGap'"))
        #expect(error.line != nil)
    }

    @Test("An empty file is refused with a message naming the file")
    func emptyFileIsRefused() throws {
        let error = try #require(throws: InputError.self) { try DeviceProfile(yaml: "", path: "Devices/x.yaml") }
        #expect(error.description.hasPrefix("Devices/x.yaml: "))
        #expect(error.message.contains("empty"))
    }
}
