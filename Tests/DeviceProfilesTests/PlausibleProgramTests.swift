import DeviceProfiles
import StimSafety
import Testing

@Suite("Plausible programs on the shipped profiles")
struct PlausibleProgramTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var device: String
        var program: StimProgram
        var verdict: Verdict
        var rules: [String]
        var testDescription: String
    }

    static func cases() throws -> [Case] {
        let dosing = Cycling(on: Milliseconds(units: 30), off: Milliseconds(units: 90))
        let burstDR = StimProgram(
            amplitude: try mA("0.6"), pulseWidth: try us("1000"), rate: .frequency(try hz("40")), waveform: .burst,
            pulsesPerBurst: 5, intraBurstRate: try hz("500"), contacts: bipole(.lead(4), .lead(5)),
            recovery: .passive, cycling: dosing)
        var continuousBurstDR = burstDR
        continuousBurstDR.cycling = nil
        let tonic = StimProgram(
            amplitude: try mA("5"), pulseWidth: try us("300"), rate: .frequency(try hz("50")),
            contacts: bipole(.lead(10), .lead(11)))
        var gentlerTonic = tonic
        gentlerTonic.amplitude = try mA("4")
        return [
            Case(
                device: "tonic-16", program: tonic, verdict: .accepted, rules: [],
                testDescription: "tonic-16 accepts 5 mA, 300 µs, 50 Hz"),
            Case(
                device: "paddle-32", program: tonic, verdict: .acceptedWithWarnings, rules: ["shannon"],
                testDescription: "paddle-32 warns on shannon at 5 mA, 300 µs because its pads are small"),
            Case(
                device: "paddle-32", program: gentlerTonic, verdict: .accepted, rules: [],
                testDescription: "paddle-32 accepts 4 mA, 300 µs, 50 Hz"),
            Case(
                device: "burst-16-primary", program: burstDR, verdict: .accepted, rules: [],
                testDescription: "burst-16-primary accepts nominal BurstDR with 30 s on / 90 s off dosing"),
            Case(
                device: "burst-16-primary", program: continuousBurstDR, verdict: .acceptedWithWarnings,
                rules: ["battery"],
                testDescription: "burst-16-primary warns on longevity for continuous BurstDR (about 3 years)"),
            Case(
                device: "tonic-16", program: burstDR, verdict: .rejected, rules: ["waveform.supported"],
                testDescription: "tonic-16 rejects a burst waveform it does not offer"),
            Case(
                device: "hf10k-16",
                program: StimProgram(
                    amplitude: try mA("2.5"), pulseWidth: try us("30"), rate: .frequency(try hz("10000")),
                    waveform: .highFrequency, contacts: bipole(.lead(3), .lead(4)), recovery: .active),
                verdict: .accepted, rules: [], testDescription: "hf10k-16 accepts 10 kHz, 30 µs, 2.5 mA"),
            Case(
                device: "drg-4x4",
                program: StimProgram(
                    amplitude: try mA("0.825"), pulseWidth: try us("300"), rate: .frequency(try hz("20")),
                    contacts: bipole(.lead(1), .lead(2))),
                verdict: .accepted, rules: [], testDescription: "drg-4x4 accepts 0.825 mA, 300 µs, 20 Hz"),
            Case(
                device: "research-ins-16",
                program: StimProgram(
                    amplitude: try mA("3"), pulseWidth: try us("60"), rate: .period(try us("7680")),
                    contacts: bipole(.lead(0), .can)),
                verdict: .accepted, rules: [],
                testDescription: "research-ins-16 accepts 3 mA, 60 µs at a 7680 µs period against the case"),
        ]
    }

    @Test("Each shipped profile judges a plausible program sensibly", arguments: try cases())
    func plausibleProgram(testCase: Case) throws {
        let limits = try TestPaths.shippedCatalog().profile(id: testCase.device).limits
        let validation = limits.validate(testCase.program)
        #expect(validation.verdict == testCase.verdict, "\(validation.findings)")
        #expect(validation.ruleIDs.map(\.name) == testCase.rules)
    }
}
