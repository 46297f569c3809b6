import CYaml

/// One parsing event of a YAML stream, with where it starts (1-based line and column).
struct YAMLEvent {
    enum Kind {
        case documentStart
        /// A scalar, with its text as written (quotes and escapes resolved, never typed).
        case scalar(String)
        /// An alias, with the anchor it names.
        case alias(String)
        case sequenceStart
        case mappingStart
        /// The end of a sequence or a mapping.
        case collectionEnd
        case other
    }

    var kind: Kind
    var line: Int
    var column: Int
}

/// libyaml's event parser over one text: the events in order, before any tree is built, so that a
/// document can be judged by its shape without composing it.
///
/// Owns the parser and a copy of the input, which libyaml reads by pointer for the parser's whole
/// life; both are released in `deinit`. This file is the only one of ours that calls libyaml (the C
/// library inside Yams, module `CYaml`).
final class YAMLEventReader {
    private var parser = yaml_parser_t()
    private let input: UnsafeMutableBufferPointer<UInt8>
    private var isFinished = false

    init(_ text: String) {
        let bytes = text.utf8
        // One byte more than needed so that the buffer is never empty: libyaml wants a real pointer.
        input = .allocate(capacity: bytes.count + 1)
        _ = input.initialize(from: bytes)
        yaml_parser_initialize(&parser)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, input.baseAddress, bytes.count)
    }

    deinit {
        yaml_parser_delete(&parser)
        input.deallocate()
    }

    /// The next event; nil after the end of the stream.
    ///
    /// - Throws: ``YAMLDocumentError`` with libyaml's own description of a syntax error and its line.
    func next() throws(YAMLDocumentError) -> YAMLEvent? {
        guard !isFinished else { return nil }
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else {
            isFinished = true
            throw syntaxError()
        }
        defer { yaml_event_delete(&event) }
        let line = Int(event.start_mark.line) + 1
        let column = Int(event.start_mark.column) + 1
        let kind: YAMLEvent.Kind
        switch event.type {
        case YAML_STREAM_END_EVENT:
            isFinished = true
            return nil
        case YAML_DOCUMENT_START_EVENT: kind = .documentStart
        case YAML_SCALAR_EVENT:
            kind = .scalar(text(event.data.scalar.value, count: event.data.scalar.length))
        case YAML_ALIAS_EVENT: kind = .alias(event.data.alias.anchor.map { String(cString: $0) } ?? "")
        case YAML_SEQUENCE_START_EVENT: kind = .sequenceStart
        case YAML_MAPPING_START_EVENT: kind = .mappingStart
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT: kind = .collectionEnd
        default: kind = .other
        }
        return YAMLEvent(kind: kind, line: line, column: column)
    }

    /// A scalar's UTF-8 text (libyaml has already checked the encoding; the text may hold NUL).
    private func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?, count: Int) -> String {
        guard let pointer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    /// The parser's error as a located message.
    private func syntaxError() -> YAMLDocumentError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return YAMLDocumentError("ran out of memory while reading the YAML")
        case YAML_READER_ERROR:
            // A reader error has a byte offset but no line; count the lines up to it.
            let offset = min(parser.problem_offset, input.count - 1)
            let line = 1 + input[..<offset].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            return YAMLDocumentError("is not YAML text: \(problem) (byte \(offset))", line: line)
        default:
            var message = "YAML syntax error: \(problem) (column \(parser.problem_mark.column + 1))"
            if let context = parser.context.map({ String(cString: $0) }) {
                message += ", \(context) from line \(parser.context_mark.line + 1)"
            }
            return YAMLDocumentError(message, line: Int(parser.problem_mark.line) + 1)
        }
    }
}
