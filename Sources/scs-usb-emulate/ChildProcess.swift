import Foundation
import SCSCommands
import Synchronization

/// A command run as a child of this process, with its environment and standard streams, until it ends.
enum ChildProcess {
    /// Why the command could not be started: the `errno` of `posix_spawnp` (`ENOENT`: not found on PATH).
    struct SpawnError: Error {
        var code: Int32

        var reason: String { String(cString: strerror(code)) }
    }

    /// The signals passed on to the child.
    private static let forwarded = [SIGTERM, SIGHUP]

    /// Runs `arguments` (the first found on `PATH`, as a shell would) with the current environment, and
    /// returns its exit status, or 128 + the number of the signal that ended it, as shells report it.
    ///
    /// While it runs, this process ignores SIGINT (a terminal's Ctrl-C reaches the child, which is in the
    /// same process group, and this process waits to clean up after it) and passes SIGTERM and SIGHUP on;
    /// the child starts with every signal's default action and an empty signal mask.
    static func run(_ arguments: [String]) throws(SpawnError) -> Int32 {
        // Handlers installed synchronously before the child starts, so a signal it sends at once is
        // passed on, not lost.
        signal(SIGINT, SIG_IGN)
        for signalNumber in forwarded { signal(signalNumber, forwardToChild) }
        // Unblocked in case this thread inherited a mask that blocks them: they then interrupt the
        // wait below and are handled.
        SignalMask.unblock(forwarded)
        defer {
            childProcessID.store(0, ordering: .sequentiallyConsistent)
            for signalNumber in [SIGINT] + forwarded { signal(signalNumber, SIG_DFL) }
        }
        let pid = try spawn(arguments)
        childProcessID.store(pid, ordering: .sequentiallyConsistent)
        // A signal that came before the child's id was stored is passed on now (see forwardToChild).
        let early = pendingSignal.exchange(0, ordering: .sequentiallyConsistent)
        if early != 0 { kill(pid, early) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            // EINTR: a signal arrived while waiting; nothing else can fail for our own child.
            guard errno == EINTR else { return 1 }
        }
        // The <sys/wait.h> macros are not importable: the low 7 bits are the terminating signal, or 0
        // for a normal exit whose status is in the next byte.
        let signalNumber = status & 0x7F
        return signalNumber == 0 ? (status >> 8) & 0xFF : 128 + signalNumber
    }

    private static func spawn(_ arguments: [String]) throws(SpawnError) -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawnp(&pid, arguments[0], nil, &attributes, argv, environ)
        guard result == 0 else { throw SpawnError(code: result) }
        return pid
    }
}

/// The running child's process id for the signal handler; 0 when there is none (yet).
private let childProcessID = Atomic<pid_t>(0)

/// A signal to pass on that arrived while `childProcessID` was still 0; 0 for none.
private let pendingSignal = Atomic<Int32>(0)

/// Passes a signal on to the child, with atomics and `kill` only (async-signal-safe).
///
/// The child may signal before `run` has stored its id (`posix_spawn` returns after the child has
/// started), so the signal is first left in `pendingSignal`; whichever of this handler and `run` then
/// takes it back out, having seen the id, sends it, so it is sent exactly once.
private func forwardToChild(_ signalNumber: Int32) {
    pendingSignal.store(signalNumber, ordering: .sequentiallyConsistent)
    let pid = childProcessID.load(ordering: .sequentiallyConsistent)
    guard pid > 0 else { return }
    let signal = pendingSignal.exchange(0, ordering: .sequentiallyConsistent)
    if signal != 0 { kill(pid, signal) }
}
