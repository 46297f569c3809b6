import CLibUSB
import Foundation
import Synchronization

/// The thread that runs libusb's event handling for one context while transfers are in flight, so
/// that they complete: it blocks in `libusb_handle_events_completed` (libusb's `poll` on its file
/// descriptors) and runs the transfer callbacks.
///
/// With no transfer in flight it sleeps instead of handling events: nothing is to be reaped then, and
/// a poll that is always ready (umockdev's device node is a regular file) would otherwise keep it
/// reaping in a loop, holding up the next submission. `Transfer` reports each submission and
/// completion (``transferStarted()``, ``transferEnded()``).
///
/// `stop()` sets the stop flag and wakes the thread (`libusb_interrupt_event_handler`), then waits for
/// it to end; the context must outlive the thread.
final class EventThread: Sendable {
    private let context: ContextPointer
    private let shouldStop = Atomic(false)
    private let inFlight = Mutex(0)
    /// Signalled when the first transfer goes in flight, and on stop.
    private let wake = DispatchSemaphore(value: 0)
    private let hasEnded = DispatchSemaphore(value: 0)

    /// A libusb context pointer handed to the event thread.
    struct ContextPointer: @unchecked Sendable {
        // @unchecked: libusb contexts are thread-safe; the owner frees it only after `stop()`.
        let pointer: OpaquePointer
    }

    init(context: OpaquePointer) {
        self.context = ContextPointer(pointer: context)
        let thread = Thread { [self] in run() }
        thread.name = "libusb events"
        thread.start()
    }

    private func run() {
        while !shouldStop.load(ordering: .acquiring) {
            guard inFlight.withLock({ $0 }) > 0 else {
                wake.wait()
                continue
            }
            // Errors here are transient (an interrupted poll); the loop simply handles events again.
            libusb_handle_events_completed(context.pointer, nil)
        }
        hasEnded.signal()
    }

    /// Says a transfer is being submitted, waking the thread when it is the only one in flight.
    func transferStarted() {
        let wasIdle = inFlight.withLock { count in
            count += 1
            return count == 1
        }
        if wasIdle { wake.signal() }
    }

    /// Says a transfer has ended: its callback ran (on this thread, in libusb's event handling), or
    /// its submission failed.
    func transferEnded() {
        inFlight.withLock { $0 -= 1 }
    }

    /// Ends the thread and waits until it has.
    func stop() {
        shouldStop.store(true, ordering: .releasing)
        wake.signal()
        libusb_interrupt_event_handler(context.pointer)
        hasEnded.wait()
    }
}
