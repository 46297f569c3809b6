import RecordingFormat
import StimSafety
import Testing
import TherapyLog

@testable import DeviceImport

@Suite("Percept electrode names and fractions")
struct PerceptContactsTests {
    @Test(
        "An electrode name reads as a contact of the hemisphere's port",
        arguments: [
            ("ElectrodeDef.Zero", 0, ContactID.lead(0)), ("ElectrodeDef.Three", 8, .lead(11)),
            ("ElectrodeDef.OneB", 0, .lead(2)), ("SensightElectrodeDef.E2C", 8, .lead(14)),
            ("ElectrodeDef.Case", 8, .can), ("ElectrodeDef.Eleven", 0, .lead(11)), ("ElectrodeDef.E03", 0, .lead(3)),
            ("ElectrodeDef.SenSight_0", 0, .lead(0)), ("ElectrodeDef.SenSight_1a", 0, .lead(1)),
            ("ElectrodeDef.SenSight_1C", 0, .lead(3)), ("ElectrodeDef.SenSight_2b", 8, .lead(13)),
            ("ElectrodeDef.SenSight_3", 0, .lead(7)), ("ElectrodeDef.SenSight_8", 8, .lead(8)),
            ("ElectrodeDef.SenSight_9b", 8, .lead(10)), ("ElectrodeDef.SenSight_10c", 8, .lead(14)),
            ("ElectrodeDef.SenSight_11", 8, .lead(15)), ("ElectrodeDef.FourElectrodes_0", 0, .lead(0)),
            ("ElectrodeDef.FourElectrodes_3", 8, .lead(11)), ("ElectrodeDef.FourElectrodes_9", 8, .lead(9)),
        ] as [(String, Int, ContactID)])
    func names(name: String, base: Int, contact: ContactID) {
        #expect(PerceptContacts.contact(name, base: base) == contact)
    }

    @Test(
        "A name read no way, or a segment on a ring level, names no contact",
        arguments: [
            "ElectrodeDef.Nonsense", "ElectrodeDef.ThreeA", "ElectrodeDef.SenSight_8a", "ElectrodeDef.SenSight_1",
            "ElectrodeDef.SenSight_4", "ElectrodeDef.SenSight_3a", "ElectrodeDef.FourElectrodes_4",
        ])
    func unreadableNames(name: String) {
        #expect(PerceptContacts.contact(name, base: 0) == nil)
    }

    @Test(
        "Fractions of 64 become whole percents that sum to 100 per polarity",
        arguments: [
            ([-21, -21, -21], [-34, -33, -33]), ([-64], [-100]), ([-48, -16], [-75, -25]),
            ([-1, -1, -1, -1, -1, -1], [-17, -17, -17, -17, -16, -16]),
        ])
    func fractions(fractions: [Int], percents: [Int]) throws {
        let states: [JSONValue] =
            fractions.enumerated().map { index, fraction in
                .object([
                    "Electrode": .string("ElectrodeDef.E0\(index)"),
                    "ElectrodeStateResult": .string("ElectrodeStateDef.Negative"),
                    "ElectrodeFractionOf64": .number(String(fraction)),
                ])
            } + [
                .object([
                    "Electrode": .string("ElectrodeDef.Case"),
                    "ElectrodeStateResult": .string("ElectrodeStateDef.Positive"),
                    "ElectrodeFractionOf64": .number("64"),
                ])
            ]
        let shares = try PerceptContacts.shares(states, base: 0).get()
        #expect(shares.dropLast().map(\.percent) == percents.map { Percent(units: Int64($0)) })
        #expect(shares.last == ContactShare(.can, .whole))
    }

    @Test("Two active electrodes naming one contact are a problem, not a contact map that lists it twice")
    func contactNamedTwice() {
        let states: [JSONValue] = [
            ("ElectrodeDef.One", "Negative", "-64"), ("ElectrodeDef.Case", "Positive", "64"),
            ("ElectrodeDef.Case", "Positive", "0"),
        ].map { name, polarity, fraction in
            .object([
                "Electrode": .string(name), "ElectrodeStateResult": .string("ElectrodeStateDef.\(polarity)"),
                "ElectrodeFractionOf64": .number(fraction),
            ])
        }
        guard case .failure(let problem) = PerceptContacts.shares(states, base: 0) else {
            Issue.record("a contact map with the case twice was made")
            return
        }
        #expect(problem.message == "electrode 'ElectrodeDef.Case' names contact case a second time")
    }
}
