import Testing

@testable import StimSafety

/// One configuration of the envelope comparison: a device, a configuration and a sub-grid.
struct EnvelopeCase: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var limits: DeviceLimits = .tonic16
    var configuration: EnvelopeConfiguration
    var pulseWidths: [String] = ["20", "100", "300", "350", "490", "700", "1000"]
    var rates: [String] = ["2", "50", "130", "500", "1000", "1200"]

    static let densityReject = DeviceLimits.tonic16.with {
        $0.chargeDensity = ChargeDensityLimits(warn: microcoulombsPerCm2("30"), reject: microcoulombsPerCm2("40"))
        $0.shannon = ShannonLimits(warn: 2, reject: nil)
    }
    static let tinyRechargeable = DeviceLimits.tonic16.with {
        $0.battery = BatteryModel(kind: .rechargeable, capacity: 20)
    }

    static let all: [EnvelopeCase] = [
        EnvelopeCase(testDescription: "bipolar", configuration: EnvelopeConfiguration(contacts: bipolar)),
        EnvelopeCase(
            testDescription: "fractional −60/−40/+100",
            configuration: EnvelopeConfiguration(contacts: contacts(["1": "-60", "2": "-40", "3": "100"]))),
        EnvelopeCase(
            testDescription: "fractional with an anode on the other lead",
            configuration: EnvelopeConfiguration(contacts: contacts(["4": "-100", "12": "70", "13": "30"]))),
        EnvelopeCase(
            testDescription: "with the case as anode, measured at 1.5 kΩ",
            configuration: EnvelopeConfiguration(
                contacts: contacts(["1": "-100", "case": "100"]), impedances: measured(["case": "1500"]))),
        EnvelopeCase(
            testDescription: "with measured impedances",
            configuration: EnvelopeConfiguration(
                contacts: contacts(["1": "-50", "2": "-50", "3": "100"]),
                impedances: measured(["1": "2000", "2": "900", "3": "1400"]))),
        EnvelopeCase(
            testDescription: "passive with cycling and a wider gap",
            configuration: EnvelopeConfiguration(
                contacts: bipolar, recovery: .passive, interphaseGap: us("50"),
                cycling: Cycling(on: seconds("10"), off: seconds("20")))),
        EnvelopeCase(
            testDescription: "burst, passive, 5 pulses at 500 Hz",
            configuration: EnvelopeConfiguration(
                contacts: bipolar, waveform: .burst, recovery: .passive, pulsesPerBurst: 5,
                intraBurstRate: hz("500")),
            rates: ["1", "20", "40", "60"]),
        EnvelopeCase(
            testDescription: "burst, active, 7 pulses at 1000 Hz",
            configuration: EnvelopeConfiguration(
                contacts: bipolar, waveform: .burst, recovery: .active, pulsesPerBurst: 7,
                intraBurstRate: hz("1000")),
            rates: ["1", "20", "60"]),
        EnvelopeCase(
            testDescription: "high frequency",
            configuration: EnvelopeConfiguration(contacts: bipolar, waveform: .highFrequency),
            pulseWidths: ["20", "30", "40", "100"], rates: ["1500", "5000", "10000"]),
        EnvelopeCase(
            testDescription: "a charge-density reject limit and Shannon warn at 2", limits: densityReject,
            configuration: EnvelopeConfiguration(contacts: bipolar)),
        EnvelopeCase(
            testDescription: "a 20 mAh rechargeable cell, where the battery binds", limits: tinyRechargeable,
            configuration: EnvelopeConfiguration(contacts: contacts(["1": "-100", "2": "50", "3": "50"]))),
        EnvelopeCase(
            testDescription: "the battery binding, with the rates in no order", limits: tinyRechargeable,
            configuration: EnvelopeConfiguration(contacts: contacts(["1": "-100", "2": "50", "3": "50"])),
            rates: ["500", "2", "1200", "50", "1000", "130", "50"]),
        EnvelopeCase(
            testDescription: "the piecewise device", limits: .piecewise,
            configuration: EnvelopeConfiguration(
                contacts: contacts(["1": "-100", "2": "100"]), impedances: measured(["1": "1800"])),
            pulseWidths: ["40", "100", "300", "510", "720"], rates: ["4", "40", "100"]),
        EnvelopeCase(
            testDescription: "the piecewise device's primary cell binding",
            limits: DeviceLimits.piecewise.with {
                $0.battery = BatteryModel(kind: .primary, capacity: 200, minimumLongevityYears: 3)
            },
            configuration: EnvelopeConfiguration(contacts: contacts(["1": "-50", "2": "-50", "5": "100"])),
            pulseWidths: ["40", "200", "720"], rates: ["4", "60", "100"]),
    ]
}

@Suite("Safe envelope")
struct SafeEnvelopeTests {
    @Test("The envelope equals a brute-force walk of every amplitude through validate", arguments: EnvelopeCase.all)
    func envelopeEqualsBruteForce(_ row: EnvelopeCase) throws {
        let widths = row.pulseWidths.map(us)
        let rates = row.rates.map { Rate.frequency(hz($0)) }
        let envelope = try row.limits.safeEnvelope(for: row.configuration, pulseWidths: widths, rates: rates)
        let reference = BruteForceEnvelope(row.limits, row.configuration, pulseWidths: widths, rates: rates)
        let cells = envelope.cells
        for index in cells.errorFree.indices {
            let label = "\(widths[index / rates.count]) at \(rates[index % rates.count])"
            #expect(cells.errorFree[index] == reference.errorFree[index], "no errors, \(label)")
            #expect(cells.warningFree[index] == reference.warningFree[index], "no warnings, \(label)")
        }
        // The comparison means something only when the bounds vary over the sub-grid.
        #expect(Set(reference.errorFree + reference.warningFree).count > 2)
    }

