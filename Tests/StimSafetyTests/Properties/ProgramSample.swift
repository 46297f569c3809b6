import PropertyBased

@testable import StimSafety

/// A random program with its context, drawn for one of a few devices; mostly settable values, with
/// enough off-grid, out-of-range and malformed inputs to reach every rule.
struct ProgramSample: Sendable, CustomStringConvertible {
    var deviceName: String
    var program: StimProgram
    var context: ValidationContext

    var limits: DeviceLimits { SampledDevice.named(deviceName).limits }

    var description: String {
        let contacts = program.contacts.map { "\($0.contact): \($0.percent.decimalText)" }.joined(separator: ", ")
        return "\(deviceName): \(program.amplitude), \(program.pulseWidth), \(program.rate) \(program.waveform)"
            + " pulses \(program.pulsesPerBurst.map(String.init) ?? "-") intra \(program.intraBurstRate.map(\.description) ?? "-")"
            + " [\(contacts)] \(program.recovery) gap \(program.interphaseGap.map(\.description) ?? "-")"
            + " cycling \(program.cycling.map { "\($0.on)/\($0.off)" } ?? "-")"
            + " range \(program.patientRange.map { "\($0.min)…\($0.max)" } ?? "-")"
            + " running \(context.runningAmplitude.map(\.description) ?? "-") ack \(context.acknowledged.rules)"
    }

    /// Random samples over the devices of `SampledDevice.all`.
    static let generator = Generator<ProgramSample, Shrink.None<ProgramSample>> { rng in
        ProgramSample.random(using: &rng)
    }

    static func random(using rng: inout some RandomNumberGenerator) -> ProgramSample {
        let device = SampledDevice.all.randomElement(using: &rng)!
        let limits = device.limits
        var draw = Draw(rng: rng)
        defer { rng = draw.rng }
        let waveform =
            draw.chance(0.9)
            ? limits.waveforms.supported.randomElement(using: &draw.rng)! : draw.pick(Waveform.allCases)
        let amplitude = draw.value(near: device.amplitudes)
        var program = StimProgram(
            amplitude: amplitude,
            pulseWidth: draw.chance(0.5)
                ? draw.value(near: Array(device.pulseWidths.prefix(12))) : draw.value(near: device.pulseWidths),
            rate: .frequency(draw.value(near: device.rates[waveform] ?? [hz("50"), hz("1000"), hz("10000")])),
            waveform: waveform, contacts: draw.contacts(on: device),
            recovery: draw.pick(Recovery.allCases))
        if waveform == .burst {
            program.pulsesPerBurst = draw.chance(0.95) ? Int.random(in: 1...8, using: &draw.rng) : nil
            program.intraBurstRate = draw.chance(0.95) ? draw.value(near: device.intraBurstRates) : nil
        }
        if draw.chance(0.15) { program.interphaseGap = us(String(10 * Int.random(in: 0...10, using: &draw.rng))) }
        if draw.chance(0.25) {
            program.cycling = Cycling(
                on: seconds(String(Int.random(in: 1...60, using: &draw.rng))),
                off: seconds(String(Int.random(in: 0...120, using: &draw.rng))))
        }
        if draw.chance(0.3) {
            let low =
                draw.chance(0.9)
                ? min(amplitude, draw.value(near: device.amplitudes)) : draw.value(near: device.amplitudes)
            let high =
                draw.chance(0.9)
                ? max(amplitude, draw.value(near: device.amplitudes)) : draw.value(near: device.amplitudes)
            program.patientRange = PatientRange(min: low, max: high)
        }
        var context = ValidationContext()
        if draw.chance(0.3) {
            var table: [ContactID: Milliohms] = [:]
            for share in program.contacts where draw.chance(0.6) {
                table[share.contact] = Milliohms(units: Int64.random(in: 150...5000, using: &draw.rng))
            }
            context.impedances = MeasuredImpedances(table)
        }
        if draw.chance(0.2) { context.runningAmplitude = draw.value(near: device.amplitudes) }
        context.acknowledged = RuleSet(rawValue: UInt32.random(in: 0...UInt32.max, using: &draw.rng) & 0x00FF_FFFF)
        return ProgramSample(deviceName: device.name, program: program, context: context)
    }
}

/// Random choices over one generator, biased toward settable values.
struct Draw<Source: RandomNumberGenerator> {
    var rng: Source

    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < probability }

    mutating func pick<Element>(_ elements: [Element]) -> Element { elements.randomElement(using: &rng)! }

    /// Mostly a grid value; sometimes a value just off it, or beyond either end of it.
    mutating func value<Quantity: FixedPoint>(near values: [Quantity]) -> Quantity {
        let value = pick(values)
        let step = values.count > 1 ? values[1].rawValue - values[0].rawValue : 1
        switch Int.random(in: 0..<100, using: &rng) {
        case 0..<88: return value
        case 88..<93: return Quantity(rawValue: value.rawValue + Int64.random(in: 1..<max(2, step), using: &rng))
        case 93..<96: return Quantity(rawValue: values[0].rawValue - step * Int64.random(in: 1...3, using: &rng))
        default:
            return Quantity(rawValue: values[values.count - 1].rawValue + step * Int64.random(in: 1...3, using: &rng))
        }
    }

    /// 2–5 distinct keys, mostly lead contacts with sums of ∓100 on a 5 % step.
    mutating func contacts(on device: SampledDevice) -> [ContactShare] {
        var pool = device.limits.leads.flatMap(\.contacts).map(ContactID.lead)
        if chance(0.1) { pool.append(.can) }
        if chance(0.03) { pool.append(.lead(99)) }
        if chance(0.03) { pool.append(.unrecognized("x")) }
        pool.shuffle(using: &rng)
        let keys = Array(pool.prefix(Int.random(in: 2...5, using: &rng)))
        let cathodes = Int.random(in: 1..<keys.count, using: &rng)
        let shares = split(cathodes).map { -$0 } + split(keys.count - cathodes)
        var map = zip(keys, shares).map { ContactShare($0, Percent(units: Int64($1))) }
        if chance(0.05) { map[0].percent = Percent(rawValue: map[0].percent.rawValue + 500) }
        if chance(0.05) { map.append(ContactShare(pick(pool), .zero)) }
        return map
    }

    /// 100 split into `parts` positive multiples of 5.
    private mutating func split(_ parts: Int) -> [Int] {
        var cuts = Set<Int>()
        while cuts.count < parts - 1 { cuts.insert(5 * Int.random(in: 1...19, using: &rng)) }
        let bounds = [0] + cuts.sorted() + [100]
        return zip(bounds.dropFirst(), bounds).map { $0 - $1 }
    }
}
