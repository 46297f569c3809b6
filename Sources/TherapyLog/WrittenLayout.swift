import RecordingFormat
import StimSafety

/// Reads the frequent small events written in exactly the layout that
/// ``RecordingEvent/recordingLine(at:)`` gives them: `t`, `type`, then the type's fields in a fixed
/// order, with no space, escape or other member, numbers as plain decimals, and contacts as `case`
/// or a number without leading zeros, each once.
///
/// Such a line is valid JSON with one reading, so checking its bytes against the layout decodes it.
/// Every other line, a valid one in another spelling or any line with a problem, is left to the
/// parser (nil), which reads it by ``EventDecoder``'s schema; the tests and the `recording-line` fuzz
/// target hold both paths to the same events.
enum WrittenLayout {
    /// The event of `line`, or nil when the line is not in the written layout of a battery,
    /// amplitude, therapy, activate, impedance, charge, program, fault or end event or of a refusal
    /// of a request of scalar members, or breaks the schema. `day` is the date of the last time read
    /// (``Timestamp/parse(_:day:)``).
    static func decode(_ line: UnsafeRawBufferPointer, day: inout Timestamp.DayMemo?) -> DecodedLine? {
        guard var cursor = ByteCursor(line), cursor.skip(#"{"t":""#), let time = cursor.timestamp(day: &day),
            cursor.skip(#","type":""#), let event = event(&cursor), cursor.skip("}"), cursor.isAtEnd
        else { return nil }
        return .event(time: time, event: event)
    }

    /// The event whose type and fields follow, up to the line's closing brace.
    @inline(__always)
    private static func event(_ cursor: inout ByteCursor) -> RecordingEvent? {
        if cursor.skip(#"battery","percent":"#) {
            return quantity(&cursor, Percent.self).map(RecordingEvent.battery)
        }
        if cursor.skip(#"amplitude","slot":"#) {
            guard let slot = slot(&cursor), cursor.skip(#","amplitude":"#),
                let amplitude = quantity(&cursor, Nanoamps.self), let by = role(&cursor)
            else { return nil }
            return .amplitude(slot: slot, amplitude: amplitude, by: by)
        }
        if cursor.skip(#"therapy","on":"#) {
            let isOn = cursor.skip("true")
            guard isOn || cursor.skip("false"), let by = role(&cursor) else { return nil }
            return .therapy(isOn: isOn, by: by)
        }
        if cursor.skip(#"activate","slot":"#) {
            guard let slot = slot(&cursor), let by = role(&cursor) else { return nil }
            return .activate(slot: slot, by: by)
        }
        if cursor.skip(#"impedance","ohms":{"#) {
            return impedances(&cursor).map(RecordingEvent.impedance)
        }
        if cursor.skip(#"charge","state":""#) {
            if cursor.skip(#"start""#) { return .charge(.start) }
            if cursor.skip(#"end""#) { return .charge(.end) }
        }
        if cursor.skip(#"program","slot":"#) {
            guard let slot = slot(&cursor), let by = role(&cursor), cursor.skip(#","program":{"#),
                let program = program(&cursor)
            else { return nil }
            return .program(slot: slot, program: program, by: by)
        }
        if cursor.skip(#"fault","code":""#) {
            guard let code = cursor.plainString() else { return nil }
            guard cursor.skip(#","detail":""#) else { return .fault(code: code, detail: nil) }
            return cursor.plainString().map { .fault(code: code, detail: $0) }
        }
        if cursor.skip(#"end""#) { return .end }
        if cursor.skip(#"rejected","by":""#) {
            guard let by = roleName(&cursor), cursor.skip(#","rules":["#), let rules = ruleIDs(&cursor),
                cursor.skip(#","request":{"#), let request = request(&cursor)
            else { return nil }
            return .rejected(RejectedCommand(by: by, rules: rules, request: request))
        }
        return nil
    }

    /// The rule ids of a refusal up to the closing bracket: plain strings.
    private static func ruleIDs(_ cursor: inout ByteCursor) -> [String]? {
        var rules: [String] = []
        if cursor.skip("]") { return rules }
        repeat {
            guard cursor.skip(#"""#), let rule = cursor.plainString() else { return nil }
            rules.append(rule)
        } while cursor.skip(",")
        return cursor.skip("]") ? rules : nil
    }

    /// A refused request up to its closing brace, when it is one object of plain keys, each once, with
    /// plain decimals or booleans (an amplitude, an activation, therapy on or off); nil for any other,
    /// a program write among them.
    private static func request(_ cursor: inout ByteCursor) -> JSONValue? {
        if cursor.skip("}") { return .object([:]) }
        // Room for the usual few members at once, instead of growing and rehashing on the second.
        var members = [String: JSONValue](minimumCapacity: usualRequestCount)
        repeat {
            guard cursor.skip(#"""#), let key = cursor.plainString(), cursor.skip(":") else { return nil }
            let value: JSONValue
            if cursor.skip("true") {
                value = .bool(true)
            } else if cursor.skip("false") {
                value = .bool(false)
            } else {
                guard let text = cursor.plainNumberText() else { return nil }
                value = .number(text)
            }
            guard members.updateValue(value, forKey: key) == nil else { return nil }
        } while cursor.skip(",")
        return cursor.skip("}") ? .object(members) : nil
    }

    /// The members of an impedance map up to its closing brace, in the one spelling and the order
    /// (each contact once, in increasing order) the writer gives them.
    private static func impedances(_ cursor: inout ByteCursor) -> ImpedanceMeasurement? {
        var measured = ImpedanceMeasurement()
        if cursor.skip("}") { return measured }
        measured.reserveCapacity(usualMapCount)
        repeat {
            // A lead contact (nearly every key) as a plain number, without a `ContactID` to make and release.
            guard cursor.skip(#"""#) else { return nil }
            let lead = cursor.leadNumber()
            guard lead != nil || cursor.skip("case"), cursor.skip(#"":"#), let ohms = quantity(&cursor, Milliohms.self)
            else { return nil }
            let isAppended = if let lead { measured.appendLead(lead, ohms) } else { measured.append(.can, ohms) }
            guard isAppended else { return nil }
        } while cursor.skip(",")
        return cursor.skip("}") ? measured : nil
    }

    /// Room reserved for a refused request's members: a slot and an amplitude, or a slot and more.
    private static let usualRequestCount = 4

    /// Room reserved for an impedance map: the contacts of two 8-contact leads and the case.
    private static let usualMapCount = 17

    /// A positive whole number.
    @inline(__always)
    static func positiveInteger(_ cursor: inout ByteCursor) -> Int? {
        guard let number = cursor.plainDecimal(fractionDigits: 0), number > 0 else { return nil }
        return Int(number)
    }

    /// A slot number.
    @inline(__always)
    static func slot(_ cursor: inout ByteCursor) -> Slot? {
        positiveInteger(&cursor).flatMap { Slot(number: $0) }
    }

    /// A quantity that must not be negative.
    @inline(__always)
    static func quantity<Quantity: FixedPoint>(_ cursor: inout ByteCursor, _: Quantity.Type) -> Quantity? {
        guard let raw = cursor.plainDecimal(fractionDigits: Quantity.fractionDigits), raw >= 0 else { return nil }
        return Quantity(rawValue: raw)
    }

    /// The `by` member that ends these events.
    @inline(__always)
    private static func role(_ cursor: inout ByteCursor) -> EventOrigin? {
        cursor.skip(#","by":""#) ? roleName(&cursor) : nil
    }

    /// A role's name and its closing quote.
    @inline(__always)
    private static func roleName(_ cursor: inout ByteCursor) -> EventOrigin? {
        if cursor.skip(#"patient""#) { return .patient }
        if cursor.skip(#"clinician""#) { return .clinician }
        if cursor.skip(#"device""#) { return .device }
        return nil
    }
}
