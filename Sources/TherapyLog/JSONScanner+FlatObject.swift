extension JSONScanner {
    /// The most tokens a flat object may have: the object and 63 keys and values, far more than any
    /// event line of the schema; a line with more takes the general scan.
    static let flatTokenLimit = 127

    /// Scans a line that is one object whose members are all strings, numbers, booleans or nulls
    /// (the shape of most event lines) in one pass, into `tokens` as ``scan(_:into:)`` writes them,
    /// without the general scan's recursion and growing token list.
    ///
    /// Returns the number of tokens and whether a number Foundation cannot represent was seen; nil
    /// when the line is anything else (a nested object or array, more than ``flatTokenLimit`` tokens,
    /// or not valid JSON), which the general scan decides.
    static func scanFlatObject(
        _ line: UnsafeRawBufferPointer, into tokens: UnsafeMutableBufferPointer<JSONToken>
    ) -> (tokenCount: Int, hasUnrepresentable: Bool)? {
        // Offsets are 32-bit, as in every token; the reader caps lines far below that.
        guard let base = line.baseAddress, line.count > 0, line.count < Int(Int32.max) else { return nil }
        var scanner = JSONScanner(base.assumingMemoryBound(to: UInt8.self), count: line.count)
        do throws(Invalid) {
            guard let tokenCount = try scanner.flatObject(into: tokens) else { return nil }
            return (tokenCount, scanner.hasUnrepresentable)
        } catch {
            return nil
        }
    }

    private mutating func flatObject(into tokens: UnsafeMutableBufferPointer<JSONToken>) throws(Invalid) -> Int? {
        guard try nextSignificant() == UInt8(ascii: "{"), tokens.count >= 1 else { return nil }
        let objectStart = index
        index += 1
        var tokenCount = 1
        var keys = SchemaKeyTally()
        if try nextSignificant() != UInt8(ascii: "}") {
            while true {
                guard try nextSignificant() == UInt8(ascii: "\""), tokenCount + 2 <= tokens.count else { return nil }
                let key = try key(next: tokenCount + 1)
                keys.add(key.schemaKey)
                tokens[tokenCount] = key
                guard let value = try scalar() else { return nil }
                tokens[tokenCount + 1] = JSONToken(
                    value.kind, value.flags, from: value.start, to: value.end, next: tokenCount + 2)
                tokenCount += 2
                if try isClosed(after: UInt8(ascii: "}")) { break }
            }
        }
        index += 1
        tokens[0] = JSONToken(.object, keys.objectFlags, from: objectStart, to: index, next: tokenCount)
        skipWhitespace()
        guard index == count else { throw Invalid() }
        return tokenCount
    }
}
