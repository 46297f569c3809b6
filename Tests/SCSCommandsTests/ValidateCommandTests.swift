import Foundation
import Testing

@Suite("scs validate")
struct ValidateCommandTests {
    let bipolar = ["--device", "tonic-16", "--pulse-width", "300", "--frequency", "50", "--contacts", "1-,2+"]

    @Test func aRejectedProgramPrintsEveryReasonWithItsNumbersAndExitsOne() throws {
        let result = try SCSProcess.run(
            [
                "validate", "--device", "tonic-16", "--amplitude", "10", "--pulse-width", "500", "--frequency", "50",
                "--contacts", "1-,2+",
            ])
        #expect(result.status == 1)
        try expectGolden(result.stdout, "validate-worked-example-2.txt")
    }

    @Test func aWarningBlocksSendingUntilItsExactIdIsAcknowledged() throws {
        let unacknowledged = try SCSProcess.run(["validate", "--amplitude", "7", "--json"] + bipolar)
        #expect(unacknowledged.status == 1)
        try expectGolden(unacknowledged.stdout, "validate-worked-example-3.json")
        let wrongID = try SCSProcess.run(
            ["validate", "--amplitude", "7", "--acknowledge", "patientRange.shannon"] + bipolar)
        #expect(wrongID.status == 1)
        let acknowledged = try SCSProcess.run(["validate", "--amplitude", "7", "--acknowledge", "shannon"] + bipolar)
        #expect(acknowledged.status == 0)
        #expect(acknowledged.stdout.contains("may be sent (warnings acknowledged)"))
        // Several ids separated by commas, as a session's write takes them.
        let listed = try SCSProcess.run(
            ["validate", "--amplitude", "7", "--acknowledge", "chargeDensity,shannon"] + bipolar)
        #expect(listed.status == 0)
    }

