import StimSafety

/// The payload of every error frame: a code and, for safety refusals, the rule ids that fired.
///
/// Wire form: code (UInt16), rule count (UInt8), one wire number (UInt8) per rule in the order given.
public struct ErrorReply: Hashable, Sendable, Error {
    /// Why the request was refused.
    public var code: ErrorCode
    /// The rules behind a `safetyRejected` or `unacknowledgedWarnings` refusal; empty otherwise.
    public var rules: [RuleID]

    public init(code: ErrorCode, rules: [RuleID] = []) {
        self.code = code
        self.rules = rules
    }

    /// The payload bytes.
    public func encodedPayload() throws(EncodeError) -> [UInt8] {
        var writer = ByteWriter()
        writer.write(code.rawValue)
        try writer.writeCount(rules.count, field: "rules")
        for rule in rules { writer.write(rule) }
        return writer.bytes
    }

    /// Reads an error reply from a payload.
    public init(payload: some Collection<UInt8>) throws(PayloadError) {
        var reader = ByteReader(payload)
        code = ErrorCode(rawValue: try reader.read(field: "error code"))
        let count: UInt8 = try reader.read(field: "rules")
        var rules: [RuleID] = []
        rules.reserveCapacity(Int(count))
        for _ in 0..<count { rules.append(try reader.readRule(field: "rule")) }
        self.rules = rules
        try reader.finish()
    }
}
