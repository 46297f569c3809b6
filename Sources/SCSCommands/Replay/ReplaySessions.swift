import DeviceProfiles
import StimDevice
import StimProtocol

/// The sessions of a replay: one open at a time (a served simulator serves one connection at a time),
/// in the role the next event needs, reopened when the role changes.
///
/// Sending each event in the role that sent it lets the device apply the rules that depend on the role
/// (a patient's amplitude must lie in the patient range; a patient may not activate a disabled slot).
struct ReplaySessions {
    let target: SessionTarget
    /// The profile id the device must report: the recording's device, or `--device`.
    let device: String
    private var current: SessionTarget.Connection?

    init(target: SessionTarget, device: String) {
        self.target = target
        self.device = device
    }

    /// A programmer in `role`, connecting (and closing the other role's session) when needed.
    ///
    /// - Throws: ``InputError`` when the target cannot be reached or is another kind of device.
    mutating func programmer(as role: Role) async throws(InputError) -> Programmer {
        if let current, current.programmer.role == role { return current.programmer }
        if let current { await current.programmer.close() }
        current = nil
        let connection = try await target.connect(as: role)
        guard connection.profile.id == device else {
            await connection.programmer.close()
            throw InputError(
                target.name, "the device is a \(connection.profile.id), not the \(device) the replay is for")
        }
        current = connection
        return connection.programmer
    }

    /// Closes the open session.
    mutating func close() async {
        if let current { await current.programmer.close() }
        current = nil
    }
}
