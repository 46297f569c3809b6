import Foundation

/// `scs` started with `posix_spawn`, its standard streams on `/dev/null`: as a shell in a terminal
/// starts it (no signal blocked, whatever the test thread's own mask, which `Process` would pass on),
/// or with `blocking` signals blocked, as a parent that blocks them hands down. Killed when released
/// still running.
final class SpawnedSCS {
    /// How the process ended.
    enum Ending: Equatable {
        case exit(Int32)
        case signal(Int32)

        /// The status a shell reports: the exit status, or 128 + the signal's number.
        var shellStatus: Int32 {
            switch self {
            case .exit(let status): status
            case .signal(let number): 128 + number
            }
        }
    }

    let pid: pid_t
    private var hasEnded = false

    /// Starts `scs` with `arguments` (absolute paths: it runs in this process's folder).
    init(_ arguments: [String], blocking blocked: [Int32] = []) throws {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var mask = sigset_t()
        sigemptyset(&mask)
        for number in blocked { sigaddset(&mask, number) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE] { sigaddset(&defaults, number) }
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] {
            posix_spawn_file_actions_addopen(
                &actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let executable = SCSProcess.executable.path
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EINVAL) }
        self.pid = pid
    }

    /// Sends SIGINT, as Ctrl-C does, and waits for the process to end.
    func interrupt() -> Ending {
        kill(pid, SIGINT)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return ended(status)
    }

    /// How the process ended, nil when it is still running after `limit`.
    func waitForEnd(within limit: Duration) -> Ending? {
        let deadline = ContinuousClock.now.advanced(by: limit)
        var status: Int32 = 0
        while ContinuousClock.now < deadline {
            if waitpid(pid, &status, WNOHANG) == pid { return ended(status) }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return nil
    }

    deinit {
        guard !hasEnded else { return }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }

    /// The ending a `waitpid` status gives (WIFSIGNALED and WTERMSIG, which Swift does not import).
    private func ended(_ status: Int32) -> Ending {
        hasEnded = true
        let signal = status & 0x7F
        return signal == 0 ? .exit((status >> 8) & 0xFF) : .signal(signal)
    }
}
