import Testing

@testable import StimSafety

// Fixture literals are written in display units as decimal text, exactly as a profile or a program
// would write them, so that no binary rounding sits between the test and the value it means.

/// Parses a hand-written fixture literal; a typo in a test is a bug in the test, so it stops the run.
func literal<Quantity: FixedPoint>(_ text: String, as _: Quantity.Type = Quantity.self) -> Quantity {
    do {
        return try Quantity(parsing: text)
    } catch {
        fatalError("fixture literal '\(text)' does not parse as \(Quantity.unitSymbol): \(error)")
    }
}

func mA(_ text: String) -> Nanoamps { literal(text) }
func us(_ text: String) -> Nanoseconds { literal(text) }
func hz(_ text: String) -> Millihertz { literal(text) }
func ohms(_ text: String) -> Milliohms { literal(text) }
func volts(_ text: String) -> Millivolts { literal(text) }
func mm2(_ text: String) -> SquareMicrometers { literal(text) }
func microcoulombsPerCm2(_ text: String) -> ChargeDensity { literal(text) }
func percent(_ text: String) -> Percent { literal(text) }
func seconds(_ text: String) -> Milliseconds { literal(text) }

/// A contact map written like a program's: `["1": "-100", "2": "100", "case": "0"]`, order kept.
func contacts(_ map: KeyValuePairs<String, String>) -> [ContactShare] {
    map.map { ContactShare(ContactID(key: $0.key), percent($0.value)) }
}

/// Contact 1 the cathode, contact 2 the anode: the configuration of the worked examples.
let bipolar = contacts(["1": "-100", "2": "100"])

/// Measured impedances written as `["1": "1000", "case": "120"]` in ohms.
func measured(_ map: KeyValuePairs<String, String>) -> MeasuredImpedances {
    var table: [ContactID: Milliohms] = [:]
    for (key, value) in map { table[ContactID(key: key)] = ohms(value) }
    return MeasuredImpedances(table)
}

/// A tonic program in display-unit literals; every other field is a parameter with a plain default.
func tonic(
    _ amplitude: String, _ pulseWidth: String = "300", at frequency: String = "50",
    contacts map: [ContactShare] = bipolar, recovery: Recovery = .active, interphaseGap: String? = nil,
    patientRange: (min: String, max: String)? = nil
) -> StimProgram {
    StimProgram(
        amplitude: mA(amplitude), pulseWidth: us(pulseWidth), rate: .frequency(hz(frequency)), contacts: map,
        recovery: recovery, interphaseGap: interphaseGap.map(us),
        patientRange: patientRange.map { PatientRange(min: mA($0.min), max: mA($0.max)) })
}

/// A burst program in display-unit literals.
func burst(
    _ amplitude: String, _ pulseWidth: String, at frequency: String, pulses: Int?, intraBurst: String?,
    contacts map: [ContactShare] = bipolar, recovery: Recovery = .passive, cycling: Cycling? = nil
) -> StimProgram {
    StimProgram(
        amplitude: mA(amplitude), pulseWidth: us(pulseWidth), rate: .frequency(hz(frequency)), waveform: .burst,
        pulsesPerBurst: pulses, intraBurstRate: intraBurst.map(hz), contacts: map, recovery: recovery,
        cycling: cycling)
}

/// A high-frequency program in display-unit literals.
func highFrequency(
    _ amplitude: String, _ pulseWidth: String, at frequency: String, contacts map: [ContactShare] = bipolar
) -> StimProgram {
    StimProgram(
        amplitude: mA(amplitude), pulseWidth: us(pulseWidth), rate: .frequency(hz(frequency)),
        waveform: .highFrequency, contacts: map)
}

/// Rounds to `places` decimals, for comparing metrics with the figures printed in the spec.
func rounded(_ value: Double?, places: Int) -> Double? {
    guard let value else { return nil }
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    return (value * scale).rounded() / scale
}
