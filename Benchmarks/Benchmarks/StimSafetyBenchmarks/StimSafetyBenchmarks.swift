import Benchmark
import StimSafety

// The validation gate runs on every program the host sends and the device receives, so its fast entry
// point must stay allocation-free and far below a microsecond; the safe envelope backs an interactive
// table, so a whole device grid must take milliseconds. Time is measured here, never asserted by tests.

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock, .mallocCountTotal], scalingFactor: .kilo, maxDuration: .seconds(2),
        maxIterations: 100_000)

    let limits = Device.tonic16
    let programs: [(name: String, programs: [StimProgram])] = [
        ("tonic, 2 contacts", Programs.bipolarTonic),
        ("tonic, 16 contacts", Programs.fractionalTonic16),
        ("burst, 2 contacts", Programs.burst),
    ]

    for (name, pair) in programs {
        // Two programs alternate so that no call can be hoisted out of the loop as loop-invariant.
        Benchmark("maySend, \(name)") { benchmark in
            for iteration in benchmark.scaledIterations {
                blackHole(limits.maySend(pair[iteration & 1]))
            }
        }
        Benchmark("validate, \(name)") { benchmark in
            for iteration in benchmark.scaledIterations {
                blackHole(limits.validate(pair[iteration & 1]))
            }
        }
    }

    Benchmark(
        "safeEnvelope, tonic-16 bipolar, 99 × 1199 cells",
        configuration: .init(scalingFactor: .one, maxDuration: .seconds(3), maxIterations: 1000)
    ) { benchmark in
        let configuration = EnvelopeConfiguration(contacts: Programs.bipolar)
        for _ in benchmark.scaledIterations {
            do throws(EnvelopeRejection) {
                blackHole(try limits.safeEnvelope(for: configuration))
            } catch {
                benchmark.error("the bipolar configuration was rejected: \(error.findings.map(\.rule))")
            }
        }
    }
}

/// Decimal literals for the fixtures below; a typo is a bug in the benchmark, so it stops the run.
func value<Quantity: FixedPoint>(_ text: String) -> Quantity {
    do {
        return try Quantity(parsing: text)
    } catch {
        fatalError("benchmark literal '\(text)': \(error)")
    }
}

enum Device {
    /// The `tonic-16` profile, the device of `safety-rules.md` §4.
    static let tonic16 = DeviceLimits(
        amplitude: Grid(min: value("0"), max: value("25.5"), step: value("0.1")),
        pulseWidth: Grid(min: value("20"), max: value("1000"), step: value("10")),
        waveforms: WaveformRates(
            tonic: .frequency(Grid(min: value("2"), max: value("1200"), step: value("1"))),
            burst: BurstRates(
                burstRate: .frequency(Grid(min: value("1"), max: value("60"), step: value("1"))),
                pulsesPerBurst: 2...7, intraBurstRate: Grid(min: value("250"), max: value("1000"), step: value("10"))),
            highFrequency: .frequency(Grid(min: value("1500"), max: value("10000"), step: value("100")))),
        interphaseGap: value("20"), passiveRecoveryMin: nil, maxActiveContacts: 16, fractionStep: value("1"),
        caseElectrode: true,
        leads: [
            Lead(name: "A", contacts: Array(1...8), area: value("12.25")),
            Lead(name: "B", contacts: Array(9...16), area: value("12.25")),
        ],
        currentPerContactMax: value("12.7"), complianceVoltage: value("12"), headroom: value("1"),
        impedance: ImpedanceThresholds(nominal: value("800"), short: value("250"), open: value("4000")),
        chargeDensity: ChargeDensityLimits(warn: value("30"), reject: nil),
        shannon: ShannonLimits(warn: 1.5, reject: 1.85), amplitudeSlewMax: value("1"),
        battery: BatteryModel(kind: .rechargeable, capacity: 300))
}

enum Programs {
    static let bipolar = [ContactShare(.lead(1), value("-100")), ContactShare(.lead(2), value("100"))]

    /// Every contact of both leads: cathodes 1–8 and anodes 9–16 at 12 or 13 %.
    static let sixteen = (1...16).map { number in
        let share: Int64 = number % 2 == 0 ? 12 : 13
        return ContactShare(.lead(number), Percent(units: number <= 8 ? -share : share))
    }

    static func tonic(_ amplitude: String, contacts: [ContactShare]) -> StimProgram {
        StimProgram(
            amplitude: value(amplitude), pulseWidth: value("300"), rate: .frequency(value("50")), contacts: contacts)
    }

    static let bipolarTonic = [tonic("5", contacts: bipolar), tonic("4.5", contacts: bipolar)]
    static let fractionalTonic16 = [tonic("5", contacts: sixteen), tonic("4.5", contacts: sixteen)]
    static let burst = ["0.6", "0.5"].map { amplitude in
        StimProgram(
            amplitude: value(amplitude), pulseWidth: value("1000"), rate: .frequency(value("40")), waveform: .burst,
            pulsesPerBurst: 5, intraBurstRate: value("500"), contacts: bipolar, recovery: .passive,
            cycling: Cycling(on: value("30"), off: value("90")))
    }
}
