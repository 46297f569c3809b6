/// Writes recording lines for the differential test: valid events of every type in many spellings
/// (any key order, whitespace, escapes, number forms, unknown and repeated keys, byte-order marks
/// inside strings), with a share of schema mistakes, as bytes.
struct LineGenerator {
    var random: SeededGenerator
    /// Whether the line being written may break the schema; otherwise every choice is a valid one.
    private var isNoisy = true
    /// Whether objects keep their members in the order given, with no space, extra or repeated
    /// member: the layout ``RecordingEvent/recordingLine(at:)`` writes.
    private var keepsLayout = false

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
    }

    /// A JSON value written as bytes.
    typealias JSON = [UInt8]

    static let types = [
        "program", "activate", "therapy", "amplitude", "impedance", "battery", "charge", "rejected", "fault", "end",
    ]

    /// One event line: about half of them meant to be valid events.
    mutating func eventLine() -> [UInt8] {
        keepsLayout = false
        return anyEventLine()
    }

    /// One event line with its members in the order the writer gives them, and no space, extra or
    /// repeated member; its values (and mistakes) are those of ``eventLine()``.
    mutating func writtenLayoutLine() -> [UInt8] {
        keepsLayout = true
        return anyEventLine()
    }

    private mutating func anyEventLine() -> [UInt8] {
        isNoisy = random.chance(0.5)
        let type = mistake(0.05) ? random.pick(["header", "posture", "", "Therapy"]) : random.pick(Self.types)
        var members: [(String, JSON)] = [("type", string(type))]
        if !mistake(0.03) { members.insert(("t", timestamp()), at: 0) }
        switch type {
        case "program":
            members.append(("slot", slot()))
            members.append(("by", role()))
            members.append(("program", program()))
        case "activate":
            members.append(("slot", slot()))
            members.append(("by", role()))
        case "therapy":
            members.append(("on", mistake(0.1) ? anyValue(depth: 1) : literal(random.chance(0.5) ? "true" : "false")))
            members.append(("by", role()))
        case "amplitude":
            members.append(("slot", slot()))
            members.append(("amplitude", milliamps()))
            members.append(("by", role()))
        case "impedance": members.append(("ohms", contactMap(values: { $0.ohms() })))
        case "battery":
            members.append(
                ("percent", mistake(0.1) ? anyValue(depth: 1) : number(choose(Self.percents, Self.badPercents))))
        case "charge": members.append(("state", string(choose(["start", "end"], ["stop", "START"]))))
        case "rejected":
            members.append(("by", role()))
            members.append(("rules", rules()))
            members.append(("request", mistake(0.1) ? anyValue(depth: 1) : object(depth: 1)))
        case "fault":
            members.append(
                ("code", string(random.pick(["lead-open", "short", "compliance", "low-battery", "ß-fehler"]))))
            if random.chance(0.6) { members.append(("detail", string(text()))) }
        default: break
        }
        return objectBytes(members, depth: 0)
    }

    /// A header line, sometimes wrong.
    mutating func headerLine() -> [UInt8] {
        isNoisy = true
        var members: [(String, JSON)] = [
            ("type", string(random.chance(0.9) ? "header" : "event")),
            ("format", string(random.chance(0.9) ? "scs-recording" : "scs-recordings")),
            (
                "version",
                random.chance(0.8)
                    ? number(random.pick(["1", "1.0", "1e0", "2", "0", "-1", "10E-1"])) : anyValue(depth: 1)
            ),
            ("device", string(random.pick(["tonic-16", "burst-16-primary", "dévice"]))),
            ("serial", string(random.pick(["IPG-0042", "IPG-\u{1F600}", "\"quoted\""]))),
        ]
        if random.chance(0.9) { members.append(("start", timestamp())) }
        members = members.filter { _ in random.chance(0.95) }
        return objectBytes(members, depth: 0)
    }

    // MARK: Fields

    /// True with probability `probability` on a noisy line, never on a clean one: where mistakes go in.
    mutating func mistake(_ probability: Double) -> Bool {
        isNoisy && random.chance(probability)
    }

    /// One of `valid`, or on a noisy line now and then one of `invalid`.
    mutating func choose(_ valid: [String], _ invalid: [String]) -> String {
        mistake(Double(invalid.count) / Double(valid.count + invalid.count)) ? random.pick(invalid) : random.pick(valid)
    }

    static let percents = ["64", "71.5", "0", "100", "100.0", "1e2", "0.5E2", "99.999999", "1e-3", "-0"]
    static let badPercents = ["-5", "64.0000001", "1e400"]
    static let milliampTexts = [
        "4.5", "4.50", "45e-1", "0.45E1", "3", "3.0", "-0", "-0.0", "0", "0e0", "25.5", "1e-400", "12", "1E+1",
        "1.000001", "0.000001", "4.5e0", "450e-2", "0.0000000000000000000045e21", "2.9999999999999999",
        "4.50000000000000000000000000000000000000001", "4.500000000000000000", "0.30000000000000004",
    ]
    static let badMilliampTexts = [
        "4.5000001", "4.500000000000000001", "123456789012345678901234", "9007199254740993",
        "1.7976931348623157e308", "-1.5", "5e-7", "100000000000000000000", "0.0000001", "18446744073709551615",
        "9223372036854775807", "-9223372036854775808", "1e9", "1e400", "-1e400", "1e308", "9e308",
    ]

    mutating func slot() -> JSON {
        if mistake(0.1) { return anyValue(depth: 1) }
        return number(
            choose(
                ["1", "2", "3", "1.0", "2e0", "1E0", "16", "3.00", "1.00000000000000000000000000000000000000001"],
                ["0", "-1", "1.5", "10000000000000000000", "1e13", "1.0000000000000000001"]))
    }

    mutating func role() -> JSON {
        if mistake(0.05) { return anyValue(depth: 1) }
        return string(choose(["clinician", "patient", "device"], ["nurse", "Patient"]))
    }

    mutating func milliamps() -> JSON {
        mistake(0.05) ? anyValue(depth: 1) : number(choose(Self.milliampTexts, Self.badMilliampTexts))
    }

    mutating func ohms() -> JSON {
        if mistake(0.05) { return anyValue(depth: 1) }
        return number(
            choose(["812", "790", "4711", "95", "4000.5", "250", "1e3", "0.001", "1e-400"], ["-3", "800.0001"]))
    }

    mutating func timestamp() -> JSON {
        if mistake(0.05) { return anyValue(depth: 1) }
        var text = choose(
            ["2026-01-05T08:00:00", "2026-02-28T23:59:59", "2024-02-29T12:00:00"], ["2026-02-30T00:00:00"])
        if random.chance(0.3) {
            let digits = Int.random(in: 1...9, using: &random) + (mistake(0.3) ? 2 : 0)
            text += "." + String(repeating: "5", count: digits)
        }
        text += choose(["Z", "Z", "z"], ["+01:00", ""])
        if random.chance(0.05) { text = text.lowercased() }
        return string(text)
    }

    mutating func program() -> JSON {
        if mistake(0.05) { return anyValue(depth: 1) }
        var members: [(String, JSON)] = [
            ("amplitude", milliamps()),
            ("pulseWidth", number(choose(["300", "210", "300.0", "1e3", "90.5"], ["-1", "0.0001"]))),
            (
                "contacts",
                contactMap(values: { $0.number($0.random.pick(["-100", "100", "-50", "50", "0", "-60", "40", "1e2"])) })
            ),
        ]
        switch mistake(0.2) ? Int.random(in: 0..<3, using: &random) : 3 + Int.random(in: 0..<7, using: &random) {
        case 0: members.append(("period", number(random.pick(["20000", "25000.5"]))))
        case 1: break
        case 2:
            members.append(("frequency", number("50")))
            members.append(("period", number("20000")))
        default: members.append(("frequency", number(choose(["50", "40", "1200", "50.5", "1e1"], ["0"]))))
        }
        if keepsLayout || random.chance(0.3) {
            members.append(("waveform", string(choose(["tonic", "burst", "highFrequency"], ["sine"]))))
        }
        if random.chance(0.2) { members.append(("pulsesPerBurst", number(choose(["5", "4.0"], ["0"])))) }
        if random.chance(0.2) { members.append(("intraBurstRate", number(choose(["500"], ["500.0005"])))) }
        if keepsLayout || random.chance(0.3) {
            members.append(("recovery", string(choose(["active", "passive"], ["none"]))))
        }
        if random.chance(0.2) { members.append(("interphaseGap", number(choose(["20", "0"], ["-1"])))) }
        if random.chance(0.3) {
            let off = number(choose(["90", "90.5"], ["-1"]))
            members.append(("cycling", objectBytes([("on", number("30")), ("off", off)], depth: 2)))
        }
        if random.chance(0.4) {
            let bounds = [("min", milliamps()), ("max", milliamps())].filter { _ in !mistake(0.05) }
            members.append(("patientRange", objectBytes(bounds, depth: 2)))
        }
        members = members.filter { _ in !mistake(0.03) }
        if keepsLayout {
            // The writer's order (`StimProgram.writeRecordingMembers(to:)`), which the written-layout reader expects.
            let order = [
                "amplitude", "pulseWidth", "frequency", "period", "waveform", "pulsesPerBurst", "intraBurstRate",
                "contacts", "recovery", "interphaseGap", "cycling", "patientRange",
            ]
            members.sort { (order.firstIndex(of: $0.0) ?? order.count) < (order.firstIndex(of: $1.0) ?? order.count) }
        }
        return objectBytes(members, depth: 1)
    }

    /// A map of contact keys to values, with the odd repeated, non-numeric or escaped key.
    mutating func contactMap(values: (inout LineGenerator) -> JSON) -> JSON {
        if mistake(0.03) { return anyValue(depth: 1) }
        var members: [(String, JSON)] = []
        for _ in 0..<Int.random(in: 0...6, using: &random) {
            let key = choose(
                ["1", "2", "3", "4", "9", "16", "case", "1", "x", "é", "e\u{301}", "17", ""], ["01", "001"])
            members.append((key, values(&self)))
        }
        return objectBytes(members, depth: 1)
    }

    mutating func rules() -> JSON {
        if mistake(0.05) { return anyValue(depth: 1) }
        var elements: [JSON] = []
        for _ in 0..<Int.random(in: 0...3, using: &random) {
            elements.append(
                mistake(0.05)
                    ? anyValue(depth: 2) : string(random.pick(["patientRange", "shannon", "amplitude.range", "règle"])))
        }
        return arrayBytes(elements)
    }

    mutating func text() -> String {
        random.pick([
            "contact 3", "", "tab\there", "quote \" and backslash \\", "slash /", "é ü ß", "\u{1F600} smile",
            "\u{FEFF}marked", "nul \u{0} inside", "line\nfeed", "\u{212A}elvin", "日本語",
        ])
    }

    // MARK: JSON writing

    mutating func whitespace() -> [UInt8] {
        guard !keepsLayout, random.chance(0.15) else { return [] }
        return Array(random.pick([" ", "  ", "\t", "\r", " \t ", "\n", "\r\n"]).utf8)
    }

    mutating func literal(_ word: String) -> JSON { Array(word.utf8) }

    mutating func number(_ text: String) -> JSON { Array(text.utf8) }

    /// A string, with some characters escaped (`\uXXXX`, surrogate pairs, the short escapes) and the
    /// odd byte-order mark at the start of a part between escapes.
    mutating func string(_ text: String) -> JSON {
        var bytes: [UInt8] = [0x22]
        if random.chance(0.02) { bytes += [0xEF, 0xBB, 0xBF] }
        let escapeRate = random.chance(0.2) ? 0.3 : 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": bytes += Array("\\\"".utf8)
            case "\\": bytes += Array("\\\\".utf8)
            case "\n": bytes += Array("\\n".utf8)
            case "\t": bytes += Array(random.chance(0.5) ? "\\t".utf8 : "\\u0009".utf8)
            case "\u{0}"..."\u{1F}": bytes += Array(hexEscape(UInt16(scalar.value)).utf8)
            case "/" where random.chance(0.5): bytes += Array("\\/".utf8)
            default:
                if random.chance(escapeRate) {
                    for unit in String(scalar).utf16 { bytes += Array(hexEscape(unit).utf8) }
                    if random.chance(0.05) { bytes += [0xEF, 0xBB, 0xBF] }
                } else {
                    bytes += Array(String(scalar).utf8)
                }
            }
        }
        bytes.append(0x22)
        return bytes
    }

    mutating func hexEscape(_ unit: UInt16) -> String {
        let digits = String(unit, radix: 16)
        let padded = String(repeating: "0", count: 4 - digits.count) + digits
        return "\\u" + (random.chance(0.5) ? padded.uppercased() : padded)
    }

    /// An object from members in a random order, with the odd unknown member, repeated key (an
    /// earlier value of another type) and trailing comma.
    mutating func objectBytes(_ members: [(String, JSON)], depth: Int) -> JSON {
        var members = members
        guard !keepsLayout else {
            return container(members.map { key, value in string(key) + [0x3A] + value }, open: 0x7B, close: 0x7D)
        }
        if random.chance(0.3) {
            members.append(
                (random.pick(["note", "extra", "g", "nested", "type2", "\u{1F600}"]), anyValue(depth: depth + 1)))
        }
        members.shuffle(using: &random)
        // A repeated key: an earlier value that the last one replaces, or on a noisy line a later one.
        if random.chance(0.08), let repeated = members.randomElement(using: &random) {
            members.insert((repeated.0, anyValue(depth: depth + 1)), at: mistake(0.5) ? members.count : 0)
        }
        let written = members.map { key, value in string(key) + whitespace() + [0x3A] + whitespace() + value }
        return container(written, open: 0x7B, close: 0x7D)
    }

    mutating func arrayBytes(_ elements: [JSON]) -> JSON {
        container(elements, open: 0x5B, close: 0x5D)
    }

    private mutating func container(_ parts: [JSON], open: UInt8, close: UInt8) -> JSON {
        var bytes: [UInt8] = [open] + whitespace()
        for (index, part) in parts.enumerated() {
            if index > 0 { bytes += whitespace() + [0x2C] + whitespace() }
            bytes += part
        }
        if !parts.isEmpty, !keepsLayout, random.chance(0.03) { bytes += [0x2C] }
        return bytes + whitespace() + [close]
    }

    mutating func object(depth: Int) -> JSON {
        var members: [(String, JSON)] = []
        for _ in 0..<Int.random(in: 0...3, using: &random) {
            members.append((random.pick(["slot", "amplitude", "a", "ключ", ""]), anyValue(depth: depth + 1)))
        }
        return objectBytes(members, depth: depth)
    }

    /// Any JSON value: numbers of every form, strings, literals, and nested containers.
    mutating func anyValue(depth: Int) -> JSON {
        switch Int.random(in: 0..<(depth > 4 ? 5 : 8), using: &random) {
        case 0: return number(random.pick(Self.milliampTexts + Self.badMilliampTexts + Self.percents))
        case 1: return string(text())
        case 2: return literal(random.pick(["true", "false", "null"]))
        case 3: return literal("null")
        case 4: return string(random.pick(["4.5", "1", "patient", "2026-01-05T08:00:00Z"]))
        case 5: return object(depth: depth)
        case 6: return arrayBytes((0..<Int.random(in: 0...3, using: &random)).map { _ in anyValue(depth: depth + 1) })
        default:
            // Nesting, now and then deep, at and past Foundation's limit of 512.
            let levels = random.chance(0.03) ? random.pick([511, 512, 513]) : random.pick([2, 3, 40])
            return Array(repeating: 0x5B, count: levels) + Array(repeating: 0x5D, count: levels)
        }
    }
}
