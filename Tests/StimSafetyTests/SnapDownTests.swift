import Testing

@testable import StimSafety

/// Snap-down helpers: a value is brought down onto the grid, never up, and the change is reported.
@Suite("Snapping down onto device grids")
struct SnapDownTests {
    @Test(
        "Amplitudes snap down onto the 0.1 mA grid",
        arguments: [
            ("4.5004", "4.5"), ("4.5", "4.5"), ("4.59", "4.5"), ("0.09", "0"), ("25.6", "25.5"), ("100", "25.5"),
            ("0", "0"),
        ])
    func amplitudeOnUniformGrid(_ given: String, _ expected: String) {
        let snapped = DeviceLimits.tonic16.snapDown(amplitude: mA(given))
        #expect(snapped.value == mA(expected))
        #expect(snapped.changed == (given != expected))
        #expect(snapped.original == mA(given))
    }

    @Test(
        "Amplitudes snap down onto the piecewise grid, by 0.025 mA below 2 mA and 0.05 mA above",
        arguments: [
            ("1.99", "1.975"), ("2.0", "2"), ("2.03", "2"), ("2.049", "2"), ("2.07", "2.05"), ("5.999", "5.95"),
            ("6.2", "6"), ("0.024", "0"),
        ])
    func amplitudeOnPiecewiseGrid(_ given: String, _ expected: String) {
        #expect(DeviceLimits.piecewise.snapDown(amplitude: mA(given)).value == mA(expected))
    }

    @Test("A value below the grid's minimum has nothing to snap down to")
    func belowMinimumGivesNil() {
        let amplitude = DeviceLimits.tonic16.snapDown(amplitude: mA("-0.1"))
        #expect(amplitude.value == nil)
        #expect(amplitude.changed)
        #expect(DeviceLimits.tonic16.snapDown(pulseWidth: us("19.999")).value == nil)
        #expect(DeviceLimits.tonic16.snapDown(rate: .frequency(hz("1.5")), waveform: .tonic).value == nil)
    }

    @Test("Pulse widths and frequencies snap down onto their grids")
    func pulseWidthAndFrequency() {
        let limits = DeviceLimits.tonic16
        #expect(limits.snapDown(pulseWidth: us("130.3")).value == us("130"))
        #expect(limits.snapDown(pulseWidth: us("1010")).value == us("1000"))
        #expect(limits.snapDown(pulseWidth: us("20")).changed == false)
        #expect(limits.snapDown(rate: .frequency(hz("5.5")), waveform: .tonic).value == .frequency(hz("5")))
        #expect(limits.snapDown(rate: .frequency(hz("1550")), waveform: .highFrequency).value == .frequency(hz("1500")))
        #expect(limits.snapDown(rate: .frequency(hz("50")), waveform: .burst).value == .frequency(hz("50")))
        // A 1500 µs period is 666.67 Hz: down to 666 Hz.
        #expect(limits.snapDown(rate: .period(us("1500")), waveform: .tonic).value == .frequency(hz("666")))
        #expect(DeviceLimits.piecewise.snapDown(rate: .frequency(hz("50")), waveform: .burst).value == nil)
    }

    @Test("On a period grid the period snaps up, which is the frequency snapped down")
    func periodGridSnapsThePeriodUp() throws {
        let limits = DeviceLimits.periodGrid
        // 7 Hz is 142 857.14 µs: the next 10 µs multiple up is 142 860 µs, 6.9998 Hz.
        let seven = try #require(limits.snapDown(rate: .frequency(hz("7")), waveform: .tonic).value)
        #expect(seven == .period(us("142860")))
        #expect(seven.hertz <= 7)
        #expect(limits.snapDown(rate: .frequency(hz("100")), waveform: .tonic).value == .period(us("10000")))
        #expect(limits.snapDown(rate: .period(us("10005")), waveform: .tonic).value == .period(us("10010")))
        // Above the fastest rate the shortest allowed period is taken; below the slowest there is none.
        #expect(limits.snapDown(rate: .frequency(hz("600")), waveform: .tonic).value == .period(us("2000")))
        #expect(limits.snapDown(rate: .frequency(hz("1.9")), waveform: .tonic).value == nil)
    }

