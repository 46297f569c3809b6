import StimSafety
import Testing

@Suite("Slot numbers")
struct SlotTests {
    @Test("zero and negative numbers name no slot", arguments: [0, -1, Int.min])
    func nonPositiveIsRefused(number: Int) {
        #expect(Slot(number: number) == nil)
    }

    @Test("every positive number is a slot, one byte or not", arguments: [1, 255, 256, Int.max])
    func positiveIsKept(number: Int) throws {
        #expect(try #require(Slot(number: number)).number == number)
    }

    @Test("slots order by number and print as it")
    func orderAndText() {
        let first: Slot = 1
        #expect(first < 2)
        #expect(Slot(number: 255)?.description == "255")
    }
}
