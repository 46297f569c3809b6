import Foundation
import StimDevice
import StimDeviceTestSupport
import StimProtocol
import StimSafety
import Testing

@Suite("A programming session")
struct ProgrammingSessionTests {
    @Test("runs end to end over the in-process transport")
    func inProcess() async throws {
        let test = try TestDevice()
        let device = test.device
        let steps = try await ProgrammingSessionCheck(device: device, keys: test.keys) {
            InProcessTransport(device: device)
        }.run()
        #expect(steps.last == "close")
    }

    @Test(
        "runs end to end against every shipped profile",
        arguments: ["tonic-16", "burst-16-primary", "hf10k-16", "drg-4x4", "paddle-32", "research-ins-16"])
    func everyProfile(_ profileID: String) async throws {
        let test = try TestDevice(profileID)
        let device = test.device
        try await ProgrammingSessionCheck(device: device, keys: test.keys) { InProcessTransport(device: device) }.run()
    }

    @Test("runs end to end over a Unix-domain socket")
    func unixSocket() async throws {
        let test = try TestDevice()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "scs-\(UUID().uuidString.prefix(8)).sock"
        ).path
        let server = try StimulatorSocketServer(device: test.device, path: path)
        defer { server.stop() }
        try await ProgrammingSessionCheck(device: test.device, keys: test.keys) {
            try UnixSocketTransport(path: path)
        }.run()
        // The server takes the next connection once the first has gone.
        let again = try await Programmer.connect(
            over: UnixSocketTransport(path: path), role: .clinician, key: test.key(.clinician), limits: test.limits)
        #expect(try await again.readState() == test.device.state())
        await again.close()
    }

    @Test("reads back exactly what it wrote, and the device logs it")
    func writeReadBack() async throws {
        let test = try TestDevice()
        let programmer = try await test.connect()
        let program = try tonic("4.5", patientRange: ("2", "6"))
        let validation = try await programmer.write(program, to: 2)
        #expect(validation.verdict == .accepted)
        #expect(await programmer.lastState.slots[1].program == program)
        #expect(test.device.state().slots[1].program == program)
        #expect(test.device.state().slots[1].isEnabled)
        let log = String(decoding: try await programmer.readEventLog(), as: UTF8.self)
        #expect(
            log.contains(
                #""type":"program","slot":2,"by":"clinician","program":{"amplitude":4.5,"pulseWidth":300,"frequency":50,"waveform":"tonic","contacts":{"2":-100,"3":100},"recovery":"active","patientRange":{"min":2,"max":6}}"#
            ))
    }

    @Test("refuses a device of an unknown profile")
    func unknownProfile() async throws {
        let test = try TestDevice()
        await #expect(throws: ProgrammerError.unknownDevice(profileID: "tonic-16")) {
            _ = try await Programmer.connect(
                over: InProcessTransport(device: test.device), role: .clinician, key: test.key(.clinician),
                limits: { _ in nil })
        }
    }

    @Test("is refused with the wrong key, and the device stays unchanged")
    func wrongKey() async throws {
        let test = try TestDevice()
        let wrong = try DeviceKey(bytes: [UInt8](repeating: 7, count: 32))
        await #expect(throws: ProgrammerError.unauthorized) {
            _ = try await Programmer.connect(
                over: InProcessTransport(device: test.device), role: .clinician, key: wrong, limits: test.limits)
        }
        // A patient key cannot open a clinician session either.
        await #expect(throws: ProgrammerError.unauthorized) {
            _ = try await Programmer.connect(
                over: InProcessTransport(device: test.device), role: .clinician, key: test.key(.patient),
                limits: test.limits)
        }
        #expect(test.device.snapshot().openSessionCount == 0)
    }

    @Test("times out when nothing answers, after its retries")
    func silentDevice() async throws {
        let test = try TestDevice()
        let silent = FaultInjectingTransport(
            wrapping: InProcessTransport(device: test.device), plan: .symmetric(FaultRates(drop: 1), seed: 1))
        let configuration = ProgrammerConfiguration(replyTimeout: .milliseconds(5), attempts: 3)
        await #expect(throws: ProgrammerError.timeout) {
            _ = try await Programmer.connect(
                over: silent, role: .clinician, key: test.key(.clinician), limits: test.limits,
                configuration: configuration)
        }
        #expect(silent.injected.outbound[.drop] == 3)
    }
}
