import ArgumentParser
import DeviceProfiles
import Foundation
import Hummingbird
import Logging
import SCSCommands

/// `scs ui`: the clinician's programmer in the browser, served on 127.0.0.1.
package struct UICommand: AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "ui",
        abstract: "The clinician's programmer in the browser: a lead diagram, live safety checks, the session.",
        usage: "scs ui [--device <device>] [--socket <socket> | --usb] [--port <port>]",
        discussion: """
            Serves one page on 127.0.0.1 and prints its address, which carries a token made for this launch: \
            every request and the page's WebSocket must carry it. Every change on the page is validated by \
            the safety core here and the verdict, findings and metrics are shown at once. By default the \
            page talks to a simulator in this process (--device, default tonic-16); --socket PATH talks to \
            `scs serve`, --usb to the stimulator on USB. Stop with Ctrl-C.

            Exit status: 0 stopped; 2 bad input (an unknown device, a port in use, no stimulator).
            """)

    @OptionGroup var target: TargetOptions

    @Flag(help: "Talk to the stimulator on USB (see `scs usb list`), with the key file of --keys or $SCS_USB_KEYS.")
    var usb = false

    @Option(help: "The port on 127.0.0.1 (0: any free port).") var port = 8765

    package init() {}

    package func validate() throws {
        // A served or USB stimulator has its own profile: --device would be silently ignored.
        guard [target.device != nil, target.socket != nil, usb].filter({ $0 }).count <= 1 else {
            throw ValidationError("give at most one of --device ID, --socket PATH and --usb")
        }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be from 0 to 65535, not \(port)") }
    }

    package func run() async throws {
        let workbench = try await Workbench(options: target, overUSB: usb, defaultDevice: "tonic-16")
        let token = Self.makeToken()
        let router = UIServer.router(
            workbench: workbench, token: token,
            analysis: AnalysisPage(executable: Executable.current, devices: target.catalog.devices))
        var logger = Logger(label: "scs.ui")
        logger.logLevel = .warning
        let application = UIServer.application(router: router, port: port, logger: logger) { port in
            // Unbuffered, so that a script reading the pipe sees the address at once.
            FileHandle.standardOutput.write(
                Data("scs ui: open http://127.0.0.1:\(port)/?token=\(token)\nstop with Ctrl-C\n".utf8))
        }
        do {
            try await application.runService()
        } catch {
            await workbench.close()
            throw InputError("--port \(port)", "cannot serve: \(error)")
        }
        await workbench.close()
    }

    /// 128 random bits as hex: the launch token.
    static func makeToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(generator.next() as UInt32, radix: 16) }
            .map { String(repeating: "0", count: 8 - $0.count) + $0 }.joined()
    }
}
