import Testing

@testable import StimSafety

/// `FixedPoint.init(parsing:)`: decimal text becomes sub-units exactly, or fails with a reason.
@Suite("Decimal parsing")
struct DecimalParsingTests {
    @Test(
        "Decimal text is read exactly into sub-units",
        arguments: [
            ("4.5", 4_500_000), ("4.5004", 4_500_400), ("0.000001", 1), ("-100", -100_000_000), ("+2", 2_000_000),
            ("25.500000", 25_500_000), (".5", 500_000), ("5.", 5_000_000), ("0", 0), ("-0", 0), ("007", 7_000_000),
            ("1e-3", 1000), ("1E3", 1_000_000_000), ("2.5e+1", 25_000_000), ("45e-1", 4_500_000),
            ("0.0000010", 1), ("1.000000000000000000000000000", 1_000_000), ("0e99999", 0),
            ("9223372036854.775807", Int64.max), ("100000000000000000000e-20", 1_000_000),
            ("4.50000000000000000000000000000", 4_500_000),
        ] as [(String, Int64)])
    func exactNanoamps(_ text: String, _ raw: Int64) throws {
        #expect(try Nanoamps(parsing: text).rawValue == raw)
    }

    @Test(
        "More decimals than the unit resolves is too precise, however many zeros follow",
        arguments: ["4.5000001", "0.0000001", "1e-7", "1.23456789", "0.00000050"])
    func tooPreciseForNanoamps(_ text: String) {
        #expect(throws: DecimalParseError.tooPrecise(text, maximumDecimals: 6)) { try Nanoamps(parsing: text) }
    }

    @Test(
        "More decimals than 64 bits hold is too precise, not out of range",
        arguments: [
            "4.555555555555555555555555", "-4.555555555555555555555555", "0.12345678901234567890123",
            "4.5000000000000000000000001", "1.0000000000000000000001e3", "45555555555555555555555e-22",
        ])
    func tooPreciseBeyondSixtyFourBits(_ text: String) {
        #expect(throws: DecimalParseError.tooPrecise(text, maximumDecimals: 6)) { try Nanoamps(parsing: text) }
    }

    @Test(
        "A number whose whole part is too large stays out of range, however many decimals follow",
        arguments: ["9223372036854775807.5", "922337203685477580.71", "12345678901234567.891234"])
    func outOfRangeWithDecimals(_ text: String) {
        #expect(throws: DecimalParseError.outOfRange(text)) { try Nanoamps(parsing: text) }
    }

    @Test("Units with three decimals reject a fourth", arguments: ["130.0003", "0.0001"])
    func tooPreciseForNanoseconds(_ text: String) {
        #expect(throws: DecimalParseError.tooPrecise(text, maximumDecimals: 3)) { try Nanoseconds(parsing: text) }
        #expect(throws: DecimalParseError.tooPrecise(text, maximumDecimals: 3)) { try Millihertz(parsing: text) }
    }

    @Test(
        "Text that is not a decimal number is rejected as such",
        arguments: [
            "", " ", "-", "+", ".", "e3", "1e", "1e+", "4.5.1", "4,5", " 4.5", "4.5 ", "4.5mA", "0x10", "inf", "nan",
            "NaN", "--1", "1-", "1..2", "½", "٣",
        ])
    func notANumber(_ text: String) {
        #expect(throws: DecimalParseError.notANumber(text)) { try Nanoamps(parsing: text) }
    }

    @Test(
        "Numbers too large to hold are out of range",
        arguments: ["9223372036854.775808", "10000000000000", "1e13", "99999999999999999999", "1e99999", "-1e13"])
    func outOfRange(_ text: String) {
        #expect(throws: DecimalParseError.outOfRange(text)) { try Nanoamps(parsing: text) }
    }

    @Test("Parsing and printing round-trip through the shortest exact form")
    func roundTrip() throws {
        for text in ["4.5", "0.025", "-100", "12.25", "0.000001", "25.5", "0"] {
            #expect(try Nanoamps(parsing: text).decimalText == text)
        }
        #expect(try Nanoamps(parsing: "4.50").description == "4.5 mA")
        #expect(try Nanoseconds(parsing: "130.3").description == "130.3 µs")
        #expect(try Percent(parsing: "-33.5").description == "-33.5 %")
        #expect(try Millihertz(parsing: "0.05").decimalText == "0.05")
    }

    @Test("A binary double converts through its shortest decimal form, so 4.5004 stays off a 0.1 grid")
    func exactlyFromDouble() throws {
        #expect(try Nanoamps(exactly: 4.5) == mA("4.5"))
        #expect(try Nanoamps(exactly: 4.5004) == mA("4.5004"))
        // 0.1 + 0.2 is 0.30000000000000004 in binary: an honest failure, never a silent 0.3.
        #expect(throws: DecimalParseError.tooPrecise("0.30000000000000004", maximumDecimals: 6)) {
            try Nanoamps(exactly: 0.1 + 0.2)
        }
        #expect(throws: DecimalParseError.self) { try Nanoamps(exactly: .nan) }
        #expect(throws: DecimalParseError.self) { try Nanoamps(exactly: .infinity) }
        #expect(throws: DecimalParseError.self) { try Nanoamps(exactly: 1e-7) }
        #expect(throws: DecimalParseError.self) { try Nanoamps(exactly: 1e20) }
    }

    @Test("Whole display units scale into sub-units")
    func unitsInitialiser() {
        #expect(Nanoamps(units: 3).rawValue == 3_000_000)
        #expect(Nanoseconds(units: 20) == us("20"))
        #expect(Percent.whole == percent("100"))
        #expect(Millivolts(units: 12).doubleValue == 12)
    }

    @Test("Error descriptions quote the text and the reason")
    func errorDescriptions() {
        #expect(DecimalParseError.notANumber("x").description == "'x' is not a number")
        #expect(
            DecimalParseError.tooPrecise("1.0000001", maximumDecimals: 6).description
                == "'1.0000001' has more than 6 decimal places")
        #expect(DecimalParseError.outOfRange("1e99").description == "'1e99' is out of range")
    }
}
