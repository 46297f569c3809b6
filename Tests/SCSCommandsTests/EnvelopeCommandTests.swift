import Foundation
import Testing

@Suite("scs envelope")
struct EnvelopeCommandTests {
    @Test func theTableShowsPulseWidthDownAndFrequencyAcross() throws {
        let result = try SCSProcess.run(
            [
                "envelope", "--device", "tonic-16", "--contacts", "1-,2+", "--pulse-widths", "100,300,1000",
                "--frequencies", "50,600,1200",
            ])
        #expect(result.status == 0)
        try expectGolden(result.stdout, "envelope-tonic-16-bipolar.txt")
    }

    @Test func theJSONCellsMatchTheShannonBoundsOfTheDomainReference() throws {
        let result = try SCSProcess.run(
            [
                "envelope", "--device", "tonic-16", "--contacts", "1-,2+", "--pulse-widths", "300,1000",
                "--frequencies", "50", "--json",
            ])
        #expect(result.status == 0)
        let json = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let errorFree = try #require(json["maxAmplitude"] as? [[Double]])
        let warningFree = try #require(json["maxAmplitudeWithoutWarnings"] as? [[Double]])
        // domain-reference §3.4: k = 1.85 allows 9.8 mA at 300 µs and 2.9 mA at 1000 µs; k = 1.5 allows 6.5 and 1.9.
        #expect(errorFree == [[9.8], [2.9]])
        #expect(warningFree == [[6.5], [1.9]])
    }

    @Test func theWholeGridIsGivenInJSONByDefault() throws {
        let result = try SCSProcess.run(["envelope", "--device", "drg-4x4", "--contacts", "1-,2+", "--json"])
        #expect(result.status == 0)
        let json = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((json["pulseWidths"] as? [Double])?.count == 69)
        #expect((json["frequencies"] as? [Double])?.count == 49)
    }

    @Test func aConfigurationNoAmplitudeCanMakeSafeExitsOneWithTheReasons() throws {
        let result = try SCSProcess.run(["envelope", "--device", "tonic-16", "--contacts", "1-,40+"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("contacts.unknown"))
    }
}
