import Foundation

/// The calling thread's signal mask (`pthread_sigmask(3)`).
package enum SignalMask {
    /// Unblocks `signals` in the calling thread, and in the threads it starts afterwards, which
    /// inherit its mask.
    ///
    /// A process inherits its parent's mask: a parent that blocked SIGTERM or SIGINT (a thread that
    /// keeps signals for a `sigwait`, say) would otherwise hand down a process those signals can
    /// never reach.
    package static func unblock(_ signals: [Int32]) {
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        for signalNumber in signals { sigaddset(&unblocked, signalNumber) }
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
    }
}
