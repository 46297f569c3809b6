import ArgumentParser
import DeviceProfiles
import Foundation
import StimDevice
import StimProtocol
import Testing

@testable import ProgrammerUI
@testable import SCSCommands

/// `scs ui` on each kind of stimulator but USB (``USBSessionOnBusTests``): the page's session in full.
@Suite("The page's session on the in-process and on a served simulator")
struct TargetSessionTests {
    @Test("On the in-process simulator the page writes, activates, switches therapy on and shows a refusal")
    func inProcess() async throws {
        let workbench = try await Workbench.simulator()
        try await PageSession.run(on: workbench)
        await workbench.close()
    }

    @Test("With --socket the page's session runs against `scs serve`'s simulator, which it cannot swap")
    func served() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scs-ui-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let socket = folder.appendingPathComponent("sim.sock").path
        let profile = try ProfileSource.profile(id: "tonic-16", in: nil)
        let (keys, _) = try DemoKeys.loadOrCreate(DemoKeys.defaultFile(forSocket: socket), flag: "--keys")
        let simulator = SimulatedStimulator(
            configuration: SimulatorConfiguration(
                profileID: profile.id, model: profile.name, serial: "SERVED-1", slotCount: profile.programs,
                limits: profile.limits),
            keys: keys)
        let server = try StimulatorSocketServer(device: simulator, path: socket)
        defer { server.stop() }

        let workbench = try await Workbench(
            options: TargetOptions.parse(["--socket", socket]), overUSB: false, defaultDevice: "tonic-16")
        try await PageSession.run(on: workbench)
        let swap = await workbench.answers(#"{"type":"device","device":"paddle-32"}"#)
        #expect(swap.first?.type == "error")
        #expect((swap.first?.data["message"] as? String)?.contains("only the in-process simulator can change") == true)
        await workbench.close()
        #expect(simulator.snapshot().state.isTherapyOn)
    }
}
