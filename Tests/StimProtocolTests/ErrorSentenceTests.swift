import StimProtocol
import StimSafety
import Testing

@Suite("Device refusals as sentences")
struct ErrorSentenceTests {
    @Test(
        "every error code reads as its own sentence, ending in the code's name",
        arguments: [
            (1, "does not know this request"), (2, "could not read the request"), (3, "no open session"),
            (4, "did not accept the key"), (5, "role may not do that"), (6, "sequence number already"),
            (7, "safety check rejects it"), (8, "needs these warnings acknowledged"), (9, "no such slot"),
            (10, "holds no program"), (11, "disabled for the patient's remote"), (12, "battery is empty"),
            (13, "past the end of the log"), (14, "busy; try again"), (15, "internal fault"),
            (16, "did not carry this session's MAC"), (17, "does not speak this protocol version"),
            (18, "outside the device clock's range"),
        ])
    func sentence(rawValue: UInt16, phrase: String) throws {
        let code = ErrorCode(rawValue: rawValue)
        let sentence = ErrorReply(code: code).sentence
        #expect(sentence.contains(phrase))
        #expect(sentence.hasSuffix("(\(try #require(code.name)))"))
    }

    @Test("no two codes share a sentence")
    func distinct() {
        let sentences = ErrorCode.known.map { ErrorReply(code: $0).sentence }
        #expect(Set(sentences).count == ErrorCode.known.count)
    }

    @Test("warnings to acknowledge and rejecting rules are named by their ids")
    func rules() {
        let warnings = ErrorReply(code: .unacknowledgedWarnings, rules: [.chargeDensity, .amplitudeSlew]).sentence
        #expect(
            warnings == "the device needs these warnings acknowledged: chargeDensity, amplitude.slew "
                + "(unacknowledgedWarnings)")
        let rejected = ErrorReply(code: .safetyRejected, rules: [.amplitudeRange]).sentence
        #expect(rejected == "the device's safety check rejects it: amplitude.range (safetyRejected)")
    }

    @Test("a code from a newer device is still shown, with its number")
    func unknownCode() {
        #expect(
            ErrorReply(code: ErrorCode(rawValue: 99)).sentence
                == "the device gave a reason this version of scs does not know (error(99))")
    }
}
