import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Deletes the temporary files of unfinished outputs when SIGINT, SIGTERM or SIGHUP ends the
/// process, so that Ctrl-C never leaves a half-written file beside its target.
///
/// While at least one file is registered, a C handler is installed for each of those signals whose
/// disposition is the default one (a signal a command already catches or ignores is left to it). The
/// handler unlinks every registered path, restores the default disposition and raises the signal
/// again, so the process still ends as the signal says (status 130 for Ctrl-C in a shell).
enum InterruptCleanup {
    /// The signals that end a command from outside.
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// A registered path; hand it back to ``unregister(_:)``.
    struct Registration {
        fileprivate let slot: Int
    }

    /// Registers `path` for deletion if a signal ends the process; nil when every slot is taken
    /// (the file is then only removed by the normal error paths).
    static func register(_ path: String) -> Registration? {
        let copy = strdup(path)
        guard let copy else { return nil }
        let bits = Int(bitPattern: UInt(bitPattern: copy))
        for slot in 0..<TemporaryPaths.capacity
        where temporaryPaths.slots[slot].compareExchange(expected: 0, desired: bits, ordering: .sequentiallyConsistent)
            .exchanged
        {
            installation.withLock { installed in
                installed.count += 1
                if installed.count == 1 { installed.signals = installHandlers() }
            }
            return Registration(slot: slot)
        }
        free(copy)
        return nil
    }

    /// Forgets `registration`'s path (renamed into place, or already removed).
    static func unregister(_ registration: Registration) {
        let bits = temporaryPaths.slots[registration.slot].exchange(0, ordering: .sequentiallyConsistent)
        // Zero when the handler took the path first: it is deleting it and ending the process.
        if bits != 0 { free(UnsafeMutablePointer<CChar>(bitPattern: bits)) }
        installation.withLock { installed in
            installed.count -= 1
            if installed.count == 0 {
                for number in installed.signals { signal(number, SIG_DFL) }
                installed.signals = []
            }
        }
    }

    /// Installs the handler for each of ``signals`` left at its default; returns those it took.
    private static func installHandlers() -> [Int32] {
        signals.filter { number in
            let previous = signal(number, interruptHandler)
            if unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_DFL, to: Int.self) { return true }
            signal(number, previous)
            return false
        }
    }

    /// How many paths are registered and which signals the handler holds.
    private static let installation = Mutex<(count: Int, signals: [Int32])>((0, []))
}

/// The registered paths as C strings, in atomics the signal handler can read without locking or
/// allocating. Whoever exchanges a slot's pointer for zero owns it: the handler, to unlink it, or
/// ``InterruptCleanup/unregister(_:)``, to free it.
private final class TemporaryPaths: Sendable {
    static let capacity = 8
    let slots: InlineArray<8, Atomic<Int>> = InlineArray { _ in Atomic(0) }
}

private let temporaryPaths = TemporaryPaths()

/// Runs on the signal: only async-signal-safe calls (atomic exchange, `unlink`, `signal`, `raise`).
private func interruptHandler(_ number: Int32) {
    for slot in 0..<TemporaryPaths.capacity {
        let bits = temporaryPaths.slots[slot].exchange(0, ordering: .sequentiallyConsistent)
        if let path = UnsafePointer<CChar>(bitPattern: bits) { unlink(path) }
    }
    signal(number, SIG_DFL)
    raise(number)
}
