import DeviceProfiles
import StimDevice
import StimProtocol
import StimUSB

/// The stimulator a command talks to over USB: chosen among those attached, then connected, with a
/// message that says what to do for each way this can fail (all bad input, exit 2).
enum USBTarget {
    /// Where the messages point.
    static let location = "USB"

    /// The stimulator with `serial`, or the only one attached when `serial` is nil.
    static func select(_ found: [FoundStimulator], serial: String?) throws(InputError) -> FoundStimulator {
        guard !found.isEmpty else {
            throw InputError(location, "no stimulator on USB; connect one or run under `scs usb emulate -- …`")
        }
        if let serial {
            guard let match = found.first(where: { $0.info.serialNumber == serial }) else {
                throw InputError("--serial", "no stimulator with serial \(serial) on USB; attached:\n" + list(found))
            }
            return match
        }
        guard found.count == 1 else {
            throw InputError(
                location, "\(found.count) stimulators on USB; choose one with --serial SERIAL:\n" + list(found))
        }
        return found[0]
    }

    /// The stimulator with `serial` on USB, or the only one when `serial` is nil, opened with its
    /// interface claimed, through a libusb context of its own that lives as long as the transport.
    static func open(serial: String?, profiles: [DeviceProfile]) throws(InputError) -> (USBTransport, FoundStimulator) {
        let context = try StimulatorDiscovery.makeContext()
        let stimulator = try select(try StimulatorDiscovery.find(in: context, profiles: profiles), serial: serial)
        return (try open(stimulator, in: context), stimulator)
    }

    /// A programmer connected in `role` over `transport` to `stimulator`: identifies it and
    /// authenticates a session with `key`; limits come from the profile the device reports.
    ///
    /// The transport is closed again when connecting fails, so no device stays claimed by it.
    static func connect(
        over transport: any Transport, to stimulator: FoundStimulator, role: Role, key: DeviceKey, keyFile: String,
        profiles: [DeviceProfile], configuration: ProgrammerConfiguration = ProgrammerConfiguration()
    ) async throws(InputError) -> Programmer {
        let limits = Dictionary(profiles.map { ($0.id, $0.limits) }) { first, _ in first }
        do {
            return try await Programmer.connect(
                over: transport, role: role, key: key, limits: { limits[$0.profileID] },
                configuration: configuration)
        } catch {
            await transport.close()
            throw InputError(location, explain(error, stimulator: stimulator, role: role, keyFile: keyFile))
        }
    }

    /// Opens `stimulator` through `context` and claims its interface.
    static func open(_ stimulator: FoundStimulator, in context: USBContext) throws(InputError) -> USBTransport {
        do {
            return try USBTransport(opening: stimulator.info, in: context)
        } catch .access {
            throw InputError(location, USBAdvice.permission(node: stimulator.nodePath))
        } catch .busy {
            throw InputError(
                location, "\(stimulator.summary) is in use by another program (it holds the interface); close that")
        } catch .noDevice {
            throw InputError(location, "\(stimulator.summary) was unplugged before it could be opened")
        } catch {
            throw InputError(location, "cannot open \(stimulator.summary): \(error)")
        }
    }

    private static func explain(
        _ error: ProgrammerError, stimulator: FoundStimulator, role: Role, keyFile: String
    ) -> String {
        let device = stimulator.summary
        switch error {
        case .timeout:
            return "\(device) did not answer in the stimulator protocol (no reply frame, or only bytes that are "
                + "no frame): is it running stimulator firmware? Unplug it and plug it in again"
        case .invalidReply(let reason):
            return "\(device) answered outside the stimulator protocol: \(reason)"
        case .protocolMismatch(let versions):
            let spoken = versions.map(String.init).joined(separator: ", ")
            return "\(device) speaks protocol version \(spoken); this scs speaks version \(Frame.protocolVersion). "
                + "Use an scs and a firmware of the same protocol version"
        case .unknownDevice(let profileID):
            return "\(device) reports profile '\(profileID)', which no loaded profile has (see `scs devices`; "
                + "--devices DIR loads another folder)"
        case .unauthorized:
            return "\(device) refused the \(role) key of \(keyFile): is that this stimulator's key file?"
        case .disconnected:
            return "\(device) was unplugged while connecting"
        case .deviceRejected(let code, let rules):
            return "\(device) refused the session: " + ErrorReply(code: code, rules: rules).sentence
        default:
            return "connecting to \(device) failed: \(error)"
        }
    }

    private static func list(_ found: [FoundStimulator]) -> String {
        found.map { "  " + $0.summary }.joined(separator: "\n")
    }
}