    @Test("A rate snapped onto a period grid is one the validator accepts")
    func periodSnapIsAccepted() throws {
        let limits = DeviceLimits.periodGrid
        for frequency in ["2", "7", "33.3", "130", "499.9", "500"] {
            let rate = try #require(limits.snapDown(rate: .frequency(hz(frequency)), waveform: .tonic).value)
            var program = tonic("1", "100")
            program.rate = rate
            let validation = limits.validate(program)
            #expect(validation.findings(for: .frequencyRange).isEmpty, "\(frequency) Hz → \(rate)")
            #expect(validation.findings(for: .frequencyStep).isEmpty, "\(frequency) Hz → \(rate)")
        }
    }

    @Test("A program snaps every grid field down and lists what changed")
    func programSnapReportsChanges() throws {
        let program = StimProgram(
            amplitude: mA("4.5004"), pulseWidth: us("130.3"), rate: .frequency(hz("5.5")), contacts: bipolar,
            patientRange: PatientRange(min: mA("1"), max: mA("6.09")))
        let (snapped, changes) = try #require(DeviceLimits.tonic16.snapDown(program))
        #expect(snapped.amplitude == mA("4.5"))
        #expect(snapped.pulseWidth == us("130"))
        #expect(snapped.rate == .frequency(hz("5")))
        #expect(snapped.patientRange == PatientRange(min: mA("1"), max: mA("6")))
        #expect(changes.map(\.field) == ["amplitude", "pulseWidth", "frequency", "patientRange.max"])
        #expect(changes[0].from == "4.5004 mA")
        #expect(changes[0].to == "4.5 mA")
        #expect(DeviceLimits.tonic16.validate(snapped).verdict == .accepted)
    }

    @Test("A program already on the grids snaps to itself with no changes")
    func onGridProgramIsUnchanged() throws {
        let program = burst("0.6", "1000", at: "40", pulses: 5, intraBurst: "500")
        let (snapped, changes) = try #require(DeviceLimits.tonic16.snapDown(program))
        #expect(snapped == program)
        #expect(changes.isEmpty)
    }

    @Test("A burst's intra-burst rate snaps down too")
    func intraBurstRateSnaps() throws {
        let (snapped, changes) = try #require(
            DeviceLimits.tonic16.snapDown(burst("0.6", "1000", at: "40", pulses: 5, intraBurst: "505")))
        #expect(snapped.intraBurstRate == hz("500"))
        #expect(changes.map(\.field) == ["intraBurstRate"])
    }

    @Test("A program with a value below its grid cannot be snapped: it is never rounded up")
    func programBelowGridIsNotSnapped() {
        let limits = DeviceLimits.tonic16
        #expect(limits.snapDown(tonic("1", "10")) == nil)
        #expect(limits.snapDown(tonic("-1")) == nil)
        #expect(limits.snapDown(tonic("1", at: "1")) == nil)
        #expect(limits.snapDown(tonic("1", patientRange: ("-0.5", "2"))) == nil)
        #expect(limits.snapDown(burst("1", "300", at: "40", pulses: 5, intraBurst: "200")) == nil)
        #expect(DeviceLimits.piecewise.snapDown(burst("1", "300", at: "40", pulses: 5, intraBurst: "500")) == nil)
    }

    @Test("Snapping never raises a value", arguments: ["0.0001", "1.23456", "2.0249", "3.333333", "5.97", "7"])
    func snappingNeverRaises(_ given: String) throws {
        for limits in [DeviceLimits.tonic16, .piecewise] {
            let snapped = try #require(limits.snapDown(amplitude: mA(given)).value)
            #expect(snapped <= mA(given))
            #expect(limits.amplitude.allows(snapped))
            if let next = limits.amplitude.stepUp(from: snapped) { #expect(next > mA(given)) }
        }
    }
}
