import Foundation
import RecordingFormat
import StimSafety

/// Merges full and sparse StimLog and DeviceSettings records into the running ``RCSState``: a block
/// a record carries replaces what it names, and what it does not name stays as it was.
///
/// Raw device units are decoded (amplitude in 0.1 mA, pulse width in 10 µs, rate as a period in
/// 10 µs) and the derived values written beside them are checked against them; the raw value wins.
struct RCSRecordMerger {
    private(set) var state = RCSState()
    private(set) var notes: [ImportNote] = []
    private var record: RCSRecord?

    mutating func merge(_ record: RCSRecord) {
        self.record = record
        defer { self.record = nil }
        if let status = record.value["therapyStatusData"] ?? record.value["GeneralData"]?["therapyStatusData"] {
            mergeStatus(status)
        }
        for group in 0..<4 {
            if let block = record.value["TherapyConfigGroup\(group)"] { mergeGroup(block, group: group) }
            if let limits = record.value["AmplitudeLimitsGroup\(group)"] { mergeAmplitudeLimits(limits, group: group) }
        }
    }

    private mutating func mergeStatus(_ status: JSONValue) {
        if let group = status["activeGroup"]?.integer {
            if (0..<4).contains(group) {
                state.activeGroup = group
            } else {
                note(.impossible, "activeGroup \(group) is not a group (0–3 for A–D); ignored")
            }
        }
        if let therapy = status["therapyStatus"]?.integer {
            if RCSState.therapyStatusNames.indices.contains(therapy) {
                state.therapyStatus = therapy
            } else {
                note(.impossible, "therapyStatus \(therapy) is not a status (0–5); ignored")
            }
        }
    }

    /// The range a block's `lower` and `upper` limits give; nil when either is missing, and a note
    /// when they are the wrong way round (`what` names them in it).
    private mutating func limits<Quantity: FixedPoint>(
        _ block: JSONValue, _ lower: String, _ upper: String, _: Quantity.Type, what: String
    ) -> ClosedRange<Quantity>? {
        guard let low = block[lower]?.quantity(Quantity.self), let high = block[upper]?.quantity(Quantity.self)
        else { return nil }
        guard low <= high else {
            note(.impossible, "\(what) lower limit \(low) is above the upper limit \(high)")
            return nil
        }
        return low...high
    }

    private mutating func mergeGroup(_ block: JSONValue, group: Int) {
        let name = "group \(DeviceGroup.letter(group))"
        if let raw = block["ratePeriod"]?.integer {
            let (period, overflow) = Int64(raw).multipliedReportingOverflow(by: 10_000)
            if raw > 0, !overflow {
                state.groups[group].period = Nanoseconds(rawValue: period)
                if let hertz = block["RateInHz"], Self.agrees(hertz, with: 100_000 / Double(raw)) == false {
                    note(
                        .mismatch,
                        "\(name): RateInHz \(Self.describe(hertz)) is not the raw ratePeriod \(raw) (\(raw * 10) µs, "
                            + "\(Self.text(100_000 / Double(raw))) Hz); the raw period is used")
                }
            } else {
                note(.impossible, "\(name): ratePeriod \(raw) is not a period; ignored")
            }
        } else if block["RateInHz"] != nil {
            note(.missing, "\(name): RateInHz without the raw ratePeriod; the rate is taken only from ratePeriod")
        }
        if let limits = limits(
            block, "pulseWidthLowerLimitInMicroseconds", "pulseWidthUpperLimitInMicroseconds", Nanoseconds.self,
            what: "\(name): pulse-width")
        {
            state.groups[group].pulseWidthLimits = limits
        }
        if let limits = limits(
            block, "rateLowerLimitInHz", "rateUpperLimitInHz", Millihertz.self, what: "\(name): rate")
        {
            state.groups[group].rateLimits = limits
        }
        if let cycling = block["cyclingEnabled"]?.flag { state.groups[group].isCycling = cycling }
        let programs = block["programs"]?.elements
        for program in 0..<4 {
            let value = programs.flatMap { program < $0.count ? $0[program] : nil } ?? block["program\(program)"]
            if let value { mergeProgram(value, group: group, program: program) }
        }
    }

