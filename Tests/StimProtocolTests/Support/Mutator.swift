import StimProtocol

/// Damages frames the ways a noisy link does, reproducibly from a seed.
struct Mutator {
    var generator: SeededGenerator

    init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

    /// `bytes` with one to four random edits: flipped bits, replaced, inserted, deleted or
    /// duplicated bytes, a cut, or a length field overwritten.
    mutating func mutate(_ bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            guard !bytes.isEmpty else { break }
            let index = Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<8, using: &generator) {
            case 0: bytes[index] ^= 1 << UInt8.random(in: 0..<8, using: &generator)
            case 1: bytes[index] = UInt8.random(in: 0...255, using: &generator)
            case 2: bytes.insert(UInt8.random(in: 0...255, using: &generator), at: index)
            case 3: bytes.remove(at: index)
            case 4: bytes.removeSubrange(index...)
            case 5: bytes.insert(contentsOf: bytes[index..<min(index + 8, bytes.count)], at: index)
            case 6:
                if bytes.count > 15 {
                    bytes[14] = UInt8.random(in: 0...255, using: &generator)
                    bytes[15] = UInt8.random(in: 0...0x10, using: &generator)
                }
            default: bytes[index] = index.isMultiple(of: 2) ? 0xC5 : 0x5C
            }
        }
        return bytes
    }

    /// A frame of a known type around a payload that is the sample's, damaged, with a correct CRC, so
    /// the damage reaches the payload decoders instead of stopping at the CRC.
    mutating func mutatePayload(of frame: Frame) -> Frame {
        var payload = mutate(frame.payload)
        if payload.count > Frame.maximumPayloadLength { payload.removeSubrange(Frame.maximumPayloadLength...) }
        return try! Frame(header: frame.header, payload: payload)
    }
}
