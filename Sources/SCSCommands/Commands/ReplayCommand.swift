import ArgumentParser
import DeviceProfiles
import FileIO
import Foundation
import RecordingFormat
import Replay
import TherapyLog

/// `scs replay`: drives a recording's commands into a stimulator and compares what the device does
/// with what the recording says.
package struct ReplayCommand: AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay a recording's commands into a stimulator and report where the device differs.",
        usage: "scs replay <file> --target <target> [<options>]",
        discussion: """
            Writes, activations, amplitude changes and therapy on/off are sent in order, each in a session \
            of the role that sent it, with the device clock set to the event's time; refused commands are \
            sent again and must be refused for the same rules; at the end the device's therapy state, \
            active slot and amplitude must match the recording's. The simulator is one of the recording's \
            device (--device overrides), in this process, or the one `scs serve` runs at --socket; with \
            --target usb it is the stimulator on USB (--serial S among several; without hardware: \
            `scs usb emulate --device ID -- scs replay FILE --target usb`).

            Exit status: 0 no divergence; 1 a divergence; 2 bad input (unreadable file, not a recording, \
            a newer format version, unknown device, bad flag, a simulator that cannot be reached).
            """)

    /// The kinds of stimulator a replay can drive.
    enum Target: String, ExpressibleByArgument, CaseIterable {
        case simulator
        case usb
    }

    @Argument(help: "The recording to replay (.scsrec.jsonl); - for standard input.") var file: String

    @Option(help: "The kind of stimulator to drive.") var target: Target

    @OptionGroup var simulator: TargetOptions

    @Option(
        help: """
            max (no waiting, the default) or N from 0.001 to 1000000: recorded time passes N times faster than \
            real time.
            """)
    var speed = "max"

    @Flag(help: "Write one JSON document to stdout.") var json = false
    @Flag(help: "No progress on stderr (by default a bar on a terminal, else a line every 5 s).") var quiet = false

    package init() {}

    package func run() async throws {
        let speed = try ReplaySpeed(speed)
        if target == .usb, let socket = simulator.socket {
            throw InputError("--socket \(socket)", "reaches a served simulator, not the stimulator --target usb drives")
        }
        let (header, events, skipped) = try Self.read(file)
        let target = try Self.target(simulator, overUSB: target == .usb, header: header, file: file)
        let empty = ReplayReport(
            file: file, device: simulator.device ?? header.device, target: target.name, skippedLines: skipped)
        let progress = ProgressBar(
            total: events.count, label: "replaying \(URL(fileURLWithPath: file).lastPathComponent)", unit: "events",
            mode: ProgressBar.mode(quiet: quiet))
        var replay = RecordingReplay(events: events, connection: try TargetLink(target), speed: speed, report: empty)
        let report: ReplayReport
        do {
            report = try await replay.run { progress.update($0) }
        } catch .connection(let error as InputError) {
            throw error
        } catch {
            throw InputError(error.location, error.message)
        }
        progress.finish()
        if json {
            try JSONOutput.write(report)
        } else {
            print(TextWidth.fitted(ReplayText.render(report)))
        }
        if !report.divergences.isEmpty { throw ExitCode(1) }
    }

    /// The target for `header`'s device; an unknown device named only by the header is that line's.
    private static func target(
        _ options: TargetOptions, overUSB: Bool, header: RecordingHeader, file: String
    ) throws(InputError) -> SessionTarget {
        do {
            return try options.resolve(fallbackDevice: header.device, serial: header.serial, overUSB: overUSB)
        } catch {
            guard !overUSB, options.usbSerial == nil, options.device == nil, options.socket == nil else { throw error }
            throw InputError("\(file): line 1", error.message)
        }
    }

    /// The header, the events and the lines the reader skipped; what makes the file no recording is
    /// bad input.
    package static func read(_ file: String) throws(InputError) -> (RecordingHeader, [RecordedEvent], [Int]) {
        var events: [RecordedEvent] = []
        var skipped: [Int] = []
        let input: InputFile
        do {
            input = try InputFile(path: file)
        } catch {
            throw InputError(file, error.reason)
        }
        do {
            let reader = try RecordingReader(input: input, decoder: StrictLineDecoder())
            _ = try reader.read { item in
                switch item {
                case .event(let event): events.append(event)
                case .finding(let finding) where finding.kind.isFatalWhenStrict || finding.kind == .unknownType:
                    skipped.append(finding.line)
                case .finding: break
                }
            }
            return (reader.header, events, skipped)
        } catch {
            throw InputError(file, error.description)
        }
    }
}