    private mutating func mergeProgram(_ value: JSONValue, group: Int, program: Int) {
        let name = "group \(DeviceGroup.letter(group)) program \(program)"
        var current = state.groups[group].programs[program]
        if let amplitude = decode(
            value, raw: "amplitude", derived: "AmplitudeInMilliamps", unit: Nanoamps(rawValue: 100_000),
            unitName: "0.1 mA", name: name)
        {
            current.amplitude = amplitude
        }
        if let pulseWidth = decode(
            value, raw: "pulseWidth", derived: "PulseWidthInMicroseconds", unit: Nanoseconds(rawValue: 10_000),
            unitName: "10 µs", name: name)
        {
            current.pulseWidth = pulseWidth
        }
        if let enabled = value["isEnabled"]?.integer {
            switch enabled {
            case 0: current.isEnabled = true
            case 131: current.isEnabled = false
            default:
                note(.impossible, "\(name): isEnabled \(enabled) is neither 0 (enabled) nor 131 (disabled); ignored")
            }
        }
        if let electrodes = value["electrodes"], let contacts = RCSElectrodes.contacts(electrodes) {
            current.contacts = contacts
        }
        if let ratio = value["miscSettings"]?["activeRechargeRatio"]?.integer {
            current.recovery = ratio > 0 ? .active : .passive
        }
        state.groups[group].programs[program] = current
    }

    /// The raw value in device units, checked against the derived value beside it; the derived value
    /// alone when the raw one is missing.
    private mutating func decode<Q: FixedPoint>(
        _ value: JSONValue, raw rawName: String, derived derivedName: String, unit: Q, unitName: String, name: String
    ) -> Q? {
        let derived = value[derivedName]
        guard let raw = value[rawName]?.integer else {
            guard let derived, let decoded = derived.quantity(Q.self) else { return nil }
            note(.reading, "\(name): no raw \(rawName); \(derivedName) \(decoded) used")
            return decoded
        }
        guard raw >= 0 else {
            note(.impossible, "\(name): \(rawName) \(raw) is negative; ignored")
            return nil
        }
        let (product, overflow) = Int64(raw).multipliedReportingOverflow(by: unit.rawValue)
        guard !overflow else {
            note(.impossible, "\(name): \(rawName) \(raw) × \(unitName) is beyond any setting; ignored")
            return nil
        }
        let decoded = Q(rawValue: product)
        if let derived, Self.agrees(derived, with: decoded.doubleValue) == false {
            note(
                .mismatch,
                "\(name): \(derivedName) \(Self.describe(derived)) is not the raw \(rawName) \(raw) × \(unitName) = "
                    + "\(decoded); the raw value is used")
        }
        return decoded
    }

    private mutating func mergeAmplitudeLimits(_ block: JSONValue, group: Int) {
        for program in 0..<4 {
            guard let lower = block["prog\(program)LowerInMilliamps"]?.quantity(Nanoamps.self),
                let upper = block["prog\(program)UpperInMilliamps"]?.quantity(Nanoamps.self)
            else { continue }
            if lower <= upper {
                state.groups[group].programs[program].amplitudeLimits = PatientRange(min: lower, max: upper)
            } else {
                note(
                    .impossible,
                    "group \(DeviceGroup.letter(group)) program \(program): amplitude lower limit \(lower) is above "
                        + "the upper limit \(upper); ignored")
            }
        }
    }

    private mutating func note(_ kind: ImportNote.Kind, _ message: String) {
        guard let record else { return }
        notes.append(ImportNote(kind, file: record.file.name, record: record.index, time: record.hostTime, message))
    }

    /// Whether a derived value agrees with the value the raw one gives: equal once the raw one is
    /// rounded to the decimals the derived one is written with (7 Hz beside a period of 14288 × 10 µs,
    /// 6.99888 Hz, agrees; 4.45 mA beside a raw 45 does not). Nil for a value that is not a number.
    static func agrees(_ derived: JSONValue, with exact: Double) -> Bool? {
        guard case .number(let text) = derived, let written = Double(text) else { return nil }
        guard !text.contains(where: { $0 == "e" || $0 == "E" }) else {
            return abs(written - exact) <= 1e-9 * max(1, abs(exact))
        }
        let decimals = text.split(separator: ".").dropFirst().first?.count ?? 0
        let scale = pow(10, Double(decimals))
        return (exact * scale).rounded() == (written * scale).rounded()
    }

    private static func describe(_ value: JSONValue) -> String {
        if case .number(let text) = value { return text }
        return value.typeName
    }

    /// A number as a person writes it: `7`, `6.99888`.
    static func text(_ value: Double) -> String {
        var text = String(format: "%.5f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
