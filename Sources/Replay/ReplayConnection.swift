import StimDevice
import StimProtocol

/// The stimulator a replay drives: one connection, over which sessions are opened as roles are needed.
///
/// The command line implements it for the in-process simulator, a served one and USB; its errors
/// reach the replay's caller unchanged inside ``RecordingReplay/Failure/connection(_:)``.
public protocol ReplayConnection: Sendable {
    /// The stimulator in messages ("in-process simulator", "socket PATH", "USB stimulator").
    var name: String { get }

    /// The simulator when it runs in this process: a replay can then do on it what only the device's
    /// own controls do (disable a slot for the remote).
    var localSimulator: SimulatedStimulator? { get }

    /// Opens an authenticated session in `role`.
    func programmer(as role: Role) async throws -> Programmer

    /// Ends the connection, after the sessions over it are closed.
    func close() async
}