    @Test func anAcceptedProgramExitsZeroWithItsMetrics() throws {
        let result = try SCSProcess.run(["validate", "--amplitude", "5", "--json"] + bipolar)
        #expect(result.status == 0)
        let json = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["verdict"] as? String == "accepted")
        let metrics = try #require(json["metrics"] as? [String: Any])
        #expect(metrics["chargePerPhase"] as? Double == 1.5)
        #expect((metrics["maxChargeDensity"] as? Double).map { abs($0 - 12.2449) < 0.001 } == true)
    }

    @Test func aProgramFileAndAnImpedanceFileGiveTheWorkedExampleFour() throws {
        let program = try temporaryFile(
            "amplitude: 12\npulseWidth: 300\nfrequency: 50\ncontacts: {\"1\": -100, \"2\": 100}\n", name: "p.yaml")
        let impedance = try temporaryFile("{\"1\": 1000}", name: "z.json")
        let result = try SCSProcess.run(
            ["validate", "--device", "tonic-16", "--program", program, "--impedance", impedance, "--json"])
        #expect(result.status == 1)
        let json = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let rules = Set((json["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String })
        #expect(rules == ["shannon", "compliance"])
    }

    @Test func contactsThatDoNotExistOrDoNotSumAreSafetyFindingsNotBadInput() throws {
        let unknown = try SCSProcess.run(
            [
                "validate", "--device", "tonic-16", "--amplitude", "3", "--pulse-width", "200", "--frequency", "40",
                "--contacts", "17-,2+", "--json",
            ])
        #expect(unknown.status == 1)
        #expect(unknown.stdout.contains("\"contacts.unknown\""))
        let sums = try SCSProcess.run(
            [
                "validate", "--device", "tonic-16", "--amplitude", "3", "--pulse-width", "200", "--frequency", "40",
                "--contacts", "1-60,2-30,3+", "--json",
            ])
        #expect(sums.status == 1)
        #expect(sums.stdout.contains("\"contacts.polarity\""))
    }

    static let badInputs: [(arguments: [String], mentions: String)] = [
        (
            [
                "--device", "no-such-device", "--amplitude", "5", "--pulse-width", "300", "--frequency", "50",
                "--contacts", "1-,2+",
            ], "no-such-device"
        ),
        (
            [
                "--device", "tonic-16", "--amplitude", "five", "--pulse-width", "300", "--frequency", "50",
                "--contacts", "1-,2+",
            ], "--amplitude"
        ),
        (
            [
                "--device", "tonic-16", "--amplitude=-5", "--pulse-width", "300", "--frequency", "50",
                "--contacts", "1-,2+",
            ], "negative"
        ),
        (
            [
                "--device", "tonic-16", "--amplitude", "5", "--pulse-width", "300", "--frequency", "0",
                "--contacts", "1-,2+",
            ], "--frequency"
        ),
        (
            [
                "--device", "tonic-16", "--amplitude", "5", "--pulse-width", "300", "--frequency", "50",
                "--contacts", "1*,2+",
            ], "--contacts"
        ),
        (["--device", "tonic-16", "--amplitude", "5", "--pulse-width", "300", "--frequency", "50"], "--contacts"),
        (["--device", "tonic-16", "--program", "/no/such/program.yaml"], "/no/such/program.yaml"),
        (
            [
                "--device", "tonic-16", "--amplitude", "5", "--pulse-width", "300", "--frequency", "50",
                "--contacts", "1-,2+", "--acknowledge", "Shannon",
            ], "Shannon"
        ),
        (
            [
                "--device", "tonic-16", "--amplitude", "5", "--pulse-width", "300", "--frequency", "50",
                "--contacts", "1-,2+", "--waveform", "sine",
            ], "sine"
        ),
    ]

    @Test(arguments: badInputs)
    func badInputGetsOneClearMessageAndExitTwo(arguments: [String], mentions: String) throws {
        let result = try SCSProcess.run(["validate"] + arguments)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(mentions))
        #expect(!result.stderr.contains("Fatal error"))
    }

    static let malformedFiles: [(text: String, mentions: String)] = [
        ("amplitude: 5\npulseWidth: 300\nfrequency: 50\n", "contacts"),
        (
            "amplitude: 5\npulseWidth: 300\nfrequency: 50\ncontacts: {\"1\": -100, \"2\": 100}\npulsewidth: 3\n",
            "pulsewidth"
        ),
        ("amplitude: \"5\"\npulseWidth: 300\nfrequency: 50\ncontacts: {\"1\": -100, \"2\": 100}\n", "amplitude"),
        ("amplitude: 5\npulseWidth: -300\nfrequency: 50\ncontacts: {\"1\": -100, \"2\": 100}\n", "pulseWidth"),
        ("amplitude: 5\npulseWidth: 300\nfrequency: 50\ncontacts: {\"1\": -100, \"2\": abc}\n", "contacts.2"),
        ("{\"amplitude\": 5, \"pulseWidth\": 300,", "line"),
        ("\u{0}\u{1}\u{2}binary", "program.yaml"),
    ]

    @Test(arguments: malformedFiles)
    func aMalformedProgramFileNamesTheFieldAndExitsTwo(text: String, mentions: String) throws {
        let file = try temporaryFile(text, name: "program.yaml")
        let result = try SCSProcess.run(["validate", "--device", "tonic-16", "--program", file])
        #expect(result.status == 2)
        #expect(result.stderr.contains(mentions))
        #expect(result.stderr.contains("program.yaml"))
    }

    @Test func anImpedanceFileNamingAContactTheDeviceLacksIsBadInput() throws {
        let impedance = try temporaryFile("{\"40\": 800}", name: "z.json")
        let result = try SCSProcess.run(["validate", "--amplitude", "5", "--impedance", impedance] + bipolar)
        #expect(result.status == 2)
        #expect(result.stderr.contains("40"))
    }

    /// A JSON program on tonic-16 whose contact map has contacts 1 and 2 as a bipole and `extra` more
    /// keys at 0 %: 3, 4, … and, from the 15th extra key on, the case and then contacts past 16.
    static func programWithContacts(extra: Int) -> String {
        var keys = ["\"1\": -100", "\"2\": 100"]
        for index in 0..<extra {
            let key = index < 14 ? String(index + 3) : index == 14 ? "case" : String(index + 2)
            keys.append("\"\(key)\": 0")
        }
        return "{\"amplitude\": 5, \"pulseWidth\": 300, \"frequency\": 50,\n \"contacts\": {"
            + keys.joined(separator: ", ") + "}}\n"
    }

    @Test(
        "A contact map longer than the device's 16 contacts and the case is bad input naming the count",
        arguments: [(15, nil), (16, 18), (60_000, 60_002)])
    func aContactMapLongerThanTheDeviceIsRefused(extra: Int, refusedCount: Int?) throws {
        let file = try temporaryFile(Self.programWithContacts(extra: extra), name: "program.json")
        let result = try SCSProcess.run(["validate", "--device", "tonic-16", "--program", file])
        if let refusedCount {
            #expect(result.status == 2)
            #expect(result.stdout.isEmpty)
            #expect(
                result.stderr
                    == "error: \(file):2:14: contacts: lists \(refusedCount) contacts, more than the device has "
                    + "(16 lead contacts and the case)\n")
        } else {
            #expect(result.status == 0, "\(result.stderr)")
        }
    }

    @Test func aProgramFileOverOneMebibyteIsRefusedUnread() throws {
        let padding = "# " + String(repeating: "x", count: 1 << 20) + "\n"
        let file = try temporaryFile(padding + Self.programWithContacts(extra: 0), name: "program.yaml")
        let result = try SCSProcess.run(["validate", "--device", "tonic-16", "--program", file])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(file): is larger than 1 MiB"), "\(result.stderr)")
    }

    @Test func anAliasInAProgramFileIsRefusedWithItsLine() throws {
        let text = "amplitude: &a 5\npulseWidth: 300\nfrequency: *a\ncontacts: {\"1\": -100, \"2\": 100}\n"
        let file = try temporaryFile(text, name: "program.yaml")
        let result = try SCSProcess.run(["validate", "--device", "tonic-16", "--program", file])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(file):3: uses the alias *a"), "\(result.stderr)")
    }
}
