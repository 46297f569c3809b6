import DeviceProfiles
import StimDevice
import StimProtocol

/// The sessions of a replay: one connection to the target for the whole replay, and over it one
/// session per role, opened when the role is first needed and kept open until the end.
///
/// Sending each event in the role that sent it lets the device apply the rules that depend on the role
/// (a patient's amplitude must lie in the patient range; a patient may not activate a disabled slot).
/// Keeping the connection and both sessions spares a recording whose roles alternate a reconnection
/// (over USB a libusb context, a claim and a handshake) at every change.
struct ReplaySessions {
    let target: SessionTarget
    /// The profile id the device must report: the recording's device, or `--device`.
    let device: String
    private var link: TargetLink?
    private var programmers: [Role: Programmer] = [:]

    init(target: SessionTarget, device: String) {
        self.target = target
        self.device = device
    }

    /// The programmer in `role`, connecting and opening its session the first time.
    ///
    /// - Throws: ``InputError`` when the target cannot be reached or is another kind of device.
    mutating func programmer(as role: Role) async throws(InputError) -> Programmer {
        if let programmer = programmers[role] { return programmer }
        let link = try openLink()
        let session = try await link.session(as: role)
        guard session.profile.id == device else {
            await session.programmer.close()
            await close()
            throw InputError(
                target.name, "the device is a \(session.profile.id), not the \(device) the replay is for")
        }
        programmers[role] = session.programmer
        return session.programmer
    }

    /// The connection, made the first time.
    private mutating func openLink() throws(InputError) -> TargetLink {
        if let link { return link }
        let made = try TargetLink(target)
        link = made
        return made
    }

    /// Closes every session and then the connection.
    mutating func close() async {
        for programmer in programmers.values { await programmer.close() }
        programmers = [:]
        await link?.close()
        link = nil
    }
}
