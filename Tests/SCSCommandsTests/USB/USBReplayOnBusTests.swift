import DeviceProfiles
import Foundation
import InMemoryLogging
import Logging
import Replay
import StimDevice
import Testing
import USBTestbed

@testable import SCSCommands

/// A replay against a virtual stimulator on umockdev's bus in this process: only under
/// umockdev-wrapper (`scripts/run-tests` runs it on its own).
@Suite(
    "Replaying a recording over USB", .serialized,
    .enabled(if: InProcessBus.testbed != nil, InProcessBus.skipMessage))
struct USBReplayOnBusTests {
    /// A recording whose roles alternate `rounds` times after a clinician's setup: a patient's
    /// adjustment, then a clinician's, each an hour apart.
    static func alternatingRoles(rounds: Int) throws -> String {
        var lines = Array(ReplayCommandTests.clean.prefix(3))
        for round in 0..<rounds {
            let hour = String(round / 6 + 10)
            let minutes = String((round % 6) * 10)
            let time = "2026-03-02T\(hour):\(minutes.count == 1 ? "0" + minutes : minutes)"
            lines.append(
                #"{"t":"\#(time):00Z","type":"amplitude","slot":1,"amplitude":3.5,"by":"patient"}"#)
            lines.append(
                #"{"t":"\#(time):30Z","type":"amplitude","slot":1,"amplitude":3,"by":"clinician"}"#)
        }
        return try ReplayCommandTests.recording(lines)
    }

    @Test func aReplayWhoseRolesAlternateClaimsTheStimulatorOnceAndOpensOneSessionPerRole() async throws {
        let testbed = try #require(InProcessBus.testbed)
        let profiles = try ProfileSource.catalog(in: nil).profiles
        let profile = try #require(profiles.first { $0.id == "tonic-16" })
        var generator = SeededRandom(seed: 11)
        let keys = DeviceKeyStore.generate(using: &generator)
        let deviceLog = InMemoryLogHandler()
        let simulator = SimulatedStimulator(
            configuration: SimulatorConfiguration(
                profileID: profile.id, model: profile.name, serial: "REPLAY-1", slotCount: profile.programs,
                limits: profile.limits),
            keys: keys, logger: Logger(label: "device", factory: { _ in deviceLog }))
        let device = try testbed.plug(
            .stimulator(productID: 0x5C50, profileID: profile.id, serialNumber: "REPLAY-1"),
            behavior: StimulatorBehavior(device: simulator))
        defer { device.unplug() }

        let rounds = 24
        let (_, events, _) = try ReplayCommand.read(try Self.alternatingRoles(rounds: rounds))
        let target = SessionTarget.usb(serial: "REPLAY-1", keys: keys, keyFile: "test.keys", profiles: profiles)
        let empty = ReplayReport(file: "alternating", device: profile.id, target: target.name, skippedLines: [])
        var replay = RecordingReplay(events: events, connection: try TargetLink(target), speed: .max, report: empty)
        let report = try await replay.run { _ in }

        #expect(report.divergences.isEmpty, "\(report.divergences)")
        #expect(report.commands == 3 + 2 * rounds)
        #expect(device.claimCount == 1)
        let opened = deviceLog.entries.map { "\($0.message)" }.filter { $0.contains(" open for ") }
        #expect(
            opened.count == 2 && opened.contains { $0.hasSuffix("clinician") }
                && opened.contains { $0.hasSuffix("patient") })
        let log = String(decoding: simulator.exportRecording(), as: UTF8.self)
        #expect(log.components(separatedBy: #""by":"patient""#).count - 1 == rounds)
        #expect(simulator.snapshot().openSessionCount == 0)
    }
}
