import DeviceProfiles
import Replay
import StimDevice
import StimProtocol

/// The stimulator of `scs replay`: its sessions fail with the same ``InputError``s as every command's.
extension TargetLink: ReplayConnection {
    package var name: String { target.name }

    package var localSimulator: SimulatedStimulator? { target.localSimulator }

    package func programmer(as role: Role) async throws -> Programmer {
        try await session(as: role).programmer
    }
}
