/// The bounds of ``YAMLDocument``, checked on the parser's events before any tree is built: one
/// linear pass, so that no document can make the composer that follows slow.
struct YAMLShapeCheck {
    /// A list or mapping whose end has not been met yet.
    private struct Collection {
        var isMapping: Bool
        /// Whether the next node of a mapping is a key (else a value).
        var expectsKey = true
        /// The keys met so far, as written, with the line of each.
        var keys: [String: Int] = [:]
    }

    private var open: [Collection] = []
    private var documents = 0

    /// Reads every event of `text`; throws at the first that breaks a bound, or at a syntax error.
    static func check(_ text: String) throws(YAMLDocumentError) {
        let reader = YAMLEventReader(text)
        var check = YAMLShapeCheck()
        while let event = try reader.next() { try check.accept(event) }
    }

    private mutating func accept(_ event: YAMLEvent) throws(YAMLDocumentError) {
        switch event.kind {
        case .documentStart:
            documents += 1
            if documents > 1 { throw error("starts a second document; a file holds one", at: event) }
        case .alias(let name):
            throw error("uses the alias *\(name); aliases are not supported, so write the value out", at: event)
        case .scalar(let text):
            try begin(key: text, at: event)
            finishNode()
        case .sequenceStart:
            try enter(Collection(isMapping: false), at: event)
        case .mappingStart:
            try enter(Collection(isMapping: true), at: event)
        case .collectionEnd:
            _ = open.popLast()
            finishNode()
        case .other:
            break
        }
    }

    /// A node starts: when it is a mapping's key, it must be a scalar (`text`) not met before.
    private mutating func begin(key text: String?, at event: YAMLEvent) throws(YAMLDocumentError) {
        guard let last = open.indices.last, open[last].isMapping, open[last].expectsKey else { return }
        guard let text else { throw error("has a key that is a list or a mapping; keys are plain text", at: event) }
        // Mutated in place: a copy of the collection would copy its keys at every key (quadratic).
        if let first = open[last].keys.updateValue(event.line, forKey: text) {
            throw error("duplicate key '\(text)' in one mapping (first on line \(first))", at: event)
        }
    }

    /// A list or mapping starts, one level deeper.
    private mutating func enter(_ collection: Collection, at event: YAMLEvent) throws(YAMLDocumentError) {
        try begin(key: nil, at: event)
        guard open.count < YAMLDocument.maximumDepth else {
            throw error("nests lists and mappings more than \(YAMLDocument.maximumDepth) deep", at: event)
        }
        open.append(collection)
    }

    /// A node ends: in a mapping, a key is followed by its value and a value by the next key.
    private mutating func finishNode() {
        guard let last = open.indices.last, open[last].isMapping else { return }
        open[last].expectsKey.toggle()
    }

    private func error(_ message: String, at event: YAMLEvent) -> YAMLDocumentError {
        YAMLDocumentError("\(message) (column \(event.column))", line: event.line)
    }
}
