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
        await BoundedParallel.run(BoundedParallel.stream(0..<40), width: width) { item in
            counts.withLock {
                $0.running += 1; $0.most = max($0.most, $0.running)
            }
            Thread.sleep(forTimeInterval: 0.002)
            counts.withLock { $0.running -= 1 }
            return item
        } done: { item in
            seen.append(item)
            return true
        }
        #expect(seen.sorted() == Array(0..<40))
        #expect(counts.withLock { $0.most } <= width)
    }

    @Test func whenDoneSaysStopNoFurtherItemStartsAndTheRunningOnesAreStillHandedOver() async {
        let started = Mutex(0)
        var seen: [Int] = []
        await BoundedParallel.run(BoundedParallel.stream(0..<100), width: 2) { item in
            started.withLock { $0 += 1 }
            return item
        } done: { item in
            seen.append(item)
            return false
        }
        #expect(started.withLock { $0 } <= 2)
        #expect(seen.count == started.withLock { $0 })
    }

    @Test func anEmptyStreamEndsAtOnce() async {
        var handed = 0
        await BoundedParallel.run(BoundedParallel.stream([Int]()), width: 4) {
            $0
        } done: { _ in
            handed += 1
            return true
        }
        #expect(handed == 0)
    }
}
