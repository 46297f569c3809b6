import StimSafety
import Yams

/// The typed values of a field.
///
/// Numbers are read from the scalar's text, never through `Double`, so that `0.025` stays exactly
/// 25 µA. Only plain (unquoted) scalars that YAML resolves as numbers count as numbers: `"12"` in
/// quotes is text, and text where a number belongs is an error, as is a list or a mapping.
extension YAMLField {
    /// What a read number must satisfy beyond being a number.
    package enum Bound {
        case any
        case nonNegative
        case positive
    }

    /// Reads an exact quantity in the display unit of `Quantity` (mA, µs, Hz, Ω, V, s, mm², µC/cm², %).
    package func quantity<Quantity: FixedPoint>(
        _: Quantity.Type = Quantity.self, _ bound: Bound = .nonNegative
    ) throws(InputError) -> Quantity {
        let text = try numberText()
        let value: Quantity
        do {
            value = try Quantity(parsing: text)
        } catch {
            switch error {
            case .notANumber: throw self.error("must be a decimal number (got '\(text)')")
            case .tooPrecise(_, let digits):
                throw self.error("must have at most \(digits) decimal places in \(Quantity.unitSymbol) (got '\(text)')")
            case .outOfRange: throw self.error("is too large (got '\(text)')")
            }
        }
        try check(value.rawValue, against: bound, shown: value.decimalText)
        return value
    }

    /// Reads a whole number written in decimal.
    package func integer(_ bound: Bound = .nonNegative) throws(InputError) -> Int {
        let text = try numberText()
        guard tagName == .int, let value = Int(text) else {
            throw error("must be a whole number (got '\(text)')")
        }
        try check(Int64(value), against: bound, shown: text)
        return value
    }

    /// Reads a whole number from 0 to 0xFFFF, written in decimal or as `0x` hexadecimal.
    func uint16() throws(InputError) -> UInt16 {
        let text = try numberText()
        let lowered = text.lowercased()
        let value = lowered.hasPrefix("0x") ? UInt16(lowered.dropFirst(2), radix: 16) : UInt16(text)
        guard tagName == .int, let value else {
            throw error("must be a whole number from 0 to 0xFFFF (got '\(text)')")
        }
        return value
    }

    /// Reads a finite binary floating-point number, for model constants that are not limits.
    func real(_ bound: Bound = .nonNegative) throws(InputError) -> Double {
        let text = try numberText()
        // Swift's Double(_:) also reads hexadecimal floats, which YAML's decimal numbers are not.
        guard !text.lowercased().contains("0x"), let value = Double(text), value.isFinite else {
            throw error("must be a finite decimal number (got '\(text)')")
        }
        try check(value, against: bound, shown: text)
        return value
    }

    /// Reads a non-empty piece of text.
    package func text() throws(InputError) -> String {
        try requireValue()
        guard case .scalar(let scalar) = node, tagName == .str else { throw error("must be text, not \(kind)") }
        guard !scalar.string.isEmpty else { throw error("must not be empty") }
        return scalar.string
    }

    /// Reads `true` or `false` (and YAML 1.1's other spellings of them).
    package func boolean() throws(InputError) -> Bool {
        try requireValue()
        guard case .scalar(let scalar) = node, tagName == .bool else {
            throw error("must be true or false, not \(kind)")
        }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        default: return false
        }
    }

    /// Reads one of the raw values of `Choice`.
    package func choice<Choice: RawRepresentable & CaseIterable>(_: Choice.Type) throws(InputError) -> Choice
    where Choice.RawValue == String {
        let value = try text()
        guard let choice = Choice(rawValue: value) else {
            let options = Choice.allCases.map(\.rawValue).joined(separator: ", ")
            throw error("'\(value)' is not one of: \(options)")
        }
        return choice
    }

    /// The scalar's text, when YAML reads it as a number.
    private func numberText() throws(InputError) -> String {
        try requireValue()
        guard case .scalar(let scalar) = node else { throw error("must be a number, not \(kind)") }
        guard tagName == .int || tagName == .float else { throw error("must be a number (got \(kind))") }
        return scalar.string
    }

    /// Throws when `value` (written as `shown` in the message) is outside `bound`.
    private func check<Value: Comparable & ExpressibleByIntegerLiteral>(
        _ value: Value, against bound: Bound, shown: String
    ) throws(InputError) {
        switch bound {
        case .any: break
        case .nonNegative: if value < 0 { throw error("must not be negative (got \(shown))") }
        case .positive: if value <= 0 { throw error("must be greater than 0 (got \(shown))") }
        }
    }
}
