import RecordingFormat
import StimDevice
import Testing

@Suite("The manual clock")
struct ManualClockTests {
    @Test("a manual clock moves only forward")
    func manualClock() {
        let clock = ManualClock(start: Timestamp(year: 2026, month: 1, day: 5))
        clock.advance(by: .seconds(-5))
        clock.advance(to: Timestamp(year: 2025, month: 1, day: 1))
        #expect(clock.now() == Timestamp(year: 2026, month: 1, day: 5))
        clock.advance(by: .milliseconds(1500))
        #expect(clock.now().rfc3339 == "2026-01-05T00:00:01.5Z")
    }
}
