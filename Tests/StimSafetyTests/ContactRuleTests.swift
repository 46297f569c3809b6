import Testing

@testable import StimSafety

/// `contacts.unknown`, `contacts.polarity` and `contacts.count`.
@Suite("Contact map rules")
struct ContactRuleTests {
    static let fourContacts = DeviceLimits.tonic16.with { $0.maxActiveContacts = 4 }
    static let halfPercentStep = DeviceLimits.tonic16.with { $0.fractionStep = percent("0.5") }

    static let unknown: [RuleCase] = [
        RuleCase(
            "contacts 1 and 16, on the leads", tonic("1", contacts: contacts(["1": "-100", "16": "100"])),
            .contactsUnknown, nil),
        RuleCase(
            "contact 17 on a 2 × 8 device", tonic("1", contacts: contacts(["1": "-100", "17": "100"])),
            .contactsUnknown, .error, contacts: [.lead(17)]),
        RuleCase(
            "contact 0", tonic("1", contacts: contacts(["0": "-100", "2": "100"])), .contactsUnknown, .error,
            contacts: [.lead(0)]),
        RuleCase(
            "a key that is not a number", tonic("1", contacts: contacts(["1": "-100", "A2": "100"])),
            .contactsUnknown, .error, contacts: [.unrecognized("A2")]),
        RuleCase(
            "a decimal key", tonic("1", contacts: contacts(["1": "-100", "2.0": "100"])), .contactsUnknown,
            .error, contacts: [.unrecognized("2.0")]),
        RuleCase(
            "the case where the device allows it", tonic("1", contacts: contacts(["1": "-100", "case": "100"])),
            .contactsUnknown, nil),
        RuleCase(
            "the case on a device without a case electrode", device: .piecewise,
            tonic("1", "100", contacts: contacts(["1": "-100", "case": "100"])), .contactsUnknown, .error,
            contacts: [.can]),
        RuleCase(
            "an unknown key at 0 %", tonic("1", contacts: contacts(["1": "-100", "2": "100", "x": "0"])),
            .contactsUnknown, .error, contacts: [.unrecognized("x")]),
        RuleCase(
            "a known contact at 0 %", tonic("1", contacts: contacts(["1": "-100", "2": "100", "3": "0"])),
            .contactsUnknown, nil),
    ]

    static let polarity: [RuleCase] = [
        RuleCase("one cathode and one anode", tonic("1"), .contactsPolarity, nil),
        RuleCase("no cathode", tonic("1", contacts: contacts(["1": "100"])), .contactsPolarity, .error),
        RuleCase("no anode", tonic("1", contacts: contacts(["1": "-100"])), .contactsPolarity, .error),
        RuleCase("only 0 % entries", tonic("1", contacts: contacts(["1": "0", "2": "0"])), .contactsPolarity, .error),
        RuleCase(
            "cathodes summing to -99", tonic("1", contacts: contacts(["1": "-99", "2": "100"])),
            .contactsPolarity, .error),
        RuleCase(
            "cathodes summing to -101", tonic("1", contacts: contacts(["1": "-51", "3": "-50", "2": "100"])),
            .contactsPolarity, .error),
        RuleCase(
            "anodes summing to 101", tonic("1", contacts: contacts(["1": "-100", "2": "51", "3": "50"])),
            .contactsPolarity, .error),
        RuleCase(
            "anodes summing to 99", tonic("1", contacts: contacts(["1": "-100", "2": "99"])),
            .contactsPolarity, .error),
        RuleCase(
            "sums of -100 and +100 over three contacts",
            tonic("1", contacts: contacts(["1": "-60", "2": "-40", "3": "100"])), .contactsPolarity, nil),
        RuleCase(
            "33.5 % on a 1 % step", tonic("1", contacts: contacts(["1": "-100", "2": "33.5", "3": "66.5"])),
            .contactsPolarity, .error, contacts: [.lead(2), .lead(3)]),
        RuleCase(
            "33.5 % on a 0.5 % step", device: halfPercentStep,
            tonic("1", contacts: contacts(["1": "-100", "2": "33.5", "3": "66.5"])), .contactsPolarity, nil),
        RuleCase(
            "33.25 % on a 0.5 % step", device: halfPercentStep,
            tonic("1", contacts: contacts(["1": "-100", "2": "33.25", "3": "66.75"])), .contactsPolarity, .error,
            contacts: [.lead(2), .lead(3)]),
        RuleCase(
            "sums that count an unknown contact as written",
            tonic("1", contacts: contacts(["1": "-100", "17": "100"])), .contactsPolarity, nil),
    ]

