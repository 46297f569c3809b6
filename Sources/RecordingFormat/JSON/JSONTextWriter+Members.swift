/// The members of an open object, each written with its key in one call.
extension JSONTextWriter {
    /// A member whose value is an object that `body` fills.
    public mutating func object(_ key: String, _ body: (inout JSONTextWriter) throws -> Void) rethrows {
        self.key(key)
        try object(body)
    }

    /// A member whose value is an array that `body` fills.
    public mutating func array(_ key: String, _ body: (inout JSONTextWriter) throws -> Void) rethrows {
        self.key(key)
        try array(body)
    }

    /// A string member.
    public mutating func member(_ key: String, _ value: String) {
        self.key(key)
        string(value)
    }

    /// A whole-number member, `null` when there is none.
    public mutating func member(_ key: String, _ value: Int?) {
        self.key(key)
        if let value { integer(value) } else { null() }
    }

    /// A `true` or `false` member.
    public mutating func member(_ key: String, _ value: Bool) {
        self.key(key)
        bool(value)
    }

    /// A number member, from its JSON text.
    public mutating func member(_ key: String, number text: String) {
        self.key(key)
        number(text)
    }

    /// A member whose value is an array of strings.
    public mutating func member(_ key: String, strings: [String]) {
        self.key(key)
        self.strings(strings)
    }
}
