import StimDevice
import StimProtocol

/// The sessions of a replay: one connection to the stimulator for the whole replay, and over it one
/// session per role, opened when the role is first needed and kept open until the end.
///
/// Sending each event in the role that sent it lets the device apply the rules that depend on the role
/// (a patient's amplitude must lie in the patient range; a patient may not activate a disabled slot).
/// Keeping the connection and both sessions spares a recording whose roles alternate a reconnection
/// (over USB a libusb context, a claim and a handshake) at every change.
struct ReplaySessions {
    let connection: any ReplayConnection
    /// The profile id the device must report: the recording's device, or the one the caller names.
    let device: String
    private var programmers: [Role: Programmer] = [:]

    init(connection: any ReplayConnection, device: String) {
        self.connection = connection
        self.device = device
    }

    /// The programmer in `role`, opening its session the first time.
    ///
    /// - Throws: ``RecordingReplay/Failure`` when no session opens or the device is another kind.
    mutating func programmer(as role: Role) async throws(RecordingReplay.Failure) -> Programmer {
        if let programmer = programmers[role] { return programmer }
        let programmer: Programmer
        do {
            programmer = try await connection.programmer(as: role)
        } catch {
            throw .connection(error)
        }
        guard programmer.identity.profileID == device else {
            await programmer.close()
            await close()
            throw .wrongDevice(target: connection.name, reported: programmer.identity.profileID, expected: device)
        }
        programmers[role] = programmer
        return programmer
    }

    /// Closes every session and then the connection.
    mutating func close() async {
        for programmer in programmers.values { await programmer.close() }
        programmers = [:]
        await connection.close()
    }
}
