/// Turns byte offsets into lines and columns, counting forward from the last offset asked about, so
/// that positions asked in file order cost one pass over the bytes in all.
struct LineCounter {
    private var offset = 0
    private var line = 1
    private var lineStart = 0

    mutating func position(of target: Int, in bytes: UnsafeRawBufferPointer) -> TextPosition {
        let target = min(max(target, 0), bytes.count)
        if target < offset { self = LineCounter() }
        while offset < target {
            if bytes[offset] == 0x0A {
                line += 1
                lineStart = offset + 1
            }
            offset += 1
        }
        return TextPosition(offset: target, line: line, column: target - lineStart + 1)
    }
}
