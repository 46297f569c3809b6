import Foundation
import Synchronization
import Testing

@testable import SCSCommands

@Suite("Work on many items, a bounded number at a time")
struct BoundedParallelTests {
    @Test(arguments: [1, 2, 5])
    func neverMoreThanTheWidthRunAtOnceAndEveryItemIsHandedOverOnce(width: Int) async {
        let counts = Mutex((running: 0, most: 0))
        var seen: [Int] = []
        await BoundedParallel.run(Self.stream(0..<40), width: width) { item in
            counts.withLock {
                $0.running += 1; $0.most = max($0.most, $0.running)
            }
            Thread.sleep(forTimeInterval: 0.002)
            counts.withLock { $0.running -= 1 }
            return item
        } done: { item in
            seen.append(item)
        }
        #expect(seen.sorted() == Array(0..<40))
        #expect(counts.withLock { $0.most } <= width)
    }

    /// As `scs analyze` of several files does: the next item is yielded when one is handed over.
    @Test func itemsYieldedByDoneAreWorkedOnAndTheRunEndsWhenTheirStreamDoes() async {
        let (items, yield) = AsyncStream.makeStream(of: Int.self)
        yield.yield(0)
        var seen: [Int] = []
        await BoundedParallel.run(items, width: 3) {
            $0
        } done: { item in
            seen.append(item)
            if item < 19 { yield.yield(item + 1) } else { yield.finish() }
        }
        #expect(seen == Array(0..<20))
    }

    @Test func anEmptyStreamEndsAtOnce() async {
        var handed = 0
        await BoundedParallel.run(Self.stream([Int]()), width: 4) {
            $0
        } done: { _ in
            handed += 1
        }
        #expect(handed == 0)
    }

    /// `items` as a stream, all at hand.
    static func stream<Items: Sequence>(_ items: Items) -> AsyncStream<Items.Element> where Items.Element: Sendable {
        AsyncStream { continuation in
            for item in items { continuation.yield(item) }
            continuation.finish()
        }
    }
}
