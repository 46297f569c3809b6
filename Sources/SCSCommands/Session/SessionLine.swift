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
    case adjust(Nanoamps)
    case therapy(isOn: Bool)
    case impedance
    case battery
    case log(file: String?)
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
        case "activate":
            guard rest.count == 1 else { throw SyntaxError(description: "usage: activate SLOT") }
            return .activate(slot: try slot(rest[0]))
        case "adjust":
            guard rest.count == 1 else { throw SyntaxError(description: "usage: adjust MA (for example: adjust 3.5)") }
            do {
                return .adjust(try FlagValue.quantity(rest[0], Nanoamps.self, flag: "adjust"))
            } catch {
                throw SyntaxError(description: error.description)
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
            let acknowledged = RuleSet(arguments.acknowledge.compactMap { RuleID(name: $0) })
            return command == "write"
                ? .write(slot: slot, program: program, acknowledged: acknowledged)
                : .check(slot: slot, program: program, acknowledged: acknowledged)
        default:
            throw SyntaxError(description: "unknown command '\(command)' (type help for the list)")
        }
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