    @Test("Cells whose pulse does not fit the period are empty")
    func timingFailingCellsAreEmpty() throws {
        let envelope = try DeviceLimits.tonic16.safeEnvelope(
            for: EnvelopeConfiguration(contacts: bipolar), pulseWidths: [us("1000"), us("400")],
            rates: [.frequency(hz("500")), .frequency(hz("1200"))])
        // 2020 µs in a 2000 µs period, 2020 and 820 µs in 833.3 µs: empty. 820 µs in 2000 µs: not empty.
        #expect(envelope.maxAmplitude(row: 0, column: 0) == nil)
        #expect(envelope.maxAmplitudeWithoutWarnings(row: 0, column: 0) == nil)
        #expect(envelope.maxAmplitude(row: 0, column: 1) == nil)
        #expect(envelope.maxAmplitude(row: 1, column: 1) != nil)
        #expect(envelope.maxAmplitude(row: 1, column: 0) != nil)
    }

    @Test("Cells at a pulse width or rate the device cannot set are empty, as validate would reject them")
    func offGridCellsAreEmpty() throws {
        let widths = [us("10"), us("25"), us("300"), us("1010")]
        let rates = [Rate.frequency(hz("1")), .frequency(hz("50")), .frequency(hz("50.5")), .frequency(hz("1300"))]
        let configuration = EnvelopeConfiguration(contacts: bipolar)
        let envelope = try DeviceLimits.tonic16.safeEnvelope(for: configuration, pulseWidths: widths, rates: rates)
        let reference = BruteForceEnvelope(.tonic16, configuration, pulseWidths: widths, rates: rates)
        #expect(envelope.cells.errorFree == reference.errorFree)
        #expect(envelope.cells.warningFree == reference.warningFree)
    }

    @Test("The bipolar tonic-16 bounds at 300 µs and 50 Hz are the Shannon k bounds of domain-reference §3.4")
    func knownBounds() throws {
        let envelope = try DeviceLimits.tonic16.safeEnvelope(
            for: EnvelopeConfiguration(contacts: bipolar), pulseWidths: [us("300")], rates: [.frequency(hz("50"))])
        // k = 1.85 allows 9.8 mA at 300 µs, k = 1.5 allows 6.6 mA less one step (6.5 mA on the grid).
        #expect(envelope.maxAmplitude(row: 0, column: 0) == mA("9.8"))
        #expect(envelope.maxAmplitudeWithoutWarnings(row: 0, column: 0) == mA("6.5"))
    }

    @Test("By default the envelope spans every pulse width and rate of the waveform's grids")
    func defaultGridIsTheDevicesGrid() throws {
        let envelope = try DeviceLimits.tonic16.safeEnvelope(for: EnvelopeConfiguration(contacts: bipolar))
        #expect(envelope.pulseWidths.count == 99)
        #expect(envelope.rates.count == 1199)
        #expect(envelope.pulseWidths.first == us("20"))
        #expect(envelope.rates.last == .frequency(hz("1200")))
        let burstEnvelope = try DeviceLimits.tonic16.safeEnvelope(
            for: EnvelopeConfiguration(
                contacts: bipolar, waveform: .burst, pulsesPerBurst: 5, intraBurstRate: hz("500")))
        #expect(burstEnvelope.rates.count == 60)
    }

    @Test(
        "A configuration no amplitude can make safe throws the rule ids that fail",
        arguments: [
            (EnvelopeConfiguration(contacts: contacts(["1": "-100", "17": "100"])), ["contacts.unknown"]),
            (EnvelopeConfiguration(contacts: contacts(["1": "-100", "2": "90"])), ["contacts.polarity"]),
            (EnvelopeConfiguration(contacts: contacts(["1": "-100"])), ["contacts.polarity"]),
            (EnvelopeConfiguration(contacts: bipolar, impedances: measured(["2": "100"])), ["impedance"]),
            (
                EnvelopeConfiguration(
                    contacts: bipolar, waveform: .burst, pulsesPerBurst: 9, intraBurstRate: hz("500")),
                ["burst.range"]
            ),
            (EnvelopeConfiguration(contacts: bipolar, waveform: .burst), ["burst.range"]),
            (
                EnvelopeConfiguration(
                    contacts: contacts(["1": "-100", "x": "100"]), impedances: measured(["1": "5000"])),
                ["contacts.unknown", "impedance"]
            ),
        ])
    func configurationErrorsThrow(_ configuration: EnvelopeConfiguration, _ expected: [String]) {
        #expect {
            _ = try DeviceLimits.tonic16.safeEnvelope(
                for: configuration, pulseWidths: [us("300")], rates: [.frequency(hz("50"))])
        } throws: { error in
            guard let rejection = error as? EnvelopeRejection else { return false }
            return Set(ids(rejection.findings.map(\.rule))) == Set(expected)
                && rejection.findings.allSatisfy { $0.severity == .error }
        }
    }

    @Test("An unsupported waveform or a case the device lacks is a configuration error")
    func deviceSpecificConfigurationErrors() {
        #expect(throws: EnvelopeRejection.self) {
            try DeviceLimits.piecewise.safeEnvelope(
                for: EnvelopeConfiguration(contacts: bipolar, waveform: .highFrequency), pulseWidths: [us("100")],
                rates: [.frequency(hz("10000"))])
        }
        #expect(throws: EnvelopeRejection.self) {
            try DeviceLimits.piecewise.safeEnvelope(
                for: EnvelopeConfiguration(contacts: contacts(["1": "-100", "case": "100"])), pulseWidths: [us("100")],
                rates: [.frequency(hz("40"))])
        }
    }
}
