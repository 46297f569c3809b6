import DeviceProfiles
import Logging
import StimDevice
import StimProtocol
import StimSafety
import Synchronization
import Testing

@Suite("Several hosts at once")
struct ConcurrencyTests {
    @Test("sessions on several threads each keep their own numbering and every write lands whole")
    func concurrentSessions() async throws {
        let test = try TestDevice()
        let programs = try FaultInjectionTests.programs()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for slot: Slot in [1, 2, 3, 4] {
                group.addTask {
                    let programmer = try await test.connect()
                    for round in 0..<40 {
                        try await programmer.write(programs[(round + slot.number) % programs.count], to: slot)
                    }
                    await programmer.close()
                }
            }
            try await group.waitForAll()
        }
        for slot in 1...4 {
            #expect(test.device.state().slots[slot - 1].program == programs[(39 + slot) % programs.count])
        }
        #expect(test.device.snapshot().openSessionCount == 0)
    }

    @Test("the device logs through the logger it is given")
    func logging() async throws {
        let records = LogRecords()
        let profile = try TestDevice().profile
        var generator = SeededRandom(seed: 1)
        let keys = DeviceKeyStore.generate(using: &generator)
        let device = SimulatedStimulator(
            configuration: SimulatorConfiguration(
                profileID: profile.id, model: profile.name, serial: "S", slotCount: 4, limits: profile.limits),
            keys: keys, clock: ManualClock(start: TestDevice.start), random: SeededRandom(seed: 2),
            logger: Logger(label: "test", factory: { _ in records.handler() }))
        var raw = try RawSession.open(device, role: .clinician, key: try #require(keys.key(for: .clinician)))
        _ = try raw.send(.writeProgram(ProgramWrite(slot: 1, program: try tonic("10", "500"))))
        let messages = records.messages
        #expect(messages.contains { $0.contains("open for clinician") })
        #expect(messages.contains { $0.contains("refused (safetyRejected)") })
    }
}

/// Log messages kept in memory, for tests that read what was logged.
final class LogRecords: Sendable {
    private let lines = Mutex<[String]>([])

    var messages: [String] { lines.withLock { $0 } }

    func handler() -> some LogHandler { Handler(records: self) }

    private struct Handler: LogHandler {
        let records: LogRecords
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            records.lines.withLock { $0.append("\(event.level): \(event.message)") }
        }
    }
}
