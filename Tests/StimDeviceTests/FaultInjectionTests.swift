import StimDevice
import StimDeviceTestSupport
import StimProtocol
import StimSafety
import Testing

/// What the host's answer to a write says about the device.
private enum Claim {
    case applied
    case notApplied
    case unknown
}

@Suite("Program writes through a faulty link")
struct FaultInjectionTests {
    static let configuration = ProgrammerConfiguration(replyTimeout: .milliseconds(20), attempts: 2)

    static func rates(for kind: FaultKind) -> FaultRates {
        switch kind {
        case .disconnect: FaultRates(disconnect: 0.03)
        case .drop: FaultRates(drop: 0.2)
        case .corrupt: FaultRates(corrupt: 0.2)
        case .duplicate: FaultRates(duplicate: 0.3)
        case .delay: FaultRates(delay: 0.2, delayRange: .milliseconds(1)...(.milliseconds(45)))
        }
    }

    /// Distinct valid programs: amplitudes, pulse widths and electrode configurations vary.
    static func programs() throws -> [StimProgram] {
        var programs: [StimProgram] = []
        for (index, amplitude) in ["1", "1.5", "2.2", "3", "3.7", "4.5"].enumerated() {
            let width = ["200", "250", "300"][index % 3]
            programs.append(try tonic(amplitude, width, cathode: 1 + index % 4, anode: 5 + index % 3))
        }
        return programs
    }

    /// Connects through a fresh fault-injecting transport, retrying until a connection holds.
    static func connect(_ test: TestDevice, plan: FaultPlan) async throws -> (Programmer, FaultInjectingTransport) {
        var plan = plan
        for _ in 0..<50 {
            let transport = FaultInjectingTransport(wrapping: InProcessTransport(device: test.device), plan: plan)
            do {
                let programmer = try await Programmer.connect(
                    over: transport, role: .clinician, key: test.key(.clinician), limits: test.limits,
                    configuration: configuration)
                return (programmer, transport)
            } catch {
                await transport.close()
                plan.seed &+= 1_000
            }
        }
        throw ProgrammerError.timeout
    }

    @Test(
        "a write is applied entirely or not at all under every fault kind, and the host says which",
        arguments: FaultKind.allCases)
    func everyFault(_ kind: FaultKind) async throws {
        let test = try TestDevice()
        let counts = try await runWrites(
            test,
            plan: FaultPlan.symmetric(
                Self.rates(for: kind), seed: UInt64(FaultKind.allCases.firstIndex(of: kind) ?? 0) + 11),
            operations: 200)
        #expect(counts.injected.total(kind) > 0)
        #expect(counts.claims[.applied, default: 0] > 0)
    }

    @Test("a write is applied entirely or not at all under all faults at once")
    func allFaults() async throws {
        let test = try TestDevice()
        let rates = FaultRates(
            disconnect: 0.01, drop: 0.05, corrupt: 0.05, duplicate: 0.05, delay: 0.05,
            delayRange: .milliseconds(1)...(.milliseconds(45)))
        let counts = try await runWrites(test, plan: FaultPlan.symmetric(rates, seed: 2026), operations: 300)
        for kind in FaultKind.allCases { #expect(counts.injected.total(kind) > 0, "no \(kind) injected") }
    }

    private struct Counts {
        var injected = FaultCounts()
        var claims: [Claim: Int] = [:]
    }

    /// Writes programs in turn to slot 1 through the faulty link and checks, after every answer, that the
    /// device holds what the host claims (the previous program or the new one when the host cannot
    /// tell), and finally that no late frame changes anything after the host has answered.
    private func runWrites(_ test: TestDevice, plan: FaultPlan, operations: Int) async throws -> Counts {
        let programs = try Self.programs()
        var counts = Counts()
        var plan = plan
        var (programmer, transport) = try await Self.connect(test, plan: plan)
        var previous = test.device.state().slots[0].program
        for index in 0..<operations {
            let program = programs[index % programs.count]
            let claim: Claim
            var mustReconnect = false
            do {
                try await programmer.write(program, to: 1)
                claim = .applied
            } catch {
                switch error {
                case .writeUnverified:
                    claim = .applied
                    mustReconnect = true
                case .writeOutcomeUnknown:
                    claim = .unknown
                    mustReconnect = true
                case .timeout, .disconnected, .deviceRejected, .closed:
                    claim = .notApplied
                    mustReconnect = true
                default:
                    Issue.record("unexpected error \(error)")
                    claim = .unknown
                }
            }
            counts.claims[claim, default: 0] += 1
            let truth = test.device.state().slots[0].program
            switch claim {
            case .applied: #expect(truth == program, "operation \(index): the host says applied")
            case .notApplied: #expect(truth == previous, "operation \(index): the host says not applied")
            case .unknown: #expect(truth == previous || truth == program, "operation \(index): torn write")
            }
            previous = truth
            if mustReconnect {
                counts.injected = Self.add(counts.injected, transport.injected)
                await transport.close()
                plan.seed &+= 1
                (programmer, transport) = try await Self.connect(test, plan: plan)
            }
        }
        counts.injected = Self.add(counts.injected, transport.injected)
        await transport.close()
        // Delayed frames still in flight must not act after the host has answered.
        try await Task.sleep(for: .milliseconds(60))
        #expect(test.device.state().slots[0].program == previous)
        return counts
    }

    private static func add(_ lhs: FaultCounts, _ rhs: FaultCounts) -> FaultCounts {
        var sum = lhs
        for (kind, count) in rhs.outbound { sum.outbound[kind, default: 0] += count }
        for (kind, count) in rhs.inbound { sum.inbound[kind, default: 0] += count }
        sum.clean += rhs.clean
        return sum
    }
}
