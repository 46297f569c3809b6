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
    /// amplitude, therapy, activate, impedance, charge or end event, or breaks the schema. The rare
    /// events (program writes, refusals, faults) are left to the parser, which costs them a few
    /// microseconds each. `day` is the date of the last time read
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
        if cursor.skip(#"end""#) { return .end }
        return nil
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

    /// Room reserved for an impedance map: the contacts of two 8-contact leads and the case.
    private static let usualMapCount = 17

    /// A slot number.
    @inline(__always)
    private static func slot(_ cursor: inout ByteCursor) -> Slot? {
        guard let number = cursor.plainDecimal(fractionDigits: 0), number > 0 else { return nil }
        return Slot(number: Int(number))
    }

    /// A quantity that must not be negative.
    @inline(__always)
    private static func quantity<Quantity: FixedPoint>(_ cursor: inout ByteCursor, _: Quantity.Type) -> Quantity? {
        guard let raw = cursor.plainDecimal(fractionDigits: Quantity.fractionDigits), raw >= 0 else { return nil }
        return Quantity(rawValue: raw)
    }

    /// The `by` member that ends these events.
    @inline(__always)
    private static func role(_ cursor: inout ByteCursor) -> EventOrigin? {
        guard cursor.skip(#","by":""#) else { return nil }
        if cursor.skip(#"patient""#) { return .patient }
        if cursor.skip(#"clinician""#) { return .clinician }
        if cursor.skip(#"device""#) { return .device }
        return nil
    }
}
