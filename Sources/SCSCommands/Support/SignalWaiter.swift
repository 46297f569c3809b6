import Dispatch
import Foundation

/// Waits for one of a set of signals, which are kept from killing the process meanwhile.
final class SignalWaiter {
    private let sources: [any DispatchSourceSignal]
    private let received = DispatchSemaphore(value: 0)
    private let number = AtomicSignal()

    /// Starts catching `signals` (they no longer end the process).
    init(_ signals: [Int32]) {
        let queue = DispatchQueue(label: "scs.signals")
        var sources: [any DispatchSourceSignal] = []
        for value in signals {
            signal(value, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: value, queue: queue)
            sources.append(source)
        }
        self.sources = sources
        for (source, value) in zip(sources, signals) {
            source.setEventHandler { [number, received] in
                number.store(value)
                received.signal()
            }
            source.resume()
        }
    }

    /// Blocks until a signal arrives and returns it.
    func wait() -> Int32 {
        received.wait()
        return number.load()
    }
}
