import DeviceProfiles
import Foundation
import RecordingFormat
import StimDevice
import StimSafety
import Testing
import TherapyLog

@Suite("The patient-behaviour model")
struct PatientModelTests {
    static func configuration(_ id: String, impedanceSeed: UInt64 = 1) throws -> SimulatorConfiguration {
        let profile = try TestDevice.catalog().profile(id: id)
        var configuration = SimulatorConfiguration(
            profileID: profile.id, model: profile.name, serial: "SIM-9", slotCount: profile.programs,
            limits: profile.limits)
        configuration.impedanceSeed = impedanceSeed
        return configuration
    }

    @Test("the seed fixes the whole recording, the configuration's impedance seed included")
    func theSeedFixesTheRecording() async throws {
        var first = PatientModel(configuration: try Self.configuration("hf10k-16", impedanceSeed: 1), seed: 3)
        var again = PatientModel(configuration: try Self.configuration("hf10k-16", impedanceSeed: 2), seed: 3)
        var other = PatientModel(configuration: try Self.configuration("hf10k-16", impedanceSeed: 1), seed: 4)
        let recording = try await first.recording(days: 14)
        #expect(try await again.recording(days: 14) == recording)
        #expect(try await other.recording(days: 14) != recording)
    }

    @Test("a run reports each day, ends at midnight after the last, and reads back strictly with therapy every day")
    func aRunCoversEveryDay() async throws {
        var model = PatientModel(configuration: try Self.configuration("tonic-16"), seed: 5)
        var finished: [Int] = []
        let recording = try await model.recording(days: 21) { finished.append($0) }
        #expect(finished == Array(1...21))
        #expect(model.clock.now() == PatientModel.defaultStart.advanced(by: .seconds(21 * 86_400)))

        let url = FileManager.default.temporaryDirectory.appendingPathComponent("model-\(UUID()).scsrec.jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(recording).write(to: url)
        let catalog = try TestDevice.catalog()
        let report = try RecordingAnalysis.analyze(
            contentsOf: url, file: "model.scsrec.jsonl", options: ReadingOptions(isStrict: true),
            limits: { header in try catalog.profile(id: header.device).limits })
        #expect(report.findings.isEmpty)
        #expect(report.recordedHours == 21 * 24)
        #expect(report.daysWithTherapy == 21)
        #expect(report.serial == "SIM-9")
        #expect(report.impedanceAlerts == 0)
        #expect(report.charges.count >= 3, "a rechargeable device goes on its charger every Sunday night")
    }

    @Test("a run writes its recording a day at a time: a header, one small piece per day, and the end line")
    func aRunWritesAsItGoes() async throws {
        var model = PatientModel(configuration: try Self.configuration("tonic-16"), seed: 5)
        var pieces: [[UInt8]] = []
        try await model.run(days: 60) { pieces.append($0) }
        #expect(pieces.count == 61, "the last day's piece closes the recording")
        let lines = pieces.map { String(decoding: $0, as: UTF8.self).split(separator: "\n") }
        #expect(lines.first?.first?.contains(#""type":"header""#) == true)
        #expect(lines.last?.last?.contains(#""type":"end""#) == true)
        #expect(lines.dropFirst().allSatisfy { !$0.contains { $0.contains(#""type":"header""#) } })
        #expect(pieces.map(\.count).max() ?? 0 < 8_192, "a day holds a few dozen events")
        #expect(model.device.exportRecording().count < 512, "the device holds nothing it has handed over")
    }
}

extension PatientModel {
    /// Runs `days` days and returns the whole recording the run writes.
    mutating func recording(days: Int, progress: (Int) -> Void = { _ in }) async throws -> [UInt8] {
        var recording: [UInt8] = []
        try await run(days: days, progress: progress) { recording += $0 }
        return recording
    }
}
