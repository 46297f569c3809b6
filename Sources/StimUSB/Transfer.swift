import CLibUSB
import Synchronization

/// One asynchronous bulk transfer: a `libusb_transfer` and its buffer, freed in deinit
/// (`libusb_free_transfer`).
///
/// `run()` submits it (`libusb_submit_transfer`) and suspends until libusb's event thread calls back;
/// cancelling the task cancels the transfer (`libusb_cancel_transfer`). While in flight the transfer
/// keeps itself alive. It holds no reference to its device handle: the caller of `run()` keeps the
/// handle alive until the transfer has finished, so the event thread never drops the last reference
/// to a handle or a context (closing them from inside libusb's event handling would deadlock).
final class Transfer: @unchecked Sendable {
    // @unchecked: `pointer` and `buffer` are written before submission and read after the callback;
    // libusb owns them in between. Everything else is behind `state`.
    private let pointer: UnsafeMutablePointer<libusb_transfer>
    private let buffer: UnsafeMutableRawBufferPointer
    private let isInput: Bool
    private let state = Mutex(Phase.ready)
    /// The event thread of the handle's context, told when the transfer goes in flight and ends.
    private let events: EventThread

    private typealias Completion = CheckedContinuation<Result<[UInt8], USBError>, Never>

    private enum Phase {
        case ready
        case cancelledBeforeSubmission
        case inFlight(Completion)
        case finished
    }

    /// A transfer of `bytes` to an OUT endpoint, or of up to `length` bytes from an IN endpoint.
    init(
        handle: USBDeviceHandle, endpoint: USBEndpoint, sending bytes: [UInt8] = [], receiving length: Int = 0,
        timeout: Duration
    ) throws(USBError) {
        guard let transfer = libusb_alloc_transfer(0) else { throw USBError.noMemory }
        let size = endpoint.isInput ? length : bytes.count
        buffer = .allocate(byteCount: max(size, 1), alignment: 16)
        if !endpoint.isInput {
            buffer.copyBytes(from: bytes)
        }
        pointer = transfer
        self.isInput = endpoint.isInput
        events = handle.context.events
        transfer.pointee.dev_handle = handle.pointer
        transfer.pointee.endpoint = endpoint.rawValue
        transfer.pointee.type = UInt8(LIBUSB_TRANSFER_TYPE_BULK.rawValue)
        transfer.pointee.timeout = timeout.libusbMilliseconds
        transfer.pointee.buffer = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self)
        transfer.pointee.length = Int32(size)
        transfer.pointee.callback = transferFinished
    }

    deinit {
        libusb_free_transfer(pointer)
        buffer.deallocate()
    }

    /// Submits the transfer and returns what it moved: the bytes received, or for OUT the bytes
    /// sent (their count is what matters).
    func run() async -> Result<[UInt8], USBError> {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (completion: Completion) in
                submit(completion)
            }
        } onCancel: {
            cancel()
        }
    }

    /// Asks libusb to cancel the transfer (`libusb_cancel_transfer`); it then finishes as
    /// `USBError.interrupted`, libusb's own reading of a cancelled transfer.
    func cancel() {
        let isInFlight = state.withLock { phase in
            switch phase {
            case .ready:
                phase = .cancelledBeforeSubmission
                return false
            case .inFlight:
                return true
            case .cancelledBeforeSubmission, .finished:
                return false
            }
        }
        // LIBUSB_ERROR_NOT_FOUND means it has finished meanwhile; the callback still comes.
        if isInFlight { libusb_cancel_transfer(pointer) }
    }

    private func submit(_ completion: Completion) {
        let refused: USBError? = state.withLock { phase in
            guard case .ready = phase else { return USBError.interrupted }
            pointer.pointee.user_data = Unmanaged.passRetained(self).toOpaque()
            // Counted before submitting, so that a callback the event thread runs at once is counted out
            // after it.
            events.transferStarted()
            let result = libusb_submit_transfer(pointer)
            guard result == 0 else {
                events.transferEnded()
                Unmanaged<Transfer>.fromOpaque(pointer.pointee.user_data).release()
                return USBError(rawValue: Int(result))
            }
            phase = .inFlight(completion)
            return nil
        }
        if let refused {
            state.withLock { $0 = .finished }
            completion.resume(returning: .failure(refused))
        }
    }

    /// Called on the event thread when libusb is done with the transfer.
    fileprivate func finish() {
        let transferred = Int(pointer.pointee.actual_length)
        let status = pointer.pointee.status
        let result: Result<[UInt8], USBError>
        if status == LIBUSB_TRANSFER_COMPLETED || (isInput && transferred > 0) {
            // Bytes that arrived before a timeout, a cancel or an unplug are delivered, not lost.
            result = .success(Array(buffer[..<transferred]))
        } else {
            result = .failure(USBError(transferStatus: status))
        }
        let completion = state.withLock { phase -> Completion? in
            defer { phase = .finished }
            guard case .inFlight(let completion) = phase else { return nil }
            return completion
        }
        events.transferEnded()
        completion?.resume(returning: result)
    }
}

/// libusb's transfer callback: hands the transfer back to its Swift owner, releasing the reference
/// taken on submission.
private let transferFinished: libusb_transfer_cb_fn = { transfer in
    guard let context = transfer?.pointee.user_data else { return }
    Unmanaged<Transfer>.fromOpaque(context).takeRetainedValue().finish()
}

extension USBError {
    /// The error a finished transfer's status stands for, as libusb's synchronous API reads it.
    init(transferStatus status: libusb_transfer_status) {
        switch status {
        case LIBUSB_TRANSFER_TIMED_OUT: self = .timeout
        case LIBUSB_TRANSFER_STALL: self = .pipe
        case LIBUSB_TRANSFER_OVERFLOW: self = .overflow
        case LIBUSB_TRANSFER_NO_DEVICE: self = .noDevice
        case LIBUSB_TRANSFER_CANCELLED: self = .interrupted
        default: self = .io
        }
    }
}
