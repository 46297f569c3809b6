/// Where text stops being UTF-8, for messages that name the first bad byte.
public enum UTF8Prefix {
    /// The number of bytes at the start of `bytes` that are valid UTF-8: the offset of the first byte
    /// that does not start a valid sequence, or the count of `bytes` when every one does.
    public static func validLength(of bytes: some Sequence<UInt8>) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var length = 0
        while case .valid(let scalar) = parser.parseScalar(from: &iterator) { length += scalar.count }
        return length
    }
}
