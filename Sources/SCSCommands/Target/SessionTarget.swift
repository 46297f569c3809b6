import DeviceProfiles
import StimDevice
import StimProtocol

/// The stimulator a programming session or a replay talks to, resolved from the command line by
/// ``TargetOptions``: a simulator in this process, one served by `scs serve` on a socket, or a
/// stimulator on USB.
///
/// Each case says how to reach the device and which keys open its sessions; ``connect(as:)`` gives
/// the same `Programmer` API for all of them, so a new kind of target (USB) is one more case here.
enum SessionTarget: Sendable {
    /// A simulated stimulator running in this process.
    case simulator(SimulatedStimulator, keys: DeviceKeyStore, profile: DeviceProfile)
    /// A simulated stimulator served by `scs serve` at `path`; its profile is looked up in `profiles`
    /// by the id the device reports.
    case socket(path: String, keys: DeviceKeyStore, keyFile: String, profiles: [DeviceProfile])
    /// A stimulator on USB: the one with `serial`, or the only one attached (see ``USBTarget``); its
    /// profile is looked up in `profiles` by the id the device reports.
    case usb(serial: String?, keys: DeviceKeyStore, keyFile: String, profiles: [DeviceProfile])

    /// A session on the target, with the profile of the device it reached.
    struct Connection: Sendable {
        let programmer: Programmer
        let profile: DeviceProfile
    }

    /// What the target is, for messages: `in-process simulator`, `socket PATH` or `USB stimulator`.
    var name: String {
        switch self {
        case .simulator: "in-process simulator"
        case .socket(let path, _, _, _): "socket \(path)"
        case .usb(let serial, _, _, _): "USB stimulator" + (serial.map { " serial \($0)" } ?? "")
        }
    }

    /// The simulator itself when it runs in this process: what happens to an implant outside any
    /// session (a slot disabled for the remote) can only be done there.
    var localSimulator: SimulatedStimulator? {
        guard case .simulator(let device, _, _) = self else { return nil }
        return device
    }

    /// Opens and authenticates a session in `role`.
    ///
    /// - Throws: ``InputError`` naming the flag behind the failure (no server at the socket, keys that
    ///   do not open the device, a device whose profile is not loaded).
    func connect(as role: Role) async throws(InputError) -> Connection {
        switch self {
        case .simulator(let device, let keys, let profile):
            let programmer = try await Self.connect(
                InProcessTransport(device: device), role: role, keys: keys, profiles: [profile], flag: "--device",
                keyFlag: "--device")
            return Connection(programmer: programmer, profile: profile)
        case .socket(let path, let keys, let keyFile, let profiles):
            let transport: UnixSocketTransport
            do {
                transport = try UnixSocketTransport(path: path)
            } catch {
                throw InputError("--socket \(path)", "\(error) (is `scs serve` running there?)")
            }
            let programmer = try await Self.connect(
                transport, role: role, keys: keys, profiles: profiles, flag: "--socket \(path)",
                keyFlag: "--keys \(keyFile)")
            guard let profile = profiles.first(where: { $0.id == programmer.identity.profileID }) else {
                await programmer.close()
                throw InputError("--socket \(path)", "no profile for \(programmer.identity.profileID)")
            }
            return Connection(programmer: programmer, profile: profile)
        case .usb(let serial, let keys, let keyFile, let profiles):
            guard let key = keys.key(for: role) else { throw InputError("--keys \(keyFile)", "holds no \(role) key") }
            let programmer = try await USBTarget.connect(
                serial: serial, role: role, key: key, keyFile: keyFile, profiles: profiles)
            // USBTarget.connect refuses a device whose profile is not loaded, so this finds it.
            guard let profile = profiles.first(where: { $0.id == programmer.identity.profileID }) else {
                await programmer.close()
                throw InputError(USBTarget.location, "no profile for \(programmer.identity.profileID)")
            }
            return Connection(programmer: programmer, profile: profile)
        }
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
            await transport.close()
            throw InputError(keyFlag, "the device refused the \(role) key")
        } catch .unknownDevice(let id) {
            await transport.close()
            throw InputError(flag, "the device reports profile \(id), which is not loaded (see --devices)")
        } catch {
            await transport.close()
            throw InputError(flag, "cannot open a \(role) session: \(error)")
        }
    }
}
