import DeviceProfiles
import Replay
import StimDevice
import StimProtocol
import StimSafety
import Testing

/// An in-process simulator of the bundled tonic-16 profile as a replay's connection.
private struct LocalSimulator: ReplayConnection {
    let device: SimulatedStimulator
    let keys: DeviceKeyStore
    let limits: DeviceLimits

    init() throws {
        let profile = try DeviceCatalog.bundled().profile(id: "tonic-16")
        var generator = SystemRandomNumberGenerator()
        keys = DeviceKeyStore.generate(using: &generator)
        limits = profile.limits
        device = SimulatedStimulator(
            configuration: SimulatorConfiguration(
                profileID: profile.id, model: profile.name, serial: "REPLAY-T", slotCount: profile.programs,
                limits: profile.limits),
            keys: keys)
    }

    var name: String { "test simulator" }

    var localSimulator: SimulatedStimulator? { device }

    func programmer(as role: Role) async throws -> Programmer {
        try await Programmer.connect(
            over: InProcessTransport(device: device), role: role, key: try #require(keys.key(for: role)),
            limits: limits)
    }

    func close() async {}
}

@Suite("A replay's connection")
struct ReplayConnectionTests {
    @Test func aReplayOfNoEventsOnABlankDeviceFindsNothing() async throws {
        let empty = ReplayReport(file: "empty", device: "tonic-16", target: "test simulator", skippedLines: [])
        var replay = RecordingReplay(events: [], connection: try LocalSimulator(), speed: .max, report: empty)
        let report = try await replay.run { _ in }
        #expect(report.commands == 0 && report.divergences.isEmpty && report.notes.isEmpty)
    }

    @Test func aDeviceOfAnotherProfileStopsTheReplayNamingBoth() async throws {
        let empty = ReplayReport(file: "other", device: "drg-4x4", target: "test simulator", skippedLines: [])
        var replay = RecordingReplay(events: [], connection: try LocalSimulator(), speed: .max, report: empty)
        await #expect {
            _ = try await replay.run { _ in }
        } throws: { error in
            guard case .wrongDevice(let target, let reported, let expected) = error as? RecordingReplay.Failure else {
                return false
            }
            return target == "test simulator" && reported == "tonic-16" && expected == "drg-4x4"
                && "\(error)" == "test simulator: the device is a tonic-16, not the drg-4x4 the replay is for"
        }
    }

    @Test func aConnectionsOwnErrorReachesTheCallerUnchanged() async throws {
        struct Refused: Error {}
        struct Unreachable: ReplayConnection {
            var name: String { "nowhere" }
            var localSimulator: SimulatedStimulator? { nil }
            func programmer(as role: Role) async throws -> Programmer { throw Refused() }
            func close() async {}
        }
        let empty = ReplayReport(file: "f", device: "tonic-16", target: "nowhere", skippedLines: [])
        var replay = RecordingReplay(events: [], connection: Unreachable(), speed: .max, report: empty)
        await #expect {
            _ = try await replay.run { _ in }
        } throws: { error in
            guard case .connection(let underlying) = error as? RecordingReplay.Failure else { return false }
            return underlying is Refused
        }
    }
}
