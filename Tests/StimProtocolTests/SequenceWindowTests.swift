import StimProtocol
import Testing

@Suite("Replay guard")
struct SequenceWindowTests {
    @Test("increasing sequence numbers are accepted, gaps included")
    func increasing() throws {
        var window = SequenceWindow()
        for sequence: UInt32 in [1, 2, 3, 10, 500, 501] { try window.accept(sequence) }
        #expect(window.highest == 501)
    }

    @Test("a repeated number is refused as a duplicate and changes nothing")
    func duplicate() throws {
        var window = SequenceWindow()
        try window.accept(1)
        try window.accept(2)
        let before = window
        #expect(throws: ReplayError.duplicate(2)) { try window.accept(2) }
        #expect(throws: ReplayError.duplicate(1)) { try window.accept(1) }
        #expect(window == before)
    }

    @Test("zero is never accepted")
    func zero() {
        var window = SequenceWindow()
        #expect(throws: ReplayError.tooOld(0)) { try window.accept(0) }
    }

    @Test("a late number inside the window is accepted once")
    func lateInsideWindow() throws {
        var window = SequenceWindow()
        try window.accept(100)
        try window.accept(40)
        #expect(throws: ReplayError.duplicate(40)) { try window.accept(40) }
        #expect(window.highest == 100)
    }

    @Test("a number below the window is refused as too old, seen or not")
    func belowWindow() throws {
        var window = SequenceWindow()
        try window.accept(1)
        try window.accept(100)
        #expect(throws: ReplayError.tooOld(36)) { try window.accept(36) }
        #expect(throws: ReplayError.tooOld(1)) { try window.accept(1) }
        try window.accept(37)
    }

    @Test("the window's edge is exact", arguments: [1, 2, 8, 63, 64])
    func edge(width: Int) throws {
        var window = SequenceWindow(width: width)
        try window.accept(1_000)
        let oldest = UInt32(1_000 - width + 1)
        #expect(window.refusal(of: oldest - 1) == .tooOld(oldest - 1))
        #expect(window.refusal(of: oldest) == (width > 1 ? nil : .duplicate(oldest)))
        if width > 1 { try window.accept(oldest) }
    }

    @Test("width 1 demands strictly increasing numbers")
    func strict() throws {
        var window = SequenceWindow(width: 1)
        try window.accept(5)
        #expect(throws: ReplayError.tooOld(4)) { try window.accept(4) }
        #expect(throws: ReplayError.duplicate(5)) { try window.accept(5) }
        try window.accept(6)
    }

    @Test("widths outside 1 ... 64 are clamped", arguments: [(-5, 1), (0, 1), (65, 64), (1_000, 64)])
    func clamped(width: Int, expected: Int) {
        #expect(SequenceWindow(width: width).width == expected)
    }

    @Test("a jump of more than the window forgets everything below it")
    func bigJump() throws {
        var window = SequenceWindow()
        for sequence: UInt32 in 1...64 { try window.accept(sequence) }
        try window.accept(1_000_000)
        #expect(throws: ReplayError.tooOld(64)) { try window.accept(64) }
        try window.accept(999_999)
        try window.accept(UInt32.max)
        #expect(throws: ReplayError.duplicate(.max)) { try window.accept(.max) }
    }

    @Test("against a set of everything seen, the guard never accepts a number twice")
    func neverTwice() throws {
        var generator = SeededGenerator(seed: 11)
        var window = SequenceWindow(width: 16)
        var seen = Set<UInt32>()
        var highest: UInt32 = 0
        for _ in 0..<20_000 {
            let sequence = UInt32.random(in: highest.saturatingDown(by: 24)...highest + 8, using: &generator)
            let accepted = (try? window.accept(sequence)) != nil
            if accepted {
                #expect(!seen.contains(sequence))
                #expect(sequence > 0)
                seen.insert(sequence)
                highest = max(highest, sequence)
            } else if sequence > 0 && !seen.contains(sequence) {
                #expect(highest - sequence >= 16, "fresh \(sequence) refused inside the window below \(highest)")
            }
        }
    }
}

extension UInt32 {
    fileprivate func saturatingDown(by amount: UInt32) -> UInt32 { self > amount ? self - amount : 0 }
}
