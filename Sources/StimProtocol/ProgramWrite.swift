import StimSafety

/// The writeProgram request: a program for a slot, with the warnings the clinician acknowledged.
///
/// Wire form: slot (UInt8, 1…255), acknowledged count (UInt8), the acknowledged rules' wire numbers
/// (UInt8 each, strictly ascending), the program (see `StimProgram`'s wire form).
public struct ProgramWrite: Hashable, Sendable {
    /// The slot to write.
    public var slot: Slot
    /// The program, which the device validates again before storing it.
    public var program: StimProgram
    /// Warning rule ids the clinician acknowledged; the device refuses unacknowledged warnings.
    public var acknowledged: RuleSet

    public init(slot: Slot, program: StimProgram, acknowledged: RuleSet = []) {
        self.slot = slot
        self.program = program
        self.acknowledged = acknowledged
    }
}

extension ByteWriter {
    mutating func write(_ write: ProgramWrite) throws(EncodeError) {
        try self.write(write.slot, field: "slot")
        try self.write(acknowledged: write.acknowledged)
        try self.write(write.program)
    }

    /// An acknowledged list: count (UInt8), then the rules' wire numbers, strictly ascending.
    mutating func write(acknowledged: RuleSet) throws(EncodeError) {
        let numbers = RuleID.allCases.filter { acknowledged.contains($0) }.map(\.wireNumber).sorted()
        try writeCount(numbers.count, field: "acknowledged")
        for number in numbers { write(number) }
    }
}

extension ByteReader {
    mutating func readProgramWrite() throws(PayloadError) -> ProgramWrite {
        let slot = try readSlotNumber(field: "slot")
        let acknowledged = try readAcknowledged()
        return ProgramWrite(slot: slot, program: try readProgram(), acknowledged: acknowledged)
    }

    /// An acknowledged list, as ``ByteWriter/write(acknowledged:)`` writes it.
    mutating func readAcknowledged() throws(PayloadError) -> RuleSet {
        let count: UInt8 = try read(field: "acknowledged")
        var acknowledged: RuleSet = []
        var previous = 0
        for _ in 0..<count {
            let rule = try readRule(field: "acknowledged rule")
            // Ascending and unique, so that every set has exactly one wire form.
            guard Int(rule.wireNumber) > previous else {
                throw .invalidValue(field: "acknowledged rule order", value: Int(rule.wireNumber))
            }
            previous = Int(rule.wireNumber)
            acknowledged.insert(RuleSet(rule: rule))
        }
        return acknowledged
    }
}
