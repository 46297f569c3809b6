import Foundation
import Testing

@testable import TherapyLog

/// Computed figures go into JSON without the noise of binary arithmetic: the shortest decimal of 15
/// significant digits, which is exact for every figure a short decimal computation should give.
@Suite("Figures in JSON")
struct FigureDecimalTests {
    static func json(_ value: Double) throws -> String {
        String(decoding: try JSONEncoder().encode([Figure(value)]), as: UTF8.self).dropFirst().dropLast()
            .description
    }

    @Test func sumsAndProductsOfShortDecimalsAreWrittenAsTheDecimalTheyStandFor() throws {
        var random = SeededGenerator(seed: 20)
        for _ in 0..<5_000 {
            // Two quantities with three decimals, as a recording holds them, combined in binary (sums of
            // positive amounts, as the analysis accumulates: a difference of near-equal values would
            // magnify the binary error past the 15th digit).
            let a = Int64.random(in: 0...1_000_000, using: &random)
            let b = Int64.random(in: 0...1_000_000, using: &random)
            let sum = Double(a) / 1000 + Double(b) / 1000
            let product = (Double(a) / 1000) * (Double(b) / 1000)
            let exactSum = Decimal(a + b) / 1000
            let exactProduct = Decimal(a) * Decimal(b) / 1_000_000
            #expect(try Self.json(sum) == "\(exactSum)", "\(a) + \(b) (seed 20)")
            #expect(try Self.json(product) == "\(exactProduct)", "\(a) × \(b) (seed 20)")
        }
        #expect(try Self.json(0.1 + 0.2) == "0.3")
        #expect(try Self.json(5.000000000000001) == "5")
    }

    @Test func anyFigureKeepsFifteenSignificantDigitsAndRoundTripsClosely() throws {
        var random = SeededGenerator(seed: 21)
        for _ in 0..<5_000 {
            // Hours from whole nanoseconds, as the analysis computes them.
            let nanoseconds = Int64.random(in: 0...(Int64(1) << 60), using: &random)
            let hours = Double(nanoseconds) / 3_600_000_000_000
            let text = try Self.json(hours)
            let digits = text.filter(\.isNumber).drop { $0 == "0" }
            #expect(digits.count <= 15, "\(text)")
            let back = try #require(Double(text))
            #expect(abs(back - hours) <= 1e-14 * max(1, abs(hours)), "\(text) for \(hours)")
        }
        #expect(Figure(.infinity).decimal == nil && Figure(.nan).decimal == nil)
    }

    @Test func aFigureIsWrittenAsItsFifteenDigitDecimalWhicheverWayItIsWritten() throws {
        // The decimal through Foundation's own `%.15g` text, as every figure was once written (or the Double,
        // past Decimal's range).
        func reference(_ value: Double) throws -> String {
            let decimal = Decimal(string: String(format: "%.15g", value), locale: Locale(identifier: "en_US_POSIX"))
            #expect(Figure(value).decimal == decimal, "\(value)")
            let data = try decimal.map { try JSONEncoder().encode([$0]) } ?? JSONEncoder().encode([value])
            return String(decoding: data, as: UTF8.self).dropFirst().dropLast().description
        }
        var random = SeededGenerator(seed: 22)
        var values: [Double] = [
            0, -0.0, 1, -1, 0.1, 0.0001, 0.00001, 1e-7, 123_456_789_012_345, 1e15, 1e16, 9.5e15, 1e22,
            0.1 + 0.2, 1.0 / 3, 2.0 / 3, 5.000000000000001, Double.leastNonzeroMagnitude, .greatestFiniteMagnitude,
        ]
        for _ in 0..<20_000 {
            let digits = Int64.random(in: -999_999_999_999_999...999_999_999_999_999, using: &random)
            let scale = pow(10, Double(Int.random(in: -20...20, using: &random)))
            values.append(Double(digits) * scale)
            values.append(Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &random)))
        }
        for value in values where value.isFinite {
            let encoded = try Self.json(value)
            #expect(encoded == (try reference(value)), "\(value)")
            // The report writer's text is the encoder's.
            #expect(Figure(value).jsonText == encoded, "\(value)")
        }
    }
}
