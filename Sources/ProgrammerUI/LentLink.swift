import Replay
import SCSCommands
import StimDevice
import StimProtocol

/// The workbench's link lent to a replay. A replay closes its connection when it ends, but this one
/// stays the page's: closing the loan closes nothing.
struct LentLink: ReplayConnection {
    let link: TargetLink

    var name: String { link.name }

    var localSimulator: SimulatedStimulator? { link.localSimulator }

    func programmer(as role: Role) async throws -> Programmer { try await link.programmer(as: role) }

    func close() async {}
}
