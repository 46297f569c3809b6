import StimProtocol
import StimSafety
import Testing

/// An adjustAmplitude request may carry the warnings the clinician acknowledged, as a writeProgram
/// does; without any it is the request it always was.
@Suite("adjustAmplitude with acknowledgements")
struct AcknowledgedAdjustTests {
    static let amplitude = Nanoamps(rawValue: 9_000_000)
    /// 9 mA as an Int64, little-endian.
    static let amplitudeBytes: [UInt8] = [0x40, 0x54, 0x89, 0x00, 0x00, 0x00, 0x00, 0x00]

    @Test func theAcknowledgedRulesFollowTheAmplitudeAsInAWriteAndRoundTrip() throws {
        let request = Request.adjustAmplitude(Self.amplitude, acknowledged: RuleSet([.chargeDensity, .shannon]))
        let payload = try request.encodedPayload()
        // Count 2, then shannon (14) and chargeDensity (13) ascending: 13, 14.
        #expect(payload == Self.amplitudeBytes + [2, 0x0D, 0x0E])
        #expect(try Request(type: .adjustAmplitude, payload: payload) == request)
    }

    @Test func withoutAcknowledgementsThePayloadIsTheAmplitudeAlone() throws {
        let payload = try Request.adjustAmplitude(Self.amplitude).encodedPayload()
        #expect(payload == Self.amplitudeBytes)
        #expect(
            try Request(type: .adjustAmplitude, payload: payload) == .adjustAmplitude(Self.amplitude, acknowledged: []))
    }

    @Test(
        "an acknowledged list that is empty, out of order or cut short is refused",
        arguments: [
            ([UInt8(0)], PayloadError.invalidValue(field: "acknowledged count", value: 0)),
            ([2, 0x0E, 0x0D], .invalidValue(field: "acknowledged rule order", value: 13)),
            ([2, 0x0D], .truncated(field: "acknowledged rule")),
        ])
    func badList(list: [UInt8], error: PayloadError) {
        #expect(throws: error) { try Request(type: .adjustAmplitude, payload: Self.amplitudeBytes + list) }
    }
}
