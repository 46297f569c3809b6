import Dispatch
import Foundation

/// Waits for one of a set of signals, which no longer end the process once it is set up.
///
/// Each signal is caught by a dispatch source. On Linux, libdispatch installs its own handler for the
/// signal when the source is registered (it passes the signal to a `signalfd`); until then the
/// signal's default action applies. `init` returns only once every source is registered, so from
/// then on no signal is lost or ends the process.
final class SignalWaiter {
    private let sources: [any DispatchSourceSignal]
    private let received = DispatchSemaphore(value: 0)
    private let number = AtomicSignal()

    /// Starts catching `signals`, and returns once they are caught.
    init(_ signals: [Int32]) {
        let queue = DispatchQueue(label: "scs.signals")
        let registered = DispatchSemaphore(value: 0)
        sources = signals.map { DispatchSource.makeSignalSource(signal: $0, queue: queue) }
        for (source, value) in zip(sources, signals) {
            source.setEventHandler { [number, received] in
                number.store(value)
                received.signal()
            }
            source.setRegistrationHandler { registered.signal() }
            source.resume()
        }
        // A source that never registers leaves its signal's default action, which still ends the process.
        for _ in sources { _ = registered.wait(timeout: .now() + .seconds(5)) }
    }

    /// Blocks until a signal arrives and returns it.
    func wait() -> Int32 {
        received.wait()
        return number.load()
    }
}
