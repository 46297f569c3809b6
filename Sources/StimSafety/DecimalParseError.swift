/// Why a piece of text could not be read as an exact decimal quantity.
public enum DecimalParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text is not a decimal number at all.
    case notANumber(String)
    /// The number has more decimal places than the unit resolves.
    case tooPrecise(String, maximumDecimals: Int)
    /// The number is too large to hold.
    case outOfRange(String)

    public var description: String {
        switch self {
        case .notANumber(let text): "'\(text)' is not a number"
        case .tooPrecise(let text, let digits): "'\(text)' has more than \(digits) decimal places"
        case .outOfRange(let text): "'\(text)' is out of range"
        }
    }
}
