import RecordingFormat
import StimSafety

/// The members of one object of a scanned line (the scanner's ``LineFields``): looked up in the
/// token tape by the ``SchemaKey`` mark the scanner left on each key, with the last of repeated keys
/// winning, as in Foundation's dictionary.
struct TapeFields: LineFields {
    let tape: JSONTape
    /// The object's token.
    let object: Int
    /// The field path of this object within the line (`program.cycling`), empty at the top.
    let path: String

    func name(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// The token of the value of the last member named `key`: the first, in an object where no schema
    /// key may be written twice.
    @inline(__always)
    private func find(_ key: SchemaKey) -> Int? {
        var found: Int?
        var member = object + 1
        let end = Int(tape.tokens[object].next)
        let mayRepeat = tape.tokens[object].flags.contains(.mayRepeatSchemaKey)
        while member < end {
            let mark = tape.tokens[member].schemaKey
            if mark == key.rawValue || (mark == JSONToken.keyNeedsText && SchemaKey(text: tape.string(member)) == key) {
                found = member + 1
                if !mayRepeat { return found }
            }
            member = Int(tape.tokens[member + 1].next)
        }
        return found
    }

    /// The token of `key`'s value; a missing-field problem when it is absent or `null`.
    @inline(__always)
    private func present(_ key: SchemaKey) throws(LineProblem) -> Int {
        guard let index = find(key), tape.tokens[index].kind != .null else { throw missing(key) }
        return index
    }

    /// The token of `key`'s value, which must be of `kind`.
    @inline(__always)
    private func present(_ key: SchemaKey, _ kind: JSONToken.Kind, _ expected: String) throws(LineProblem) -> Int {
        let index = try present(key)
        guard tape.tokens[index].kind == kind else { throw wrongType(key, expected, tape.tokens[index].kind.typeName) }
        return index
    }

    @inline(__always)
    func has(_ key: SchemaKey) -> Bool {
        guard let index = find(key) else { return false }
        return tape.tokens[index].kind != .null
    }

    func value(_ key: SchemaKey) throws(LineProblem) -> JSONValue {
        tape.value(try present(key))
    }

    func string(_ key: SchemaKey) throws(LineProblem) -> String {
        tape.string(try present(key, .string, "a string"))
    }

    func bool(_ key: SchemaKey) throws(LineProblem) -> Bool {
        let index = try present(key)
        switch tape.tokens[index].kind {
        case .true: return true
        case .false: return false
        case let kind: throw wrongType(key, "true or false", kind.typeName)
        }
    }

    func object(_ key: SchemaKey) throws(LineProblem) -> TapeFields {
        TapeFields(tape: tape, object: try present(key, .object, "an object"), path: name(key))
    }

    func integer(_ key: SchemaKey) throws(LineProblem) -> Int {
        let index = try present(key, .number, "a whole number")
        let bytes = tape.span(index)
        if let whole = JSONNumber.plainDecimal(bytes, fractionDigits: 0) { return Int(whole) }
        return try JSONNumber(bytes).integer(written: JSONNumber.written(bytes), field: name(key))
    }

    func quantity<Quantity: FixedPoint>(
        _ key: SchemaKey, _: Quantity.Type, allowNegative: Bool
    ) throws(LineProblem) -> Quantity {
        try quantity(
            at: try present(key, .number, "a number"), key.description, Quantity.self, allowNegative: allowNegative)
    }

    /// The number at token `index` as a `Quantity`: a plain decimal in place, anything else (and any
    /// problem) through ``JSONNumber``, which names the field `key`.
    @inline(__always)
    private func quantity<Quantity: FixedPoint>(
        at index: Int, _ key: @autoclosure () -> String, _: Quantity.Type, allowNegative: Bool
    ) throws(LineProblem) -> Quantity {
        let bytes = tape.span(index)
        if let raw = JSONNumber.plainDecimal(bytes, fractionDigits: Quantity.fractionDigits),
            allowNegative || raw >= 0
        {
            return Quantity(rawValue: raw)
        }
        return try JSONNumber(bytes).quantity(
            Quantity.self, written: JSONNumber.written(bytes), field: name(key()), allowNegative: allowNegative)
    }

    func choice<Choice: SchemaChoice>(
        _ key: SchemaKey, _: Choice.Type, unknown: (String) -> LineProblem
    ) throws(LineProblem) -> Choice {
        let index = try present(key, .string, "a string")
        if tape.tokens[index].flags == .verbatim, let choice = tape.packed(index).flatMap(Choice.matching) {
            return choice
        }
        let text = tape.string(index)
        guard let choice = Choice(rawValue: text) else { throw unknown(text) }
        return choice
    }

    func timestamp(_ key: SchemaKey) throws(LineProblem) -> Timestamp {
        let index = try present(key, .string, "a string")
        if tape.tokens[index].flags == .verbatim, let time = Timestamp.parse(tape.span(index)) { return time }
        let text = tape.string(index)
        guard let time = Timestamp(rfc3339: text) else { throw FieldText.badTimestamp(text, field: name(key)) }
        return time
    }

    func contacts<Quantity: FixedPoint>(
        _: Quantity.Type, allowNegative: Bool
    ) throws(LineProblem) -> [(contact: ContactID, value: Quantity)] {
        let members = uniqueMembers()
        var read: [(contact: ContactID, value: Quantity)] = []
        read.reserveCapacity(members.count)
        var failure: (key: String, problem: LineProblem)?
        for (keyIndex, valueIndex) in members {
            switch tape.tokens[valueIndex].kind {
            case .number:
                do throws(LineProblem) {
                    let value = try quantity(
                        at: valueIndex, tape.string(keyIndex), Quantity.self, allowNegative: allowNegative)
                    read.append((tape.contact(keyIndex), value))
                } catch {
                    failure = FieldText.earlier(failure, tape.string(keyIndex), error)
                }
            case .null:
                let key = tape.string(keyIndex)
                failure = FieldText.earlier(failure, key, missing(key))
            case let kind:
                let key = tape.string(keyIndex)
                failure = FieldText.earlier(failure, key, wrongType(key, "a number", kind.typeName))
            }
        }
        if let failure { throw failure.problem }
        return read
    }

    func keys() -> [String] { uniqueMembers().map { tape.string($0.key) } }

    /// Each member's key and value token, a repeated key once: its first spelling (Foundation's
    /// dictionary keeps it) with its last value.
    private func uniqueMembers() -> [(key: Int, value: Int)] {
        let end = Int(tape.tokens[object].next)
        var members: [(key: Int, value: Int)] = []
        members.reserveCapacity((end - object) / 2)
        // One bit for each packed plain key kept, chosen by its packing: while every key kept is packed
        // (a key with an escape may spell a plain one), a packed key whose bit is clear is new. Any other
        // key is compared with each kept one.
        var keptBits: UInt64 = 0
        var allPacked = true
        var member = object + 1
        while member < end {
            let packed = tape.tokens[member].flags == .verbatim ? tape.packed(member) : nil
            let bit = packed?.filterBit ?? 0
            if allPacked, bit != 0, keptBits & bit == 0 {
                members.append((member, member + 1))
            } else if let earlier = members.firstIndex(where: { tape.string($0.key, equals: member) }) {
                members[earlier].value = member + 1
            } else {
                members.append((member, member + 1))
                allPacked = allPacked && packed != nil
            }
            keptBits |= bit
            member = Int(tape.tokens[member + 1].next)
        }
        return members
    }
}
