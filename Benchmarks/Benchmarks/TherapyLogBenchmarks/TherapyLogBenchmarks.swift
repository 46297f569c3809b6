import Benchmark
import DeviceProfiles
import Foundation
import RecordingFormat
import StimSafety
import TherapyLog

// `scs analyze` must keep up with years of device logs: the reader and analyzer should stream at
// 250 MB/s or more on one core, in under 64 MB whatever the file's size. Each benchmark reads a
// recording of at least 100 MB, written to a temporary file in its setup (removed in teardown),
// once through the decoder `scs analyze` uses (the written layout's fast path, the strict parser for
// other lines), once more writing the report as `scs analyze --json` does, and, for comparison,
// through a plain `JSONDecoder` per line.

/// Throughput of one pass over the file.
let megabytesPerSecond = BenchmarkMetric.custom("MB/s", polarity: .prefersLarger, useScalingFactor: false)

/// The recording the running benchmark reads, written by its setup.
nonisolated(unsafe) var recording: (url: URL, bytes: Int)?

let benchmarks: @Sendable () -> Void = {
    let decoders: [(name: String, iterations: Int, read: @Sendable (URL, DeviceLimits) throws -> RecordingReport)] = [
        ("strict decoder (scs analyze)", 10, { url, limits in try analyze(url) { _ in limits } }),
        (
            "strict decoder and the JSON report (scs analyze --json)", 10,
            { url, limits in
                let report = try analyze(url) { _ in limits }
                // Handed on in pieces as it is written, as `scs analyze --json` hands it to standard output.
                var json = JSONTextWriter(pretty: true, depth: 2, chunksOf: 1 << 16) { blackHole($0) }
                try report.writeJSON(to: &json)
                json.flush()
                return report
            }
        ),
        ("JSONDecoder per line (baseline)", 3, { try analyze($0, $1, decoder: CodableLineDecoder()) }),
    ]
    for decoder in decoders {
        Benchmark(
            "TherapyLog read and analyse, \(decoder.name)",
            configuration: .init(
                metrics: [.wallClock, megabytesPerSecond, .peakMemoryResident, .mallocCountTotal],
                timeUnits: .milliseconds, scalingFactor: .one, maxDuration: .seconds(120),
                maxIterations: decoder.iterations, thresholds: [.peakMemoryResident: .init(absolute: [.p90: 64 << 20])]
            )
        ) { benchmark in
            guard let recording else { return benchmark.error("no recording was written") }
            let limits: DeviceLimits
            do {
                limits = try profiles().profile(id: "tonic-16").limits
            } catch {
                return benchmark.error("cannot load the tonic-16 profile: \(error)")
            }
            for _ in benchmark.scaledIterations {
                let start = ContinuousClock.now
                do {
                    let report = try decoder.read(recording.url, limits)
                    blackHole(report)
                    guard report.findings.isEmpty, report.therapyHours > 0 else {
                        return benchmark.error("unexpected report: \(report.findings.prefix(3))")
                    }
                } catch {
                    return benchmark.error("reading failed: \(error)")
                }
                let seconds = (ContinuousClock.now - start) / .seconds(1)
                benchmark.measurement(megabytesPerSecond, Int(Double(recording.bytes) / 1_000_000 / seconds))
            }
        } setup: {
            recording = try BenchmarkRecording.write()
        } teardown: {
            if let recording { try? FileManager.default.removeItem(at: recording.url) }
            recording = nil
        }
    }
}

/// Reads and analyses the recording at `url` as `scs analyze` does.
func analyze(_ url: URL, limits: (RecordingHeader) throws -> DeviceLimits) throws -> RecordingReport {
    try RecordingAnalysis.analyze(contentsOf: url, file: url.lastPathComponent, limits: limits)
}

/// Reads and analyses the recording at `url` with `decoder`.
func analyze(_ url: URL, _ limits: DeviceLimits, decoder: some RecordingLineDecoder) throws -> RecordingReport {
    try RecordingAnalysis.analyze(contentsOf: url, file: url.lastPathComponent, decoder: decoder) { _ in limits }
}

/// The shipped device profiles, from the repository this package sits in.
func profiles() throws -> DeviceCatalog {
    let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TherapyLogBenchmarks
        .deletingLastPathComponent()  // Benchmarks
        .deletingLastPathComponent()  // Benchmarks package
        .deletingLastPathComponent()
    return try DeviceCatalog(contentsOf: root.appendingPathComponent("Devices", isDirectory: true))
}
