import CLibUSB
import Foundation
import Synchronization

/// The thread that runs libusb's event handling for one context, so that asynchronous transfers
/// complete: it blocks in `libusb_handle_events_completed` (libusb's `poll` on its file descriptors)
/// and runs the transfer callbacks.
///
/// `stop()` sets the stop flag and wakes the thread (`libusb_interrupt_event_handler`), then waits for
/// it to end; the context must outlive the thread.
final class EventThread: Sendable {
    private let context: ContextPointer
    private let shouldStop = Atomic(false)
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
            // Errors here are transient (an interrupted poll); the loop simply handles events again.
            libusb_handle_events_completed(context.pointer, nil)
        }
        hasEnded.signal()
    }

    /// Ends the thread and waits until it has.
    func stop() {
        shouldStop.store(true, ordering: .releasing)
        libusb_interrupt_event_handler(context.pointer)
        hasEnded.wait()
    }
}
