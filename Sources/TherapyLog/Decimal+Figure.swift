import Foundation

extension Decimal {
    /// A computed figure for a JSON report: `value` to 15 significant digits (all a `Double` holds for
    /// certain), so that the error of binary arithmetic (`5.000000000000001` for 5, `0.30000000000000004`
    /// for 0.1 + 0.2) is not written as if it were a digit. Nil for an infinite or undefined value.
    public init?(figure value: Double) {
        guard value.isFinite else { return nil }
        self.init(string: String(format: "%.15g", value), locale: Locale(identifier: "en_US_POSIX"))
    }
}
