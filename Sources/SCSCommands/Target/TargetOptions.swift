import ArgumentParser
import DeviceProfiles
import StimDevice

/// `--socket PATH | --device ID`, with `--keys FILE` and `--devices DIR`: the stimulator a session or
/// a replay talks to (see ``SessionTarget``).
struct TargetOptions: ParsableArguments {
    @Option(help: "Talk to the simulator `scs serve` runs on this Unix-domain socket.")
    var socket: String?

    @Option(
        help:
            "Device profile id of a simulator to run in this process (see `scs devices`); replay: instead of the recording's device."
    )
    var device: String?

    @Option(help: "The served simulator's key file (default: the socket's path + .keys).")
    var keys: String?

    @OptionGroup var catalog: CatalogOptions

    /// The target: the socket when given, else an in-process simulator of `--device`, else of
    /// `fallbackDevice` (a recording's device); `serial` is what an in-process simulator reports.
    func resolve(fallbackDevice: String? = nil, serial: String = "SIM-0001") throws(InputError) -> SessionTarget {
        if let socket {
            let keyFile = keys ?? DemoKeys.defaultFile(forSocket: socket)
            return .socket(
                path: socket, keys: try DemoKeys.load(keyFile, flag: keys == nil ? "--socket \(socket)" : "--keys"),
                keyFile: keyFile, profiles: try catalog.loadProfiles())
        }
        guard let id = device ?? fallbackDevice else {
            throw InputError("", "give --socket PATH (a served simulator) or --device ID (one in this process)")
        }
        let profile = try ProfileSource.profile(id: id, in: catalog.devices)
        var generator = SystemRandomNumberGenerator()
        let keys = DeviceKeyStore.generate(using: &generator)
        let configuration = SimulatorConfiguration(
            profileID: profile.id, model: profile.name, serial: serial, slotCount: profile.programs,
            limits: profile.limits)
        return .simulator(SimulatedStimulator(configuration: configuration, keys: keys), keys: keys, profile: profile)
    }
}