    static let count: [RuleCase] = [
        RuleCase(
            "4 active contacts of 4", device: fourContacts,
            tonic("1", contacts: contacts(["1": "-50", "2": "-50", "3": "50", "4": "50"])), .contactsCount, nil),
        RuleCase(
            "5 active contacts of 4", device: fourContacts,
            tonic("1", contacts: contacts(["1": "-40", "2": "-30", "3": "-30", "4": "50", "5": "50"])),
            .contactsCount, .error),
        RuleCase("2 active contacts of 4", device: fourContacts, tonic("1"), .contactsCount, nil),
        RuleCase(
            "3 lead contacts and the case", device: fourContacts,
            tonic("1", contacts: contacts(["1": "-50", "2": "-50", "3": "50", "case": "50"])), .contactsCount, nil),
        RuleCase(
            "4 lead contacts and the case", device: fourContacts,
            tonic("1", contacts: contacts(["1": "-40", "2": "-30", "3": "-30", "4": "50", "case": "50"])),
            .contactsCount, .error),
        RuleCase(
            "4 known and 1 unknown contact", device: fourContacts,
            tonic("1", contacts: contacts(["1": "-50", "2": "-50", "3": "50", "4": "25", "17": "25"])),
            .contactsCount, .error),
        RuleCase(
            "4 active contacts and one at 0 %", device: fourContacts,
            tonic("1", contacts: contacts(["1": "-50", "2": "-50", "3": "50", "4": "50", "5": "0"])),
            .contactsCount, nil),
        RuleCase("all 16 lead contacts and the case", tonic("1", contacts: sixteenAndCase), .contactsCount, .error),
        RuleCase("all 16 lead contacts", tonic("1", contacts: sixteen), .contactsCount, nil),
    ]

    /// Contacts 1–8 cathodes at −12.5 %, 9–16 anodes at +12.5 %, on a 0.5 % step device.
    static let sixteen = (1...16).map { ContactShare(.lead($0), percent($0 <= 8 ? "-12.5" : "12.5")) }
    static let sixteenAndCase =
        (1...16).map { ContactShare(.lead($0), percent($0 <= 8 ? "-12.5" : "10")) }
        + [ContactShare(.can, percent("20"))]

    @Test("Every key must exist on the leads, or be an allowed case, even at 0 %", arguments: unknown)
    func unknownRule(_ row: RuleCase) { row.verify() }

    @Test(
        "A program needs a cathode and an anode, sums of ∓100 and percents on the fraction step",
        arguments: polarity)
    func polarityRule(_ row: RuleCase) { row.verify() }

    @Test(
        "Active contacts, the case and unknown keys included, are at most the device's maximum",
        arguments: count)
    func countRule(_ row: RuleCase) { row.verify() }

    @Test("Contact keys read as written: digits are a contact, case is the can, anything else is unknown")
    func contactKeys() {
        #expect(ContactID(key: "7") == .lead(7))
        #expect(ContactID(key: "case") == .can)
        #expect(ContactID(key: "Case") == .unrecognized("Case"))
        #expect(ContactID(key: "-1") == .unrecognized("-1"))
        #expect(ContactID(key: "") == .unrecognized(""))
        #expect(ContactID(key: "1e1") == .unrecognized("1e1"))
        #expect(ContactID(key: "99999999999999999999") == .unrecognized("99999999999999999999"))
        #expect(ContactID(key: "17").description == "17")
    }

    @Test("An unknown contact skips only the per-contact rules that need it")
    func unknownContactSkipsOnlyItsOwnChecks() {
        // 17 would carry 10 mA at 500 µs (a Shannon error on a lead); it is reported once, as unknown.
        let program = tonic("10", "500", contacts: contacts(["1": "-100", "17": "100"]))
        let validation = DeviceLimits.tonic16.validate(program)
        #expect(
            validation.outline == [
                "chargeDensity warning @1", "contacts.unknown error @17", "shannon error @1",
            ])
    }

    @Test("A polarity sum problem is one finding, not one per contact")
    func polaritySumIsOneFinding() {
        let validation = DeviceLimits.tonic16.validate(
            tonic("1", contacts: contacts(["1": "-40", "2": "-40", "3": "50", "4": "60"])))
        #expect(validation.outline == ["contacts.polarity error"])
    }
}
