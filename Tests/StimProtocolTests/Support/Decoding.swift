import StimProtocol

/// Helpers that drive a `FrameDecoder` the ways a transport might.
enum Decoding {
    /// Everything the decoder reports for `bytes` fed at once.
    static func all(_ bytes: [UInt8], decoder: FrameDecoder = FrameDecoder()) -> [FrameDecoder.Outcome] {
        var decoder = decoder
        var outcomes: [FrameDecoder.Outcome] = []
        decoder.decode(bytes) { outcomes.append($0) }
        return outcomes
    }

    /// Everything the decoder reports for `bytes` fed in chunks of random sizes from 1 to `maximum`.
    /// With `finishing`, the stream ends after the bytes (`FrameDecoder.finish`).
    static func chunked(
        _ bytes: [UInt8], seed: UInt64, maximum: Int = 300, finishing: Bool = false,
        decoder: FrameDecoder = FrameDecoder()
    ) -> [FrameDecoder.Outcome] {
        var decoder = decoder
        var generator = SeededGenerator(seed: seed)
        var outcomes: [FrameDecoder.Outcome] = []
        var index = 0
        while index < bytes.count {
            let size = Int.random(in: 1...maximum, using: &generator)
            let end = min(index + size, bytes.count)
            decoder.decode(bytes[index..<end]) { outcomes.append($0) }
            index = end
        }
        if finishing { decoder.finish { outcomes.append($0) } }
        return outcomes
    }

    /// The frames among `outcomes`.
    static func frames(_ outcomes: [FrameDecoder.Outcome]) -> [Frame] {
        outcomes.compactMap { outcome in
            if case .frame(let frame) = outcome { frame } else { nil }
        }
    }

    /// The wire bytes of every sample frame, back to back.
    static var sampleStream: [UInt8] { Samples.frames.flatMap { $0.frame.encoded() } }
}
