import Testing

@testable import SCSCommands

/// The two classes of unclear number errors of issue 17: a negative number given as a separate
/// argument, and more decimals than a flag or the device's step takes.
@Suite("messages about numbers given as flags")
struct NumericFlagMessageTests {
    static let program = ["--amplitude", "4", "--pulse-width", "300", "--frequency", "50", "--contacts", "2-,3+"]

    @Test(
        "a negative number after a long option is joined to it, and nothing else changes",
        arguments: [
            (["--amplitude", "-1"], ["--amplitude=-1"]),
            (["--speed", "-.5", "--json"], ["--speed=-.5", "--json"]),
            (["--patient-range", "-2-6"], ["--patient-range=-2-6"]),
            (["--amplitude=-1", "-2"], ["--amplitude=-1", "-2"]),
            (["--amplitude", "-x"], ["--amplitude", "-x"]),
            (["--amplitude", "-", "1"], ["--amplitude", "-", "1"]),
            (["-h", "-1"], ["-h", "-1"]),
            (["--", "--days", "-1"], ["--", "--days", "-1"]),
            (
                ["--device", "x", "--", "scs", "--amplitude", "-1"],
                ["--device", "x", "--", "scs", "--amplitude", "-1"]
            ),
        ])
    func attached(arguments: [String], expected: [String]) {
        #expect(NegativeOptionValues.attached(arguments) == expected)
    }

    @Test(
        "a negative number given as a separate argument is judged as the option's value",
        arguments: [
            (
                [
                    "validate", "--device", "tonic-16", "--amplitude", "-1", "--pulse-width", "300", "--frequency",
                    "50",
                    "--contacts", "2-,3+",
                ], "error: --amplitude: must not be negative (got -1 mA)"
            ),
            (
                [
                    "validate", "--device", "tonic-16", "--amplitude", "4", "--pulse-width", "-300", "--frequency",
                    "50",
                    "--contacts", "2-,3+",
                ], "error: --pulse-width: must not be negative (got -300 µs)"
            ),
            (
                [
                    "validate", "--device", "tonic-16", "--amplitude", "4", "--pulse-width", "300", "--frequency",
                    "-50",
                    "--contacts", "2-,3+",
                ], "error: --frequency: must not be negative (got -50 Hz)"
            ),
            (
                ["validate", "--device", "tonic-16"] + program + ["--patient-range", "-2-6"],
                "error: --patient-range: must not be negative (got -2-6)"
            ),
            (
                ["validate", "--device", "tonic-16"] + program + ["--cycling", "-30/90"],
                "error: --cycling: must not be negative (got -30/90)"
            ),
            (
                ["validate", "--device", "tonic-16"] + program + ["--interphase-gap", "-20"],
                "error: --interphase-gap: must not be negative (got -20 µs)"
            ),
            (
                ["validate", "--device", "tonic-16"] + program + ["--pulses-per-burst", "-5"],
                "error: --pulses-per-burst: expected a whole number above 0 (got '-5')"
            ),
            (
                ["validate", "--device", "tonic-16"] + program + ["--slot", "-1"],
                "error: --slot: tonic-16 has slots 1…4 (got -1)"
            ),
            (
                ["envelope", "--device", "tonic-16", "--contacts", "2-,3+", "--pulse-widths", "-300"],
                "error: --pulse-widths: must not be negative (got -300 µs)"
            ),
            (
                ["simulate", "--device", "tonic-16", "--days", "-2", "--out", "/tmp/never.scsrec.jsonl"],
                "error: --days: must be from 1 to 36525 (100 years) (got -2)"
            ),
            (
                ["replay", "Package.swift", "--target", "simulator", "--speed", "-1"],
                "error: --speed: -1 is outside 0.001 to 1000000"
            ),
        ])
    func negativeSeparateArgument(arguments: [String], message: String) throws {
        let result = try SCSProcess.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
        #expect(!result.stderr.contains("Missing value"))
    }

    @Test("--slot 0 and a slot beyond the device's are refused with its range", arguments: ["0", "5"])
    func slotOutsideTheDevice(slot: String) throws {
        let result = try SCSProcess.run(["validate", "--device", "tonic-16"] + Self.program + ["--slot", slot])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: --slot: tonic-16 has slots 1…4 (got \(slot))"), "\(result.stderr)")
    }

    @Test("a negative amplitude in a session script's write line is judged as the amplitude")
    func negativeInSessionScript() throws {
        let script = try temporaryFile(
            "write 1 --amplitude -1 --pulse-width 300 --frequency 50 --contacts 2-,3+\n", name: "negative.session")
        let result = try SCSProcess.run(["session", "--device", "tonic-16", "--script", script])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains("\(script):1: --amplitude: must not be negative (got -1 mA)"), "\(result.stderr)")
    }

    @Test(
        "more decimals than a flag takes names the flag and its resolution, not a range",
        arguments: [
            ("--amplitude", "4.555555555555555555555555", "at most 6 decimal places (0.000001 mA)"),
            ("--amplitude", "4.5555555", "at most 6 decimal places (0.000001 mA)"),
            ("--pulse-width", "300.0001", "at most 3 decimal places (0.001 µs)"),
        ])
    func moreDecimalsThanTheFlagTakes(flag: String, value: String, resolution: String) throws {
        var arguments = ["validate", "--device", "tonic-16"] + Self.program
        let index = try #require(arguments.firstIndex(of: flag))
        arguments[index + 1] = value
        let result = try SCSProcess.run(arguments)
        #expect(result.status == 2)
        #expect(
            result.stderr == "error: \(flag): \(value) has more decimals than \(flag) takes: \(resolution)\n",
            "\(result.stderr)")
    }

    @Test("more decimals than the device's step is a step finding that says so")
    func moreDecimalsThanTheDeviceStep() throws {
        var arguments = ["validate", "--device", "tonic-16"] + Self.program
        arguments[4] = "4.55555"
        let result = try SCSProcess.run(arguments)
        #expect(result.status == 1)
        #expect(result.stdout.contains("amplitude 4.55555 mA has more decimals than the device's 0.1 mA step"))
    }
}
