import RecordingFormat
import StimProtocol
import StimSafety

/// A seeded model of how a patient (and now and then a clinician) uses a stimulator, driven through
/// the real ``Programmer`` against a ``SimulatedStimulator`` on a ``ManualClock``: what `scs simulate`
/// runs, and what the device benchmarks measure.
///
/// Day zero the clinician measures impedances and writes three programs: slot 1 (the device's sample
/// program), slot 2 (the same with the poles swapped) and slot 3, which is then disabled for the
/// patient's remote. Every day the patient switches therapy on between 07:00 and 08:30 and off between
/// 21:30 and 23:00, makes one to three amplitude adjustments within the patient range, now and then
/// spends an afternoon on slot 2, and sometimes asks for the disabled slot 3, which the device refuses.
/// A rechargeable device goes on its charger every Sunday night, and any night its battery is below
/// half; the charge ends by itself when the cell is full. Every seventh
/// day the clinician checks the impedances and reads the battery.
///
/// A model runs once: ``run(days:progress:write:)`` leaves its device at the end of the simulation.
public struct PatientModel: Sendable {
    /// The simulated device.
    public let device: SimulatedStimulator
    /// The clock the device reads; the model moves it.
    public let clock: ManualClock
    /// The device's keys.
    public let keys: DeviceKeyStore
    /// The instant the simulation starts (midnight UTC).
    public let start: Timestamp
    /// The model's own randomness, so a seed reproduces a run.
    private var random: SeededRandom

    /// The first simulated day unless told otherwise: Monday 2026-01-05, midnight UTC.
    public static let defaultStart = Timestamp(year: 2026, month: 1, day: 5)

    /// A model of a patient using a fresh device made from `configuration`, starting at `start`.
    ///
    /// `seed` fixes everything random, so the same configuration and seed give the same recording:
    /// the device's keys, its contacts' impedances (it replaces `configuration.impedanceSeed`), its
    /// session ids and nonces, and the patient's behaviour.
    public init(configuration: SimulatorConfiguration, seed: UInt64, start: Timestamp = defaultStart) {
        var generator = SeededRandom(seed: seed)
        let keys = DeviceKeyStore.generate(using: &generator)
        let clock = ManualClock(start: start)
        var configuration = configuration
        configuration.impedanceSeed = seed
        device = SimulatedStimulator(
            configuration: configuration, keys: keys, clock: clock, random: SeededRandom(seed: seed &+ 1))
        self.clock = clock
        self.keys = keys
        self.start = start
        random = SeededRandom(seed: seed &+ 2)
    }

    /// Why the model could not run on this device.
    public struct Failure: Error, CustomStringConvertible {
        /// What stopped the model.
        public var description: String
    }

