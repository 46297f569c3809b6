import FileIO
import Foundation
import Testing

@testable import SCSCommands

/// Progress goes to stderr, never stdout: a bar on a terminal, heartbeat lines on a pipe, nothing with
/// `--quiet` (`docs/cli.md` §1).
@Suite("Progress on stderr for long work")
struct ProgressTests {
    /// A sink for what a progress writes.
    final class Sink: @unchecked Sendable {  // Written and read on the test's one thread only.
        var text = ""
    }

    @Test func onAPipeEachDueUpdateWritesAHeartbeatWithPercentAndRateAndTheEndWritesALastOne() {
        let sink = Sink()
        let progress = ProgressBar(
            total: 200, label: "simulating tonic-16", unit: "days", mode: .heartbeat, interval: .zero,
            write: { sink.text += $0 })
        progress.update(50)
        progress.update(200)
        progress.finish()
        let lines = sink.text.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("simulating tonic-16: 25 % (50/200 days) in "))
        #expect(lines[1].hasPrefix("simulating tonic-16: 100 % (200/200 days) in "))
        #expect(lines.allSatisfy { $0.hasSuffix(" days/s") })
    }

    @Test func workShorterThanTheIntervalWritesNothingOnAPipe() {
        let sink = Sink()
        let progress = ProgressBar(
            total: 10, label: "replaying r", unit: "events", mode: .heartbeat, write: { sink.text += $0 })
        for done in 1...10 { progress.update(done) }
        progress.finish()
        #expect(sink.text.isEmpty)
    }

    @Test func quietWritesNothingAndATerminalGetsABarRedrawnInPlaceAndWipedBeforeAReport() {
        let quiet = Sink()
        let silent = ProgressBar(
            total: 10, label: "x", unit: "days", mode: .quiet, interval: .zero, write: { quiet.text += $0 })
        silent.update(5)
        silent.finish()
        #expect(quiet.text.isEmpty)
        let terminal = Sink()
        let bar = ProgressBar(total: 10, label: "x", unit: "days", mode: .bar, write: { terminal.text += $0 })
        bar.update(5)
        bar.clear()
        silent.clear()
        bar.finish()
        #expect(terminal.text == "\rx [███████████████···············] 5/10\r\u{1B}[K\n")
        #expect(quiet.text.isEmpty)
    }

    @Test func analyzeFollowsTheReadingOfARegularFileUnlessQuiet() throws {
        let path = SCSProcess.root.appendingPathComponent(StreamInputTests.recording).path
        let followed = try InputFile(path: path)
        ProgressBar.follow(followed, path: path, quiet: false)
        #expect(followed.onRead != nil)
        _ = try followed.readAll()
        #expect(followed.bytesRead == (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int))
        let quiet = try InputFile(path: path)
        ProgressBar.follow(quiet, path: path, quiet: true)
        #expect(quiet.onRead == nil)
        let analyzed = try SCSProcess.run(["analyze", StreamInputTests.recording, "--quiet"])
        #expect(analyzed.status == 0)
        #expect(analyzed.stderr.isEmpty)
    }

    @Test func replayAndSimulateTakeQuietAndKeepStdoutFreeOfProgress() throws {
        let replay = try SCSProcess.run([
            "replay", "Recordings/edge-cases/burst-with-cycling.scsrec.jsonl", "--target", "simulator", "--speed",
            "max", "--json", "--quiet",
        ])
        #expect(replay.stderr.isEmpty)
        #expect(try JSONSerialization.jsonObject(with: Data(replay.stdout.utf8)) is [String: Any])
        let simulate = try SCSProcess.run(["simulate", "--device", "tonic-16", "--days", "2", "--out", "-", "--quiet"])
        #expect(simulate.status == 0)
        #expect(!simulate.stdout.contains("simulating"))
        #expect(simulate.stderr.hasPrefix("2 days of tonic-16 written to -"))
    }
}
