import RecordingFormat
import StimSafety
import Testing

@testable import TherapyLog

@Suite("the request of a rejected event, read as a command")
struct RefusedRequestTests {
    static func request(_ json: JSONValue) -> RefusedRequest? {
        RejectedCommand(by: .patient, rules: [], request: json).refusedRequest
    }

    @Test("a program kept in a request reads back as the program a program line holds")
    func programValue() {
        let program = RecordingWriterTests.program
        let request = JSONValue.object(["slot": .number("2"), "program": program.recordingValue])
        #expect(Self.request(request) == .write(slot: 2, program: program, acknowledged: []))
    }

    @Test("each shape the simulator writes reads as its command")
    func shapes() {
        #expect(Self.request(.object(["slot": .number("3")])) == .activate(slot: 3))
        #expect(Self.request(.object(["on": .bool(true)])) == .therapy(isOn: true))
        #expect(
            Self.request(.object(["slot": .number("1"), "amplitude": .number("6.5")]))
                == .amplitude(slot: 1, amplitude: Nanoamps(rawValue: 6_500_000)))
        #expect(
            Self.request(.object(["amplitude": .number("2")]))
                == .amplitude(slot: nil, amplitude: Nanoamps(rawValue: 2_000_000)))
    }

    @Test("a refused write keeps its program and acknowledgements")
    func write() throws {
        let program: JSONValue = .object([
            "amplitude": .number("30"), "pulseWidth": .number("300"), "frequency": .number("50"),
            "contacts": .object(["2": .number("-100"), "3": .number("100")]),
        ])
        let request = Self.request(
            .object(["slot": .number("2"), "program": program, "acknowledged": .array([.string("shannon")])]))
        guard case .write(let slot, let decoded, let acknowledged) = request else {
            Issue.record("not a write: \(String(describing: request))")
            return
        }
        #expect(slot == 2)
        #expect(decoded.amplitude == Nanoamps(rawValue: 30_000_000))
        #expect(decoded.contacts.count == 2)
        #expect(acknowledged == ["shannon"])
    }

    @Test(
        "a request of no known shape is nil",
        arguments: [
            JSONValue.number("7"), .object([:]), .object(["slot": .string("one")]),
            .object(["slot": .number("1"), "program": .object(["amplitude": .number("3")])]),
        ])
    func unknown(json: JSONValue) {
        #expect(Self.request(json) == nil)
    }
}
