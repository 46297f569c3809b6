import Foundation

/// Number formatting for human output (JSON carries unrounded numbers).
enum Format {
    /// `value` with at most `decimals` decimals, trailing zeros dropped.
    static func number(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value > 0 ? "∞" : "—" }
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.last == "0" { text.removeLast() }
            if text.last == "." { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}
