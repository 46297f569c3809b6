import Benchmark
import DeviceProfiles
import StimDevice
import StimProtocol
import StimSafety

// Every programming session, replay and simulation talks to the simulated stimulator through the real
// `Programmer` (host-side validation, framing, authentication, the device's own validation, read-back),
// so a round trip must cost microseconds; `scs simulate` drives months of patient behaviour through the
// same path on a manual clock, and should simulate a year in under a second. Since protocol version 2
// every frame of a session carries a MAC, four per round trip (host signs, device checks, device signs,
// host checks), each of which must cost under 2 µs. Time is measured here, never asserted by tests.

/// Simulated days per second of wall-clock time, for one whole run.
let simulatedDaysPerSecond = BenchmarkMetric.custom(
    "simulated days/s", polarity: .prefersLarger, useScalingFactor: false)

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock, .mallocCountTotal], scalingFactor: .kilo, maxDuration: .seconds(3),
        maxIterations: 100)

    Benchmark("Programmer round trip, readBattery, in process") { benchmark in
        let session = try await BenchmarkDevice.session()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try await session.readBattery())
        }
        benchmark.stopMeasurement()
        await session.close()
    }

    Benchmark("Programmer round trip, readState, in process") { benchmark in
        let session = try await BenchmarkDevice.session()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try await session.readState())
        }
        benchmark.stopMeasurement()
        await session.close()
    }

    Benchmark("Programmer validated write with read-back, in process") { benchmark in
        let session = try await BenchmarkDevice.session()
        let programs = try BenchmarkDevice.twoPrograms(session.limits)
        benchmark.startMeasurement()
        // Two programs alternate so that every write changes the slot.
        for iteration in benchmark.scaledIterations {
            blackHole(try await session.write(programs[iteration & 1], to: 1))
        }
        benchmark.stopMeasurement()
        await session.close()
    }

    Benchmark("Frame MAC, a readState reply of a device with a program") { benchmark in
        let (frame, key) = try await BenchmarkDevice.readStateReply()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(frame.authenticated(with: key))
        }
        benchmark.stopMeasurement()
    }

    Benchmark("Frame MAC, a frame of the largest payload (4,060 bytes)") { benchmark in
        let (reply, key) = try await BenchmarkDevice.readStateReply()
        let frame = try Frame(header: reply.header, payload: Array(repeating: 0x41, count: Frame.maximumPayloadLength))
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(frame.authenticated(with: key))
        }
        benchmark.stopMeasurement()
    }

    for device in ["tonic-16", "burst-16-primary"] {
        Benchmark(
            "PatientModel, one simulated year of \(device)",
            configuration: .init(
                metrics: [.wallClock, simulatedDaysPerSecond, .mallocCountTotal, .peakMemoryResident],
                timeUnits: .milliseconds, scalingFactor: .one, maxDuration: .seconds(20), maxIterations: 10)
        ) { benchmark in
            let configuration = try BenchmarkDevice.configuration(device)
            for iteration in benchmark.scaledIterations {
                // A model runs once, so each iteration simulates a fresh device (with its own seed).
                var model = PatientModel(configuration: configuration, seed: UInt64(iteration + 1))
                let start = ContinuousClock.now
                var recorded = 0
                try await model.run(days: 365) { recorded += $0.count }
                let seconds = (ContinuousClock.now - start) / .seconds(1)
                blackHole(recorded)
                benchmark.measurement(simulatedDaysPerSecond, Int(365 / seconds))
            }
        }
    }
}
