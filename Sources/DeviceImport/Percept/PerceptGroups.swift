import RecordingFormat
import StimSafety
import TherapyLog

/// Reads a `Groups.Initial` or `Groups.Final` list: each group's programs per hemisphere as
/// recording programs, and which group is active.
///
/// Slots follow the `percept-pc` profile: group A holds slots 1–4, B 5–8, and so on; within a
/// group the left hemisphere's first and second programs take the first two slots and the right
/// hemisphere's the next two.
struct PerceptGroups {
    /// A program as the report gives it, placed in its slot.
    struct Program: Hashable {
        var slot: Int
        var group: Int
        var program: StimProgram
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
                entry, group: group, place: "\(place) (group \(PerceptEnum.letter(group)))", file: file, bases: bases)
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
        guard let rate = settings["RateInHertz"]?.quantity(Millihertz.self), rate.rawValue > 0 else {
            notes.append(
                ImportNote(.missing, file: file, "\(place): no RateInHertz; the group's programs are not written"))
            return
        }
        for (hemisphere, key) in ["LeftHemisphere", "RightHemisphere"].enumerated() {
            let list = settings[key]?["Programs"]?.elements ?? []
            for (number, value) in list.enumerated() {
                let location = "\(place) \(key).Programs[\(number)]"
                guard number < 2 else {
                    notes.append(
                        ImportNote(
                            .inexpressible, file: file,
                            "\(location): a third program in one hemisphere has no slot in the percept-pc profile"))
                    continue
                }
                if let program = readProgram(value, rate: rate, place: location, file: file, base: bases[hemisphere]) {
                    let slot = Self.slot(group: group, hemisphere: hemisphere, program: number)
                    programs.append(Program(slot: slot, group: group, program: program))
                }
            }
        }
    }

    private mutating func readProgram(
        _ value: JSONValue, rate: Millihertz, place: String, file: String, base: Int
    ) -> StimProgram? {
        guard let amplitude = value["AmplitudeInMilliAmps"]?.quantity(Nanoamps.self),
            let pulseWidth = value["PulseWidthInMicroSecond"]?.quantity(Nanoseconds.self)
        else {
            notes.append(
                ImportNote(
                    .missing, file: file, "\(place): no AmplitudeInMilliAmps or PulseWidthInMicroSecond; skipped"))
            return nil
        }
        let states = value["ElectrodeState"]?.elements ?? []
        let contacts: [ContactShare]
        switch PerceptContacts.shares(states, base: base) {
        case .success(let shares): contacts = shares
        case .failure(let problem):
            notes.append(ImportNote(.skipped, file: file, "\(place): \(problem.message); the program is not written"))
            return nil
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
        return StimProgram(
            amplitude: amplitude, pulseWidth: pulseWidth, rate: .frequency(rate), contacts: contacts,
            patientRange: range)
    }

    /// Cathode fractions of 64 should sum to about 64 (three segments at 21/64 give 63).
    private mutating func checkFractions(_ states: [JSONValue], place: String, file: String) {
        let cathodes = states.filter { $0["ElectrodeStateResult"]?.text.map(PerceptEnum.value) == "Negative" }
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
