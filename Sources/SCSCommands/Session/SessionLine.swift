import ArgumentParser
import DeviceProfiles
import StimProtocol
import StimSafety

/// One line of a programming session, parsed: what `scs session` reads at its prompt or from a script.
enum SessionLine: Equatable, Sendable {
    case status
    case write(slot: Slot, program: StimProgram, acknowledged: RuleSet)
    case check(slot: Slot, program: StimProgram, acknowledged: RuleSet)
    case activate(slot: Slot)
    case adjust(Nanoamps, acknowledged: RuleSet)
    case therapy(isOn: Bool)
    case impedance
    case battery
    case log(file: String?)
    /// Pause the script, for a ramp to finish, say.
    case wait(Duration)
    case history
    case help
    case quit
    /// A blank line or a `#` comment.
    case nothing

    /// A line that cannot be understood, with what is wrong.
    struct SyntaxError: Error, CustomStringConvertible {
        var description: String
    }

    /// Parses `text` for a device with `limits` (its contact fraction grid, for the contact shorthand,
    /// and its contacts, which bound a program file's contact map).
    static func parse(_ text: String, limits: DeviceLimits) throws(SyntaxError) -> SessionLine {
        let words = words(of: text)
        guard let command = words.first?.lowercased() else { return .nothing }
        let rest = Array(words.dropFirst())
        func noArguments(_ line: SessionLine) throws(SyntaxError) -> SessionLine {
            guard rest.isEmpty else { throw SyntaxError(description: "\(command) takes no arguments") }
            return line
        }
        switch command {
        case "status": return try noArguments(.status)
        case "on": return try noArguments(.therapy(isOn: true))
        case "off": return try noArguments(.therapy(isOn: false))
        case "impedance": return try noArguments(.impedance)
        case "battery": return try noArguments(.battery)
        case "history": return try noArguments(.history)
        case "help", "?": return try noArguments(.help)
        case "quit", "exit": return try noArguments(.quit)
        case "log":
            guard rest.count <= 1 else { throw SyntaxError(description: "usage: log [FILE]") }
            return .log(file: rest.first)
        case "wait":
            guard rest.count == 1 else { throw SyntaxError(description: "usage: wait DURATION (for example: wait 2s)") }
            return .wait(try duration(rest[0]))
        case "activate":
            guard rest.count == 1 else { throw SyntaxError(description: "usage: activate SLOT") }
            return .activate(slot: try slot(rest[0]))
        case "adjust":
            let usage = " (usage: adjust MA [--acknowledge RULE,…], for example: adjust 3.5)"
            do {
                let arguments = try AdjustArguments.parse(rest)
                let amplitude = try FlagValue.quantity(arguments.amplitude, Nanoamps.self, flag: "adjust")
                return .adjust(amplitude, acknowledged: arguments.acknowledgements.rules)
            } catch let error as InputError {
                throw SyntaxError(description: error.description)
            } catch {
                throw SyntaxError(description: AdjustArguments.message(for: error) + usage)
            }
        case "write", "check":
            let arguments: ProgramArguments
            do {
                arguments = try ProgramArguments.parse(NegativeOptionValues.attached(rest))
            } catch {
                throw SyntaxError(
                    description: ProgramArguments.message(for: error) + " (usage: \(command) SLOT --amplitude …)")
            }
            let program: StimProgram
            do {
                program = try arguments.program.program(for: limits)
            } catch {
                throw SyntaxError(description: error.description)
            }
            let slot = try slot(arguments.slot)
            let acknowledged = arguments.acknowledgements.rules
            return command == "write"
                ? .write(slot: slot, program: program, acknowledged: acknowledged)
                : .check(slot: slot, program: program, acknowledged: acknowledged)
        default:
            throw SyntaxError(description: "unknown command '\(command)' (type help for the list)")
        }
    }

    /// A duration such as `500ms`, `2s`, `1.5s` or `2min`: whole milliseconds, above zero, at most an
    /// hour (longer is more likely a slip than a plan).
    static func duration(_ text: String) throws(SyntaxError) -> Duration {
        // Each unit's length in milliseconds and how many decimals keep a whole millisecond.
        let units: [(suffix: String, milliseconds: Int, decimals: Int)] = [
            ("ms", 1, 0), ("min", 60_000, 0), ("s", 1000, 3),
        ]
        let invalid = SyntaxError(
            description: "'\(text)' is not a duration: give a number and ms, s or min (for example: 500ms, 2s)")
        guard let unit = units.first(where: { text.hasSuffix($0.suffix) }) else { throw invalid }
        let parts = text.dropLast(unit.suffix.count).split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count),
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { throw invalid }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= unit.decimals else {
            throw SyntaxError(description: "'\(text)' is finer than a millisecond")
        }
        let padded = fraction + String(repeating: "0", count: unit.decimals - fraction.count)
        // Seven digits already exceed an hour in any unit, so longer numbers need no arithmetic.
        guard parts[0].count <= 7, let whole = Int(parts[0]), let part = Int(padded.isEmpty ? "0" : padded),
            case let milliseconds = whole * unit.milliseconds + part, milliseconds <= 3_600_000
        else { throw SyntaxError(description: "wait \(text) is longer than the longest wait, 1 hour") }
        guard milliseconds > 0 else { throw SyntaxError(description: "wait \(text): the duration must be above zero") }
        return .milliseconds(milliseconds)
    }

    /// A slot number the wire can carry: refused here, not when sent, so that a script with such a line
    /// stops before its earlier lines change anything.
    private static func slot(_ text: String) throws(SyntaxError) -> Slot {
        guard let slot = Slot(text) else {
            throw SyntaxError(description: "'\(text)' is not a slot number (1, 2, …)")
        }
        guard slot.wireByte != nil else {
            throw SyntaxError(description: "slot \(slot) is beyond what the protocol can address (1…\(UInt8.max))")
        }
        return slot
    }

    /// The words of `text`, split at white space, with single or double quotes grouping; a `#` at the
    /// start of a word begins a comment.
    static func words(of text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var hasWord = false
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                hasWord = true
            } else if character.isWhitespace {
                if hasWord { words.append(current) }
                current = ""
                hasWord = false
            } else if character == "#", !hasWord {
                break
            } else {
                current.append(character)
                hasWord = true
            }
        }
        if hasWord { words.append(current) }
        return words
    }
}
