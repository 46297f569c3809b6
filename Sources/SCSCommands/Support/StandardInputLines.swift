import Foundation

/// The lines of standard input that are not blank, with their line numbers, read on a thread of
/// their own (a writer that is slow to send the next line holds no core) and never more than
/// `ahead` beyond those the consumer has ``release()``d.
final class StandardInputLines: Sendable {
    /// The lines as they are read: line ends (`\n`, `\r\n`) removed.
    let stream: AsyncStream<(number: Int, text: String)>
    private let permits: DispatchSemaphore

    init(ahead: Int) {
        let permits = DispatchSemaphore(value: max(ahead, 1))
        let (stream, continuation) = AsyncStream.makeStream(of: (number: Int, text: String).self)
        self.stream = stream
        self.permits = permits
        Thread.detachNewThread {
            var number = 0
            while let line = readLine(strippingNewline: true) {
                number += 1
                guard line.contains(where: { !$0.isWhitespace }) else { continue }
                permits.wait()
                continuation.yield((number, line))
            }
            continuation.finish()
        }
    }

    /// Lets one more line be read: call once for each line taken when its work is done.
    func release() { permits.signal() }
}
