import RecordingFormat
import StimSafety

/// Reads a `Groups.Initial` or `Groups.Final` list: each group's programs per hemisphere as
/// recording programs, and which group is active.
///
/// A hemisphere's programs are its `LeftHemisphere` / `RightHemisphere` `Programs`, and in a
/// sensing group its `SensingChannel` entry (placed by `HemisphereLocation`); each has its own
/// `RateInHertz` or the group's. Slots follow the `percept-pc` profile: group A holds slots 1–4, B
/// 5–8, and so on; within a group the left hemisphere's first and second programs take the first two
/// slots and the right hemisphere's the next two.
struct PerceptGroups {
    /// A program as the report gives it, placed in its slot.
    struct Program: Hashable {
        var slot: Int
        var group: Int
        var program: StimProgram
        /// The report's electrodes could not be read: the program has an empty contact map.
        var contactsUnknown: Bool
    }

    private(set) var programs: [Program] = []
    private(set) var activeGroup: Int?
    private(set) var notes: [ImportNote] = []

    /// The slot of a group's program in a hemisphere (0 left, 1 right).
    static func slot(group: Int, hemisphere: Int, program: Int) -> Int {
        group * 4 + hemisphere * 2 + program + 1
    }

    /// Reads `list`, found at `path` (`Groups.Initial`) in the report `file`, with each hemisphere's
    /// first contact number in `bases`.
    init(_ list: [JSONValue], path: String, file: String, bases: [Int]) {
        for (index, entry) in list.enumerated() {
            let place = "\(path)[\(index)]"
            guard let name = entry["GroupId"]?.text, let group = PerceptEnum.group(name) else {
                notes.append(ImportNote(.skipped, file: file, "\(place): no GroupId of GROUP_A…GROUP_D; skipped"))
                continue
            }
            if entry["ActiveGroup"]?.flag == true { activeGroup = group }
            readGroup(
                entry, group: group, place: "\(place) (group \(DeviceGroup.letter(group)))", file: file, bases: bases)
        }
    }

    private mutating func readGroup(_ entry: JSONValue, group: Int, place: String, file: String, bases: [Int]) {
        guard let settings = entry["ProgramSettings"] else {
            notes.append(ImportNote(.missing, file: file, "\(place): no ProgramSettings; the group has no programs"))
            return
        }
        if let control = settings["AmplitudeControl"]?.text, PerceptEnum.value(control).uppercased() != "CURRENT" {
            notes.append(
                ImportNote(
                    .inexpressible, file: file,
                    "\(place): AmplitudeControl \(control); a recording holds current-controlled programs only"))
        }
        if entry["GroupSettings"]?["Cycling"]?["Enabled"]?.flag == true {
            notes.append(
                ImportNote(
                    .inexpressible, file: file,
                    "\(place): cycling is enabled, but the report's cycling fields are not documented; not carried"))
        }
        var hemispheres: [[(place: String, value: JSONValue)]] = [[], []]
        for (hemisphere, key) in ["LeftHemisphere", "RightHemisphere"].enumerated() {
            for (number, value) in (settings[key]?["Programs"]?.elements ?? []).enumerated() {
                hemispheres[hemisphere].append(("\(place) \(key).Programs[\(number)]", value))
            }
        }
        for (number, channel) in (settings["SensingChannel"]?.elements ?? []).enumerated() {
            let location = "\(place) SensingChannel[\(number)]"
            let side = channel["HemisphereLocation"]?.text.map(PerceptEnum.value)?.lowercased() ?? ""
            guard let hemisphere = side.contains("left") ? 0 : side.contains("right") ? 1 : nil else {
                notes.append(ImportNote(.skipped, file: file, "\(location): no HemisphereLocation; skipped"))
                continue
            }
            hemispheres[hemisphere].append((location, channel))
        }
        for (hemisphere, list) in hemispheres.enumerated() {
            for (number, entry) in list.enumerated() {
                guard number < 2 else {
                    notes.append(
                        ImportNote(
                            .inexpressible, file: file,
                            "\(entry.place): a third program in one hemisphere has no slot in the percept-pc profile"))
                    continue
                }
                guard
                    let rate = (entry.value["RateInHertz"] ?? settings["RateInHertz"])?.quantity(Millihertz.self),
                    rate.rawValue > 0
                else {
                    notes.append(
                        ImportNote(.missing, file: file, "\(entry.place): no RateInHertz; the program is not written"))
                    continue
                }
                let slot = Self.slot(group: group, hemisphere: hemisphere, program: number)
                if let program = readProgram(
                    entry.value, rate: rate, place: entry.place, file: file, base: bases[hemisphere])
                {
                    programs.append(
                        Program(slot: slot, group: group, program: program.program, contactsUnknown: program.isUnknown))
                }
            }
        }
    }

