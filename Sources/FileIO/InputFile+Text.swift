extension InputFile {
    /// The rest of the file as UTF-8 text, with a leading byte-order mark dropped and every `\r\n`
    /// line end read as `\n`.
    ///
    /// - Parameter limit: The most bytes accepted.
    /// - Throws: ``FileError`` when the file cannot be read, is longer than `limit`, or is not UTF-8
    ///   (naming the first bad byte's line, column and offset).
    public func readText(limit: Int = .max) throws(FileError) -> String {
        let bytes = try readAll(limit: limit)
        let text = try Self.decode(bytes, name: name)
        guard bytes.contains(0x0D) else { return text }
        var lineFeeds: [UInt8] = []
        lineFeeds.reserveCapacity(bytes.count)
        var utf8 = text.utf8.makeIterator()
        var pending = utf8.next()
        while let byte = pending {
            pending = utf8.next()
            if byte != 0x0D || pending != 0x0A { lineFeeds.append(byte) }
        }
        return String(decoding: lineFeeds, as: UTF8.self)
    }

    /// The rest of the file as lines of UTF-8 text, without their line ends (`\n` or `\r\n`); a
    /// final line end does not start another line.
    public func readLines(limit: Int = .max) throws(FileError) -> [String] {
        let text = try readText(limit: limit)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if text.hasSuffix("\n") { lines.removeLast() }
        return lines
    }

    /// `bytes` as a string, without a leading UTF-8 byte-order mark; an error naming the first byte
    /// that is not UTF-8.
    static func decode(_ bytes: [UInt8], name: String) throws(FileError) -> String {
        let skip = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let body = bytes[skip...]
        if let text = String(validating: body, as: UTF8.self) { return text }
        let offset = skip + UTF8Prefix.validLength(of: body)
        let lineStart = bytes[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let line = 1 + bytes[..<offset].count { $0 == 0x0A }
        throw FileError(
            path: name,
            cause: .notUTF8(byte: bytes[offset], offset: offset, line: line, column: offset - lineStart + 1))
    }
}
