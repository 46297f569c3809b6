import DeviceProfiles
import StimDevice
import StimProtocol

/// One connection to the stimulator a ``SessionTarget`` names, over which sessions of any role are
/// opened: one transport (over USB one libusb context and one claimed interface) for as long as the
/// link is open, however often a replay changes role.
///
/// Sessions take turns on the transport (each through a ``BorrowedTransport``): one request and its
/// answer at a time, which is how a replay and a programming session use them.
package struct TargetLink: Sendable {
    /// Opens an authenticated session in a role over a view of the link's transport.
    private typealias Connector = @Sendable (any Transport, Role) async throws(InputError) -> Programmer

    /// The stimulator the link reaches.
    package let target: SessionTarget
    private let transport: any Transport
    private let connector: Connector

    /// Connects to `target`.
    ///
    /// - Throws: ``InputError`` naming the flag behind the failure: no server at the socket, no
    ///   stimulator on USB, or one that cannot be opened.
    package init(_ target: SessionTarget) throws(InputError) {
        self.target = target
        switch target {
        case .simulator(let device, let keys, let profile):
            transport = InProcessTransport(device: device)
            connector = { transport, role throws(InputError) in
                try await Self.connect(
                    transport, role: role, keys: keys, profiles: [profile], flag: "--device", keyFlag: "--device")
            }
        case .socket(let path, let keys, let keyFile, let profiles):
            do {
                transport = try UnixSocketTransport(path: path)
            } catch {
                throw InputError("--socket \(path)", "\(error) (is `scs serve` running there?)")
            }
            connector = { transport, role throws(InputError) in
                try await Self.connect(
                    transport, role: role, keys: keys, profiles: profiles, flag: "--socket \(path)",
                    keyFlag: "--keys \(keyFile)")
            }
        case .usb(let serial, let keys, let keyFile, let profiles):
            let (usbTransport, stimulator) = try USBTarget.open(serial: serial, profiles: profiles)
            transport = usbTransport
            connector = { transport, role throws(InputError) in
                guard let key = keys.key(for: role) else {
                    throw InputError("--keys \(keyFile)", "holds no \(role) key")
                }
                return try await USBTarget.connect(
                    over: transport, to: stimulator, role: role, key: key, keyFile: keyFile, profiles: profiles)
            }
        }
    }

    /// Opens and authenticates a session in `role`, with the profile of the device it reached.
    ///
    /// - Throws: ``InputError`` naming the flag behind the failure (keys that do not open the device,
    ///   a device whose profile is not loaded, a device that does not answer).
    package func session(as role: Role) async throws(InputError) -> SessionTarget.Session {
        let programmer = try await connector(BorrowedTransport(transport), role)
        // Every connector refuses a device whose profile is not loaded, so this finds it.
        guard let profile = target.profiles.first(where: { $0.id == programmer.identity.profileID }) else {
            await programmer.close()
            throw InputError(target.name, "no profile for \(programmer.identity.profileID)")
        }
        return SessionTarget.Session(programmer: programmer, profile: profile)
    }

    /// Closes the connection; close the sessions on it first.
    package func close() async {
        await transport.close()
    }

    private static func connect(
        _ transport: any Transport, role: Role, keys: DeviceKeyStore, profiles: [DeviceProfile], flag: String,
        keyFlag: String
    ) async throws(InputError) -> Programmer {
        guard let key = keys.key(for: role) else { throw InputError(keyFlag, "holds no \(role) key") }
        let limits = Dictionary(profiles.map { ($0.id, $0.limits) }) { first, _ in first }
        do {
            return try await Programmer.connect(over: transport, role: role, key: key) { limits[$0.profileID] }
        } catch .unauthorized {
            throw InputError(keyFlag, "the device refused the \(role) key")
        } catch .unknownDevice(let id) {
            throw InputError(flag, "the device reports profile \(id), which is not loaded (see --devices)")
        } catch {
            throw InputError(flag, "cannot open a \(role) session: \(error)")
        }
    }
}
