import DeviceProfiles
import RecordingFormat
import Replay
import Testing
import TherapyLog

@testable import SCSCommands

@Suite("replay --speed")
struct ReplaySpeedTests {
    @Test(
        "max and every factor from 0.001 to 1000000 are accepted",
        arguments: [("max", nil), ("0.001", 0.001), ("1", 1), ("50000", 50_000), ("1e6", 1_000_000)])
    func accepted(text: String, factor: Double?) throws {
        #expect(try ReplaySpeed(text) == (factor.map(ReplaySpeed.times) ?? .max))
    }

    @Test(
        "a factor outside 0.001 to 1000000, not finite, or not a number is refused naming --speed",
        arguments: ["1e-300", "1e-20", "0.000999", "0", "-1", "1000001", "1e300", "inf", "nan", "fast", ""])
    func refused(text: String) {
        #expect {
            try ReplaySpeed(text)
        } throws: { error in
            guard let error = error as? InputError else { return false }
            return error.location == "--speed" && error.message.contains("'") == (Double(text)?.isFinite != true)
        }
    }

    @Test("the slowest speed over the widest span a recording can hold is a finite delay, not a trap")
    func widestSpan() throws {
        let earliest = Timestamp(nanosecondsSinceEpoch: .min)
        let latest = Timestamp(nanosecondsSinceEpoch: .max)
        let delay = try #require(try ReplaySpeed("0.001").delay(from: earliest, to: latest))
        #expect(delay > .seconds(18_000_000_000_000))
        #expect(try ReplaySpeed("max").delay(from: earliest, to: latest) == nil)
        #expect(try ReplaySpeed("2").delay(from: latest, to: earliest) == nil)
    }

    @Test("a recorded hour at 3600 times real time waits one second")
    func hourAtThreeThousandSixHundred() throws {
        let start = Timestamp(nanosecondsSinceEpoch: 0)
        let hour = Timestamp(nanosecondsSinceEpoch: 3_600_000_000_000)
        #expect(try ReplaySpeed("3600").delay(from: start, to: hour) == .seconds(1))
    }
}
