/// How a recording is read.
public struct ReadingOptions: Hashable, Sendable {
    /// Strict (`--strict`): the first `invalid-json`, `missing-field` or `wrong-type` line is an
    /// error; lenient (the default): it is a finding and reading goes on.
    public var isStrict: Bool
    /// Bytes read from the file at a time.
    public var chunkSize: Int
    /// A longer line is not held in memory: it is an `invalid-json` finding.
    public var maximumLineLength: Int

    public init(isStrict: Bool = false, chunkSize: Int = 64 * 1024, maximumLineLength: Int = 1 << 20) {
        self.isStrict = isStrict
        self.chunkSize = chunkSize
        self.maximumLineLength = maximumLineLength
    }
}