    /// The amplitude a program states, or the sum of its cathodes' currents (a sensing channel's
    /// electrodes carry them), or, failing both, a sensing channel's `SuspendAmplitudeInMilliAmps`.
    private static func amplitude(_ value: JSONValue) -> Nanoamps? {
        if let stated = value["AmplitudeInMilliAmps"]?.quantity(Nanoamps.self) { return stated }
        let cathodes = (value["ElectrodeState"]?.elements ?? []).filter {
            $0["ElectrodeStateResult"]?.text.flatMap(PerceptEnum.polarity) == .cathode
        }
        let currents = cathodes.compactMap { $0["ElectrodeAmplitudeInMilliAmps"]?.quantity(Nanoamps.self) }
        if !currents.isEmpty, currents.count == cathodes.count {
            return currents.reduce(Nanoamps.zero) { $0 + Nanoamps(rawValue: abs($1.rawValue)) }
        }
        return value["SuspendAmplitudeInMilliAmps"]?.quantity(Nanoamps.self)
    }

    private mutating func readProgram(
        _ value: JSONValue, rate: Millihertz, place: String, file: String, base: Int
    ) -> (program: StimProgram, isUnknown: Bool)? {
        guard let amplitude = Self.amplitude(value),
            let pulseWidth = value["PulseWidthInMicroSecond"]?.quantity(Nanoseconds.self)
        else {
            notes.append(
                ImportNote(
                    .missing, file: file, "\(place): no AmplitudeInMilliAmps or PulseWidthInMicroSecond; skipped"))
            return nil
        }
        let states = value["ElectrodeState"]?.elements ?? []
        var contacts: [ContactShare] = []
        var isUnknown = false
        switch PerceptContacts.shares(states, base: base) {
        case .success(let shares): contacts = shares
        case .failure(let problem):
            isUnknown = true
            notes.append(
                ImportNote(
                    .inexpressible, file: file,
                    "\(place): \(problem.message); the program is written with its contacts unknown, and the "
                        + "contact rules are not evaluated for it"))
        }
        checkFractions(states, place: place, file: file)
        var range: PatientRange?
        if let lower = value["LowerLimitInMilliAmps"]?.quantity(Nanoamps.self),
            let upper = value["UpperLimitInMilliAmps"]?.quantity(Nanoamps.self)
        {
            if lower <= upper {
                range = PatientRange(min: lower, max: upper)
            } else {
                notes.append(
                    ImportNote(
                        .impossible, file: file,
                        "\(place): LowerLimitInMilliAmps \(lower) is above UpperLimitInMilliAmps \(upper); "
                            + "no patient range is carried"))
            }
        }
        let program = StimProgram(
            amplitude: amplitude, pulseWidth: pulseWidth, rate: .frequency(rate), contacts: contacts,
            patientRange: range)
        return (program, isUnknown)
    }

    /// Cathode fractions of 64 should sum to about 64 (three segments at 21/64 give 63).
    private mutating func checkFractions(_ states: [JSONValue], place: String, file: String) {
        let cathodes = states.filter { $0["ElectrodeStateResult"]?.text.flatMap(PerceptEnum.polarity) == .cathode }
        let fractions = cathodes.compactMap { $0["ElectrodeFractionOf64"]?.double }
        guard fractions.count == cathodes.count, !fractions.isEmpty else { return }
        let total = fractions.map(abs).reduce(0, +)
        if abs(total - 64) > 3 {
            // A sum past any count of 64ths (a huge or infinite fraction) is shown as the number it is.
            let sum = total < 1e15 ? String(Int(total)) : String(describing: total)
            notes.append(
                ImportNote(
                    .mismatch, file: file,
                    "\(place): cathode ElectrodeFractionOf64 sum to \(sum), not about 64; percents follow "
                        + "their proportions"))
        }
    }
}
