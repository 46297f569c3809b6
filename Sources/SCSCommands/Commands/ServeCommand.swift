import ArgumentParser
import DeviceProfiles
import Dispatch
import Foundation
import StimDevice

/// `scs serve`: a simulated stimulator as its own process, on a Unix-domain socket.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run a simulated stimulator on a Unix-domain socket until interrupted.",
        usage: "scs serve --device <device> [<options>]",
        discussion: """
            Connect with `scs session --socket PATH`; many clients may be connected at once. The \
            simulator's keys are read from --keys (default: the socket's path with .keys appended), which \
            is created with fresh keys when missing. A connection that completes no frame within \
            --read-timeout is closed (a client that reconnects goes on in its session). Logs go to \
            stderr. Stops cleanly on SIGINT or SIGTERM, even when started with those signals blocked, \
            and removes the socket.

            Exit status: 0 stopped by a signal; 2 bad input (unknown device, a socket another server \
            holds, a socket or key file that cannot be used).
            """)

    @OptionGroup var device: DeviceOptions

    @Option(help: "The socket to listen on (default: $TMPDIR/scs-DEVICE.sock).") var socket: String?

    @Option(help: "The simulator's key file (default: the socket's path + .keys; created when missing).")
    var keys: String?

    @Option(help: "The serial number the simulator reports.") var serial = "SIM-0001"

    @Option(help: "Seconds a connection may go without a whole frame before it is closed.")
    var readTimeout = 10.0

    @Option(help: "The most clients connected at once; one more is turned away.")
    var maxConnections = 64

    @OptionGroup var logging: LoggingOptions

    /// The longest read timeout, a day: longer is no timeout at all for a simulator.
    static let readTimeoutRange = 0.001...86_400.0

    /// Bounded by the threads the server starts, one per connection.
    static let connectionRange = 1...1024

    func validate() throws {
        guard Self.readTimeoutRange.contains(readTimeout) else {
            throw ValidationError("--read-timeout must be a number of seconds from 0.001 to 86400, not \(readTimeout)")
        }
        guard Self.connectionRange.contains(maxConnections) else {
            throw ValidationError("--max-connections must be from 1 to 1024, not \(maxConnections)")
        }
    }

    func run() throws {
        // Before any thread of ours starts, so that every one inherits the mask.
        SignalMask.unblock([SIGINT, SIGTERM])
        let profile = try device.loadProfile()
        let path = socket ?? DemoKeys.defaultSocket(for: profile.id)
        let keyPath = keys ?? DemoKeys.defaultFile(forSocket: path)
        let (store, created) = try DemoKeys.loadOrCreate(keyPath, flag: "--keys")
        let configuration = SimulatorConfiguration(
            profileID: profile.id, model: profile.name, serial: serial, slotCount: profile.programs,
            limits: profile.limits)
        let simulator = SimulatedStimulator(
            configuration: configuration, keys: store, logger: logging.logger(label: "scs.device"))
        let signals = SignalWaiter([SIGINT, SIGTERM])
        let server: StimulatorSocketServer
        do {
            server = try StimulatorSocketServer(
                device: simulator, path: path,
                configuration: StimulatorSocketServer.Configuration(
                    readTimeout: .seconds(readTimeout), maximumConnections: maxConnections,
                    tracesFrames: logging.trace),
                logger: logging.logger(label: "scs.serve"))
        } catch let error where error.isHeldByLiveServer {
            throw InputError(
                "--socket \(path)",
                "a server is already listening there (another `scs serve`?); stop it first or choose another --socket")
        } catch {
            throw InputError("--socket \(path)", error.description)
        }
        Terminal.say(
            """
            serving \(profile.id) (\(profile.name), serial \(serial)) on \(path)
            keys: \(keyPath)\(created ? " (created)" : "")
            connect with: scs session --socket \(path)
            stop with Ctrl-C
            """)
        let signal = signals.wait()
        server.stop()
        Terminal.say("stopped (\(signal == SIGINT ? "SIGINT" : "SIGTERM")); removed \(path)")
    }
}
