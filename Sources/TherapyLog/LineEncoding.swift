/// The text encoding Foundation's `JSONSerialization` reads a line in, and the transcoding to UTF-8
/// of the rare line it reads as UTF-16 or UTF-32.
///
/// Foundation looks for a byte-order mark (only in data of 4 bytes or more): UTF-8 `EF BB BF`,
/// UTF-32 `00 00 FE FF` / `FF FE 00 00`, UTF-16 `FF FE` / `FE FF`, and skips it. Otherwise zero
/// bytes among the first four (or two) decide: `00 00 00 x` UTF-32BE, `x 00 00 00` UTF-32LE,
/// `00 x 00 x` UTF-16BE, `x 00 x 00` UTF-16LE; anything else is UTF-8. A trailing partial code unit
/// is dropped and a code unit that is no Unicode scalar makes the line unreadable.
enum LineEncoding: Equatable {
    case utf8(skip: Int)
    case utf16(isBigEndian: Bool, skip: Int)
    case utf32(isBigEndian: Bool, skip: Int)

    init(detecting bytes: UnsafeRawBufferPointer) {
        let count = bytes.count
        if count >= 4 {
            let (b0, b1, b2, b3) = (bytes[0], bytes[1], bytes[2], bytes[3])
            // The usual line, `{"…`, has no zero and no mark.
            if b1 != 0, b2 != 0, b3 != 0, b0 != 0, b0 < 0xEF {
                self = .utf8(skip: 0)
                return
            }
            switch (b0, b1, b2, b3) {
            case (0xEF, 0xBB, 0xBF, _): self = .utf8(skip: 3)
            case (0x00, 0x00, 0xFE, 0xFF): self = .utf32(isBigEndian: true, skip: 4)
            case (0xFF, 0xFE, 0x00, 0x00): self = .utf32(isBigEndian: false, skip: 4)
            case (0xFF, 0xFE, _, _): self = .utf16(isBigEndian: false, skip: 2)
            case (0xFE, 0xFF, _, _): self = .utf16(isBigEndian: true, skip: 2)
            case (0, 0, 0, _): self = .utf32(isBigEndian: true, skip: 0)
            case (_, 0, 0, 0): self = .utf32(isBigEndian: false, skip: 0)
            case (0, _, 0, _): self = .utf16(isBigEndian: true, skip: 0)
            case (_, 0, _, 0): self = .utf16(isBigEndian: false, skip: 0)
            default: self = .utf8(skip: 0)
            }
        } else if count >= 2, bytes[0] == 0 {
            self = .utf16(isBigEndian: true, skip: 0)
        } else if count >= 2, bytes[1] == 0 {
            self = .utf16(isBigEndian: false, skip: 0)
        } else {
            self = .utf8(skip: 0)
        }
    }

    /// Writes `bytes` as UTF-8 into `output` (emptied first); false when a code unit is no scalar.
    /// For `.utf8`, only the mark is skipped.
    func transcode(_ bytes: UnsafeRawBufferPointer, into output: inout [UInt8]) -> Bool {
        output.removeAll(keepingCapacity: true)
        switch self {
        case .utf8(let skip):
            output.append(contentsOf: bytes[skip...])
            return true
        case .utf16(let isBigEndian, let skip):
            let units = (bytes.count - skip) / 2
            var index = 0
            func unit(_ position: Int) -> UInt32 {
                let first = UInt32(bytes[skip + 2 * position])
                let second = UInt32(bytes[skip + 2 * position + 1])
                return isBigEndian ? first << 8 | second : second << 8 | first
            }
            while index < units {
                var scalar = unit(index)
                index += 1
                if scalar & 0xFC00 == 0xD800 {
                    guard index < units, unit(index) & 0xFC00 == 0xDC00 else { return false }
                    scalar = 0x10000 + (scalar - 0xD800) << 10 + (unit(index) - 0xDC00)
                    index += 1
                }
                guard let character = Unicode.Scalar(scalar) else { return false }
                UTF8.encode(character) { output.append($0) }
            }
            return true
        case .utf32(let isBigEndian, let skip):
            for position in 0..<(bytes.count - skip) / 4 {
                var value: UInt32 = 0
                for offset in 0..<4 {
                    let byte = UInt32(bytes[skip + 4 * position + (isBigEndian ? offset : 3 - offset)])
                    value = value << 8 | byte
                }
                guard let character = Unicode.Scalar(value) else { return false }
                UTF8.encode(character) { output.append($0) }
            }
            return true
        }
    }
}
