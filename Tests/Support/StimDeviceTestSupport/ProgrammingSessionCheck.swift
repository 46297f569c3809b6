import StimDevice
import StimProtocol
import StimSafety

/// A whole clinician programming session, run through any transport against a simulated stimulator
/// and compared step by step with the device's real state: connect, measure impedance, write and read
/// back, activate, switch therapy on, adjust, read the battery, read the event log, switch off.
///
/// The in-process tests run it, and the USB tests run the same check with the simulator behind a
/// virtual USB device, so both transports are held to one standard. Start from a device whose slot 1
/// the check may overwrite.
public struct ProgrammingSessionCheck: Sendable {
    /// The device the transport reaches.
    public var device: SimulatedStimulator
    /// The device's keys; the check uses the clinician's.
    public var keys: DeviceKeyStore
    /// Makes a fresh transport to `device`.
    public var makeTransport: @Sendable () async throws -> any Transport
    /// How the programmer waits and retries.
    public var configuration: ProgrammerConfiguration

    public init(
        device: SimulatedStimulator, keys: DeviceKeyStore,
        configuration: ProgrammerConfiguration = ProgrammerConfiguration(),
        makeTransport: @escaping @Sendable () async throws -> any Transport
    ) {
        self.device = device
        self.keys = keys
        self.configuration = configuration
        self.makeTransport = makeTransport
    }

    /// A step of the check that went wrong.
    public struct Failure: Error, CustomStringConvertible {
        /// The step, in words.
        public var step: String
        /// What was expected and what was found.
        public var detail: String

        public var description: String { "\(step): \(detail)" }
    }

    /// Runs the session; returns the steps passed, in order.
    @discardableResult
    public func run() async throws(Failure) -> [String] {
        var steps: [String] = []
        func step<T>(_ name: String, _ body: () async throws -> T) async throws(Failure) -> T {
            do {
                let result = try await body()
                steps.append(name)
                return result
            } catch let failure as Failure {
                throw failure
            } catch {
                throw Failure(step: name, detail: "\(error)")
            }
        }
        func expect(_ condition: Bool, _ step: String, _ detail: @autoclosure () -> String) throws(Failure) {
            if !condition { throw Failure(step: step, detail: detail()) }
        }
        guard let key = keys.key(for: .clinician) else { throw Failure(step: "keys", detail: "no clinician key") }
        guard let program = device.limits.sampleProgram(slot: 1) else {
            throw Failure(step: "sample program", detail: "the profile accepts no sample program")
        }
        let limits = device.limits
        let transport = try await step("transport") { try await makeTransport() }
        let programmer = try await step("connect") {
            try await Programmer.connect(
                over: transport, role: .clinician, key: key, limits: limits, configuration: configuration)
        }
        try expect(programmer.identity == device.identity, "identify", "\(programmer.identity) ≠ \(device.identity)")
        try expect(await programmer.lastState == device.state(), "read state", "the host's state differs")
        let measurement = try await step("measure impedance") { try await programmer.measureImpedance() }
        for entry in measurement {
            let truth = device.impedance(of: entry.contact)
            try expect(
                truth == entry.ohms, "measure impedance",
                "\(entry.contact): \(entry.ohms) ≠ \(truth.map { "\($0)" } ?? "none")")
        }
        _ = try await step("write and read back") { try await programmer.write(program, to: 1) }
        try expect(device.state().slots.first?.program == program, "write", "slot 1 does not hold the program")
        try await step("activate") { try await programmer.activate(slot: 1) }
        try expect(device.state().activeSlot == 1, "activate", "slot 1 is not active")
        try await step("therapy on") { try await programmer.setTherapy(on: true) }
        try expect(device.state().isTherapyOn, "therapy on", "therapy is off")
        let adjusted = program.patientRange?.max ?? program.amplitude
        let target = try await step("adjust") { try await programmer.setAmplitude(adjusted) }
        try expect(target == adjusted && device.state().targetAmplitude == adjusted, "adjust", "target \(target)")
        let battery = try await step("battery") { try await programmer.readBattery() }
        try expect(battery.percent == device.state().battery.percent, "battery", "\(battery.percent) %")
        let log = try await step("event log") { try await programmer.readEventLog() }
        let text = String(decoding: log, as: UTF8.self)
        for type in ["header", "impedance", "program", "activate", "therapy", "amplitude", "battery", "end"] {
            try expect(text.contains("\"type\":\"\(type)\""), "event log", "no \(type) line")
        }
        try expect(text.hasSuffix("\"type\":\"end\"}\n"), "event log", "does not end with the end line")
        try await step("therapy off") { try await programmer.setTherapy(on: false) }
        try expect(!device.state().isTherapyOn, "therapy off", "therapy is on")
        await programmer.close()
        steps.append("close")
        return steps
    }
}
