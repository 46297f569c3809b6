import DeviceProfiles
import Foundation
import StimDevice
import StimProtocol
import Testing

@Suite("The key store file")
struct KeyStoreTests {
    @Test("reads back the same keys from the text it writes")
    func roundTrip() throws {
        var generator = SeededRandom(seed: 12)
        let keys = DeviceKeyStore.generate(using: &generator)
        let read = try DeviceKeyStore(fileContents: keys.fileContents)
        #expect(read.fileContents == keys.fileContents)
        let keyLines = keys.fileContents.split(separator: "\n").filter { !$0.hasPrefix("#") }.dropFirst()
        #expect(keyLines.map { String($0.split(separator: " ")[0]) } == Role.allCases.map(\.description))
        for line in keyLines {
            #expect(line.split(separator: " ")[1].count == 64)
        }
        #expect(keys.fileContents.contains("scs-keys 1\nclinician "))
    }

    @Test(
        "reports what is wrong with a bad file and on which line",
        arguments: [
            ("", nil, KeyStoreError.Reason.notAKeyFile),
            ("clinician 00", 1, .notAKeyFile),
            ("scs-keys 2", 1, .unsupportedVersion("2")),
            ("scs-keys 1\nclinician", 2, .malformedLine),
            ("scs-keys 1\nnurse 00112233445566778899aabbccddeeff", 2, .unknownRole("nurse")),
            ("scs-keys 1\npatient 0011223344556677889", 2, .invalidHex),
            ("scs-keys 1\npatient zz112233445566778899aabbccddeeff", 2, .invalidHex),
            ("scs-keys 1\n# comment\npatient 0011", 3, .keyTooShort(length: 2)),
            (
                "scs-keys 1\npatient 00112233445566778899aabbccddeeff\npatient 00112233445566778899aabbccddeeff", 3,
                .duplicateRole(.patient)
            ),
        ] as [(String, Int?, KeyStoreError.Reason)])
    func badFiles(_ text: String, _ line: Int?, _ reason: KeyStoreError.Reason) {
        #expect(throws: KeyStoreError(line: line, reason: reason)) { try DeviceKeyStore(fileContents: text) }
    }

    @Test("a role without a key cannot open a session")
    func missingRole() async throws {
        var generator = SeededRandom(seed: 1)
        let allKeys = DeviceKeyStore.generate(using: &generator)
        let patientKey = try #require(allKeys.key(for: .patient))
        let keys = try DeviceKeyStore(
            fileContents: allKeys.fileContents.split(separator: "\n").filter { !$0.hasPrefix("patient ") }
                .joined(separator: "\n"))
        #expect(!keys.fileContents.contains("\npatient "))
        #expect(keys.fileContents.contains("\nclinician "))
        let test = try TestDevice()
        let device = SimulatedStimulator(
            configuration: SimulatorConfiguration(
                profileID: test.profile.id, model: "m", serial: "s", slotCount: 4, limits: test.limits), keys: keys)
        await #expect(throws: ProgrammerError.unauthorized) {
            _ = try await Programmer.connect(
                over: InProcessTransport(device: device), role: .patient, key: patientKey, limits: test.limits)
        }
    }
}
