import FuzzSupport
import StimDevice
import StimProtocol
import StimSafety

extension DeviceFuzzer {
    /// Streams of real requests (identify, a session opened and left, damaged frames) and sessions of
    /// typical commands, made with the current encoders so that they follow the protocol version.
    @Sendable static func seeds() throws -> [Seed] {
        let identify = try Frame(request: .identify, sequence: 1, session: .none).encoded()
        let open = try Frame(request: .openSession(.clinician), sequence: 2, session: .none).encoded()
        let read = try Frame(request: .readState, sequence: 3, session: SessionID(rawValue: 1)).encoded()
        var damaged = read
        damaged[damaged.count - 1] ^= 0xFF
        var seeds = [
            Seed(name: "stream-identify", bytes: [0, 255] + identify),
            Seed(name: "stream-open-and-read", bytes: [0, 5] + identify + open + read),
            Seed(name: "stream-damaged", bytes: [0, 0] + damaged + identify),
        ]
        let program =
            limits.sampleProgram()
            ?? StimProgram(
                amplitude: Nanoamps(units: 2), pulseWidth: Nanoseconds(units: 200),
                rate: .frequency(Millihertz(units: 50)),
                contacts: [])
        var louder = program
        louder.amplitude = program.amplitude + program.amplitude
        let sessions: [(String, UInt8, [SessionRecord])] = [
            (
                "clinician-program", 1,
                [
                    try SessionRecord(.writeProgram(ProgramWrite(slot: 2, program: louder))),
                    try SessionRecord(.activateSlot(2)), try SessionRecord(.setTherapy(true), clockAdvanceSeconds: 2),
                    try SessionRecord(.adjustAmplitude(program.amplitude), clockAdvanceSeconds: 3),
                    try SessionRecord(.measureImpedance), try SessionRecord(.readState),
                ]
            ),
            (
                "clinician-log-and-clock", 1,
                [
                    try SessionRecord(.readBattery, clockAdvanceSeconds: 7),
                    try SessionRecord(.readEventLog(LogRange(offset: 0, length: 512))),
                    try SessionRecord(.setClock(epochNanoseconds: 1_800_000_000_000_000_000)),
                    try SessionRecord(.setTherapy(false)), try SessionRecord(.closeSession),
                ]
            ),
            (
                "patient-adjust", 3,
                [
                    try SessionRecord(.adjustAmplitude(louder.amplitude), clockAdvanceSeconds: 1),
                    try SessionRecord(.adjustAmplitude(Nanoamps(units: 1))), try SessionRecord(.setTherapy(false)),
                    try SessionRecord(.activateSlot(1)),
                    try SessionRecord(.writeProgram(ProgramWrite(slot: 1, program: louder))),
                ]
            ),
        ]
        for (name, mode, records) in sessions {
            seeds.append(Seed(name: name, bytes: [mode] + records.flatMap(\.encoded)))
        }
        return seeds
    }
}
