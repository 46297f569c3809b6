/// Damages lines for the differential test: bytes deleted, inserted, replaced, swapped or repeated,
/// lines cut short, and whole lines re-encoded as UTF-16 or UTF-32.
struct LineMutator {
    var random: SeededGenerator

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
    }

    /// Bytes that matter to a JSON parser, and some that should not be there.
    static let interesting: [[UInt8]] = [
        [0x22], [0x5C], [0x7B], [0x7D], [0x5B], [0x5D], [0x2C], [0x3A], [0x20], [0x09], [0x0D], [0x0A], [0x00],
        [0x2D], [0x2B], [0x2E], [0x30], [0x31], [0x39], [0x65], [0x45], [0x75], [0x6E], [0x74], [0x66], [0x7F],
        [0x80], [0xC3], [0xC3, 0xA9], [0xE2, 0x82, 0xAC], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xEF, 0xBB, 0xBF], [0xFF], [0xFE], Array("\\u".utf8), Array("\\ud83d".utf8), Array("\\ude00".utf8),
        Array("e5".utf8), Array("e400".utf8), Array("00".utf8), Array(",}".utf8), Array("null".utf8),
    ]

    /// `line` with one to three random changes.
    mutating func mutate(_ line: [UInt8]) -> [UInt8] {
        var bytes = line
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<7, using: &random) {
            case 0 where !bytes.isEmpty: bytes.remove(at: position)
            case 1: bytes.insert(contentsOf: random.pick(Self.interesting), at: position)
            case 2 where !bytes.isEmpty: bytes.replaceSubrange(position...position, with: random.pick(Self.interesting))
            case 3 where bytes.count > 1:
                let other = min(position + 1, bytes.count - 1)
                bytes.swapAt(position, other)
            case 4: bytes = Array(bytes.prefix(position))
            case 5 where !bytes.isEmpty:
                let end = min(bytes.count, position + Int.random(in: 1...12, using: &random))
                bytes.insert(contentsOf: bytes[position..<end], at: end)
            default:
                bytes[bytes.isEmpty ? 0..<0 : position..<position + 1] = [UInt8.random(in: 0...255, using: &random)]
            }
        }
        return bytes
    }

    /// `line` in UTF-16 or UTF-32, either byte order, with or without a byte-order mark, now and then
    /// with a stray trailing byte.
    mutating func reencode(_ line: [UInt8]) -> [UInt8] {
        let text = String(decoding: line, as: UTF8.self)
        let isBigEndian = random.chance(0.5)
        let hasMark = random.chance(0.5)
        var bytes: [UInt8] = []
        if random.chance(0.5) {
            if hasMark { bytes += isBigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE] }
            for unit in text.utf16 {
                bytes += isBigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            }
        } else {
            if hasMark { bytes += isBigEndian ? [0, 0, 0xFE, 0xFF] : [0xFF, 0xFE, 0, 0] }
            for scalar in text.unicodeScalars {
                let value = scalar.value
                let big = [
                    UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF),
                ]
                bytes += isBigEndian ? big : big.reversed()
            }
        }
        if random.chance(0.2) { bytes.append(0x20) }
        return bytes
    }
}