    /// Runs `days` days and hands the device's recording to `write` as it is made, a day at a time, so
    /// that memory does not grow with `days`: the pieces, joined, are the recording, closed at midnight
    /// after the last day. `progress` is told each finished day.
    ///
    /// - Throws: ``Failure`` when the profile accepts no program to start from or a role has no key;
    ///   ``ProgrammerError`` when the device refuses what the model does; whatever `write` throws.
    public mutating func run(
        days: Int, progress: (Int) -> Void = { _ in }, write: ([UInt8]) throws -> Void
    ) async throws {
        let limits = device.limits
        guard let first = limits.sampleProgram(slot: 1) else {
            throw Failure(description: "the profile accepts no sample program to start from")
        }
        let clinician = try await connect(.clinician)
        _ = try await clinician.measureImpedance()
        try await clinician.write(first, to: 1)
        let alternative = swappedPoles(first)
        let hasSecond = device.slotCount >= 2 && check(alternative, slot: 2)
        if hasSecond { try await clinician.write(alternative, to: 2) }
        let hasLocked = device.slotCount >= 3 && check(first, slot: 3)
        if hasLocked { try await clinician.write(first, to: 3) }
        try await clinician.activate(slot: 1)
        await clinician.close()
        if hasLocked { try device.setSlot(3, isEnabled: false) }

        let isRechargeable = device.state().battery.isRechargeable
        let patient = try await connect(.patient)
        // Without a patient range the device refuses every patient adjustment, so the patient makes none.
        let range = first.patientRange
        for day in 0..<days {
            if day % 7 == 6 { try await clinicVisit(day: day) }
            move(to: day, minute: Int.random(in: 420...510, using: &random))
            try await patient.setTherapy(on: true)
            var minute = 540
            for _ in 0..<(range == nil ? 0 : Int.random(in: 1...3, using: &random)) {
                minute += Int.random(in: 30...240, using: &random)
                move(to: day, minute: minute)
                if let range { try await patient.setAmplitude(amplitude(in: range, limits: limits)) }
            }
            if hasSecond, Int.random(in: 0..<5, using: &random) == 0 {
                move(to: day, minute: max(minute, 900) + 5)
                try await patient.activate(slot: 2)
                move(to: day, minute: max(minute, 900) + 180)
                try await patient.activate(slot: 1)
            }
            if hasLocked, Int.random(in: 0..<8, using: &random) == 0 {
                move(to: day, minute: 1_230)
                do throws(ProgrammerError) {
                    try await patient.activate(slot: 3)
                } catch {
                    // Expected: the slot is disabled for the remote, and the device logs the refusal.
                    guard case .deviceRejected = error else { throw error }
                }
            }
            move(to: day, minute: Int.random(in: 1_290...1_380, using: &random))
            try await patient.setTherapy(on: false)
            if isRechargeable, isChargingNight(day) {
                move(to: day, minute: Int.random(in: 1_385...1_420, using: &random))
                try device.startCharging()
            }
            try write(device.drainRecording())
            progress(day + 1)
        }
        await patient.close()
        move(to: days, minute: 0)
        try write(device.drainRecording(isClosing: true))
    }

    /// Whether the patient charges tonight: every Sunday, and any night the battery is below half.
    private func isChargingNight(_ day: Int) -> Bool {
        let snapshot = device.snapshot()
        guard !snapshot.isCharging else { return false }
        return day % 7 == 6 || snapshot.batteryFraction < 0.5
    }

    /// A clinic visit at 10:00: an impedance check and a battery reading.
    private func clinicVisit(day: Int) async throws {
        move(to: day, minute: 600)
        let clinician = try await connect(.clinician)
        _ = try await clinician.measureImpedance()
        _ = try await clinician.readBattery()
        await clinician.close()
    }

    private func connect(_ role: Role) async throws -> Programmer {
        guard let key = keys.key(for: role) else { throw Failure(description: "no \(role) key") }
        return try await Programmer.connect(
            over: InProcessTransport(device: device), role: role, key: key, limits: device.limits)
    }

    /// Moves the clock to `minute` minutes after midnight of `day` (never backwards).
    private func move(to day: Int, minute: Int) {
        clock.advance(to: start.advanced(by: .seconds(Int64(day) * 86_400 + Int64(minute) * 60)))
    }

    /// A random amplitude on the device's grid within `range`.
    private mutating func amplitude(in range: PatientRange, limits: DeviceLimits) -> Nanoamps {
        let raw = Int64.random(in: range.min.rawValue...range.max.rawValue, using: &random)
        guard let snapped = limits.snapDown(amplitude: Nanoamps(rawValue: raw)).value, snapped >= range.min else {
            return range.min
        }
        return snapped
    }

    private func swappedPoles(_ program: StimProgram) -> StimProgram {
        var swapped = program
        swapped.contacts = program.contacts.map { ContactShare($0.contact, Percent(rawValue: -$0.percent.rawValue)) }
        return swapped
    }

    private func check(_ program: StimProgram, slot: Slot) -> Bool {
        device.limits.validate(program, context: ValidationContext(slot: slot)).verdict == .accepted
    }
}
