import DeviceProfiles
import StimDevice
import StimProtocol

/// The stimulator a programming session or a replay talks to, resolved from the command line by
/// ``TargetOptions``: a simulator in this process, one served by `scs serve` on a socket, or a
/// stimulator on USB.
///
/// Each case says how to reach the device and which keys open its sessions; a ``TargetLink`` to it
/// gives the same `Programmer` API for all of them, so a new kind of target is one more case here.
package enum SessionTarget: Sendable {
    /// A simulated stimulator running in this process.
    case simulator(SimulatedStimulator, keys: DeviceKeyStore, profile: DeviceProfile)
    /// A simulated stimulator served by `scs serve` at `path`; its profile is looked up in `profiles`
    /// by the id the device reports.
    case socket(path: String, keys: DeviceKeyStore, keyFile: String, profiles: [DeviceProfile])
    /// A stimulator on USB: the one with `serial`, or the only one attached (see ``USBTarget``); its
    /// profile is looked up in `profiles` by the id the device reports.
    case usb(serial: String?, keys: DeviceKeyStore, keyFile: String, profiles: [DeviceProfile])

    /// A session on the target, with the profile of the device it reached.
    package struct Session: Sendable {
        package let programmer: Programmer
        package let profile: DeviceProfile
    }

    /// What the target is, for messages: `in-process simulator`, `socket PATH` or `USB stimulator`.
    package var name: String {
        switch self {
        case .simulator: "in-process simulator"
        case .socket(let path, _, _, _): "socket \(path)"
        case .usb(let serial, _, _, _): "USB stimulator" + (serial.map { " serial \($0)" } ?? "")
        }
    }

    /// The profiles the device's reported profile id is looked up in.
    package var profiles: [DeviceProfile] {
        switch self {
        case .simulator(_, _, let profile): [profile]
        case .socket(_, _, _, let profiles), .usb(_, _, _, let profiles): profiles
        }
    }

    /// The simulator itself when it runs in this process: what happens to an implant outside any
    /// session (a slot disabled for the remote) can only be done there.
    package var localSimulator: SimulatedStimulator? {
        guard case .simulator(let device, _, _) = self else { return nil }
        return device
    }
}
