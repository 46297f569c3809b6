extension JSONScanner {
    /// Scans a number: JSON's grammar (no leading zero, digits after a point and in an exponent),
    /// ended by whitespace, a comma, a closing bracket or brace, or the end of the line; and marks
    /// one Foundation cannot represent (a magnitude past `Double`'s, which no `Int64`, `UInt64` or
    /// `Decimal` holds either).
    @inline(__always)
    mutating func scanNumber() throws(Invalid) -> JSONToken.Flags {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < count else { throw Invalid() }
        // The decimal exponent of the leading significant digit, before the written exponent.
        var magnitude: Int?
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if isDigit(bytes[index]) {
            let first = index
            while index < count, isDigit(bytes[index]) { index += 1 }
            magnitude = index - first - 1
        } else {
            throw Invalid()
        }
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let first = index
            while index < count, isDigit(bytes[index]) {
                if magnitude == nil, bytes[index] != UInt8(ascii: "0") { magnitude = first - index - 1 }
                index += 1
            }
            guard index > first else { throw Invalid() }
        }
        var exponent = 0
        if index < count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            var isNegative = false
            if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                isNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            let first = index
            while index < count, isDigit(bytes[index]) {
                // Saturates: any exponent this large already decides the outcome.
                exponent = min(exponent * 10 + Int(bytes[index] - UInt8(ascii: "0")), 1_000_000)
                index += 1
            }
            guard index > first else { throw Invalid() }
            if isNegative { exponent = -exponent }
        }
        if index < count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"): break
            default: throw Invalid()
            }
        }
        var flags: JSONToken.Flags = []
        if let magnitude {
            // 9.99…e307 fits a Double and 1e309 does not; only the decade between needs the exact test.
            let decade = magnitude + exponent
            if decade >= 309 {
                flags = .unrepresentable
            } else if decade == 308 {
                let text = String(
                    decoding: UnsafeBufferPointer(start: bytes + start, count: index - start), as: UTF8.self)
                if !(Double(text)?.isFinite ?? false) { flags = .unrepresentable }
            }
        }
        if !flags.isEmpty { hasUnrepresentable = true }
        return flags
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
}
