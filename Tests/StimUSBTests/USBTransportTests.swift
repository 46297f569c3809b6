import DeviceProfiles
import Foundation
import StimDevice
import StimDeviceTestSupport
import StimProtocol
import StimSafety
import StimUSB
import Testing
import USBTestbed

extension VirtualBusTests {
    @Suite("The USB transport to a simulated stimulator")
    struct USBTransportTests {
        @Test(
            "runs the programming session with the same results as the in-process transport",
            arguments: ["tonic-16", "burst-16-primary", "hf10k-16", "drg-4x4", "paddle-32", "research-ins-16"])
        func programmingSession(_ profileID: String) async throws {
            let overUSB = try StimulatorFixture(profileID, serialNumber: "SESSION-\(profileID)")
            let inProcess = try StimulatorFixture(profileID, serialNumber: "SESSION-\(profileID)")
            let steps = try await overUSB.withPluggedIn { _ in
                try await ProgrammingSessionCheck(device: overUSB.device, keys: overUSB.keys) {
                    try overUSB.openTransport()
                }.run()
            }
            let reference = try await ProgrammingSessionCheck(device: inProcess.device, keys: inProcess.keys) {
                InProcessTransport(device: inProcess.device)
            }.run()
            #expect(steps == reference)
            #expect(steps.last == "close")
            #expect(overUSB.device.state() == inProcess.device.state())
        }

        @Test("a device-side rejection reaches the caller with its rule ids")
        func deviceRejection() async throws {
            // The device allows at most 1 mA; the host validates with the profile's 25.5 mA and sends.
            let fixture = try StimulatorFixture(serialNumber: "REJECT-1") { configuration in
                let amplitude = configuration.limits.amplitude
                configuration.limits.amplitude = Grid(
                    min: amplitude.min, max: Nanoamps(units: 1), step: amplitude.segments[0].step)
            }
            let program = try #require(fixture.profile.limits.sampleProgram(slot: 1))
            try await fixture.withPluggedIn { _ in
                let programmer = try await Programmer.connect(
                    over: fixture.openTransport(), role: .clinician, key: fixture.key(.clinician),
                    limits: fixture.profile.limits)
                await #expect {
                    try await programmer.write(program, to: 1)
                } throws: { error in
                    guard case ProgrammerError.deviceRejected(.safetyRejected, let rules) = error else { return false }
                    return rules.contains(.amplitudeRange)
                }
                #expect(fixture.device.state().slots.first?.program == nil)
                await programmer.close()
            }
        }

        @Test("a receive times out when the stimulator has nothing to say, and the transport works afterwards")
        func timeoutAndRecovery() async throws {
            let fixture = try StimulatorFixture(serialNumber: "TIMEOUT-1")
            try await fixture.withPluggedIn { _ in
                let transport = try fixture.openTransport()
                await #expect(throws: TransportError.timeout) {
                    try await transport.receive(timeout: .milliseconds(100))
                }
                let programmer = try await Programmer.connect(
                    over: transport, role: .clinician, key: fixture.key(.clinician), limits: fixture.profile.limits)
                #expect(try await programmer.readState() == fixture.device.state())
                await programmer.close()
            }
        }

        @Test("a frame split across two bulk OUT transfers is answered once it is whole")
        func splitFrame() async throws {
            let fixture = try StimulatorFixture(serialNumber: "SPLIT-1")
            try await fixture.withPluggedIn { _ in
                let transport = try fixture.openTransport()
                let frame = try Frame(request: .identify, sequence: 1, session: .none).encoded()
                try await transport.send(Array(frame[..<7]))
                await #expect(throws: TransportError.timeout) {
                    try await transport.receive(timeout: .milliseconds(50))
                }
                try await transport.send(Array(frame[7...]))
                var decoder = FrameDecoder()
                var frames: [Frame] = []
                decoder.decode(try await transport.receive(timeout: .seconds(1))) { outcome in
                    if case .frame(let frame) = outcome { frames.append(frame) }
                }
                guard case .reply(.identify(let identity)) = try frames.first?.message() else {
                    Issue.record("expected an identify reply, got \(frames)")
                    return
                }
                #expect(identity.serial == "SPLIT-1")
                await transport.close()
            }
        }

        @Test("unplugging the stimulator fails a pending receive and the programmer with 'disconnected'")
        func unplug() async throws {
            let fixture = try StimulatorFixture(serialNumber: "UNPLUG-2")
            try await fixture.withPluggedIn { device in
                let transport = try fixture.openTransport()
                let programmer = try await Programmer.connect(
                    over: transport, role: .clinician, key: fixture.key(.clinician), limits: fixture.profile.limits)
                let pending = Task { try await transport.receive(timeout: .seconds(10)) }
                try await Task.sleep(for: .milliseconds(50))
                device.unplug()
                await #expect(throws: TransportError.disconnected) { try await pending.value }
                await #expect(throws: ProgrammerError.disconnected) { try await programmer.readState() }
            }
        }

        @Test("closed sessions leave no handle behind: the interface is free again and no descriptor stays open")
        func noLeakedHandles() async throws {
            let fixture = try StimulatorFixture(serialNumber: "LEAK-1")
            try await fixture.withPluggedIn { _ in
                func session() async throws {
                    let programmer = try await Programmer.connect(
                        over: fixture.openTransport(), role: .clinician, key: fixture.key(.clinician),
                        limits: fixture.profile.limits)
                    _ = try await programmer.readState()
                    await programmer.close()
                }
                try await session()
                let before = try openFiles()
                for _ in 0..<5 {
                    try await session()
                }
                #expect(try openFiles() == before)
            }
        }

        /// What this process's file descriptors point to, sockets left out: umockdev closes its end
        /// of a device's ioctl socket on its own thread, a little after the device was closed. Device
        /// nodes and libusb's event and timer descriptors remain.
        private func openFiles() throws -> [String] {
            let descriptors = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")
            return descriptors.compactMap {
                try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + $0)
            }
            .filter { !$0.hasPrefix("socket:") }
            .sorted()
        }

        @Test("closing the transport ends a pending receive with 'closed'")
        func closeDuringReceive() async throws {
            let fixture = try StimulatorFixture(serialNumber: "CLOSE-1")
            try await fixture.withPluggedIn { _ in
                let transport = try fixture.openTransport()
                let pending = Task { try await transport.receive(timeout: .seconds(10)) }
                try await Task.sleep(for: .milliseconds(50))
                await transport.close()
                await #expect(throws: TransportError.closed) { try await pending.value }
                await #expect(throws: TransportError.closed) { try await transport.send([1]) }
            }
        }
    }
}
