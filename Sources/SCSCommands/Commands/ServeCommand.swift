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
        discussion: """
            Connect with `scs session --socket PATH`. The simulator's keys are read from --keys (default: \
            the socket's path with .keys appended), which is created with fresh keys when missing. \
            Stops cleanly on SIGINT or SIGTERM and removes the socket.

            Exit status: 0 stopped by a signal; 2 bad input (unknown device, a socket or key file that \
            cannot be used).
            """)

    @OptionGroup var device: DeviceOptions

    @Option(help: "The socket to listen on (default: $TMPDIR/scs-DEVICE.sock).") var socket: String?

    @Option(help: "The simulator's key file (default: the socket's path + .keys; created when missing).")
    var keys: String?

    @Option(help: "The serial number the simulator reports.") var serial = "SIM-0001"

    func run() throws {
        let profile = try device.loadProfile()
        let path = socket ?? DemoKeys.defaultSocket(for: profile.id)
        let keyPath = keys ?? DemoKeys.defaultFile(forSocket: path)
        let (store, created) = try DemoKeys.loadOrCreate(keyPath, flag: "--keys")
        let configuration = SimulatorConfiguration(
            profileID: profile.id, model: profile.name, serial: serial, slotCount: profile.programs,
            limits: profile.limits)
        let simulator = SimulatedStimulator(configuration: configuration, keys: store)
        let signals = SignalWaiter([SIGINT, SIGTERM])
        let server: StimulatorSocketServer
        do {
            server = try StimulatorSocketServer(device: simulator, path: path)
        } catch {
            throw InputError("--socket \(path)", error.description)
        }
        Self.say(
            """
            serving \(profile.id) (\(profile.name), serial \(serial)) on \(path)
            keys: \(keyPath)\(created ? " (created)" : "")
            connect with: scs session --socket \(path)
            stop with Ctrl-C
            """)
        let signal = signals.wait()
        server.stop()
        Self.say("stopped (\(signal == SIGINT ? "SIGINT" : "SIGTERM")); removed \(path)")
    }

    /// Writes `text` and a line feed to stdout at once (unbuffered, so a pipe sees it immediately).
    private static func say(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
