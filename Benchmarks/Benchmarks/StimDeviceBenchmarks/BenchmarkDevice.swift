import DeviceProfiles
import StimDevice
import StimProtocol
import StimSafety

/// The simulated devices the benchmarks talk to, made from the bundled profiles.
enum BenchmarkDevice {
    /// Why a benchmark could not set up its device.
    struct SetupError: Error, CustomStringConvertible {
        var description: String
    }

    /// The simulator configuration of the bundled profile `id`, built the way `scs simulate` builds it.
    static func configuration(_ id: String) throws -> SimulatorConfiguration {
        let profile = try DeviceCatalog.bundled().profile(id: id)
        return SimulatorConfiguration(
            profileID: profile.id, model: profile.name, serial: "BENCH-1", slotCount: profile.programs,
            limits: profile.limits)
    }

    /// A clinician session through the real `Programmer` with a fresh `tonic-16` simulator in this
    /// process.
    static func session() async throws -> Programmer {
        var generator = SeededRandom(seed: 1)
        let keys = DeviceKeyStore.generate(using: &generator)
        let device = SimulatedStimulator(
            configuration: try configuration("tonic-16"), keys: keys, random: SeededRandom(seed: 2))
        guard let key = keys.key(for: .clinician) else { throw SetupError(description: "no clinician key") }
        return try await Programmer.connect(
            over: InProcessTransport(device: device), role: .clinician, key: key, limits: device.limits)
    }

    /// The readState reply frame of a `tonic-16` simulator holding its sample program in slot 1, as the
    /// device sends it in a clinician session, and that session's key.
    static func readStateReply() async throws -> (Frame, SessionKey) {
        let session = try await session()
        try await session.write(try twoPrograms(session.limits)[0], to: 1)
        let state = try await session.readState()
        await session.close()
        var generator = SeededRandom(seed: 3)
        let roleKey = try DeviceKey(bytes: (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let nonce = Nonce.random(using: &generator)
        let id = SessionID(rawValue: 0x0A0B_0C0D)
        let key = SessionKey(roleKey: roleKey, role: .clinician, session: id, deviceNonce: nonce, hostNonce: nonce)
        return (try Frame(reply: .readState(state), sequence: 7, session: id), key)
    }

    /// Two programs the device accepts in slot 1 without warnings: its sample program, and the same at
    /// the top of its patient range.
    static func twoPrograms(_ limits: DeviceLimits) throws -> [StimProgram] {
        guard let sample = limits.sampleProgram(slot: 1), let range = sample.patientRange,
            range.max != sample.amplitude
        else {
            throw SetupError(description: "the profile has no sample program with a patient range")
        }
        var high = sample
        high.amplitude = range.max
        return [sample, high]
    }
}
