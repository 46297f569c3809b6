/// Keeps a negative number after an option as the option's value: `--amplitude -1` reaches the option
/// as `--amplitude=-1`, so that the option's own check says what is wrong with the number, where
/// argument-parser would take `-1` for a short flag and report the value missing.
enum NegativeOptionValues {
    /// `arguments` with each negative number that follows a long option joined to it; nothing after a
    /// `--` changes (it ends the options, or starts another command's arguments).
    static func attached(_ arguments: [String]) -> [String] {
        var joined: [String] = []
        joined.reserveCapacity(arguments.count)
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                joined += arguments[index...]
                break
            }
            if argument.hasPrefix("--"), !argument.contains("="), index + 1 < arguments.count,
                isNegativeNumber(arguments[index + 1])
            {
                joined.append(argument + "=" + arguments[index + 1])
                index += 2
            } else {
                joined.append(argument)
                index += 1
            }
        }
        return joined
    }

    /// Whether `text` starts as a negative number does: `-1`, `-0.5`, `-.5`, `-2-6`, `-30/90`. No option
    /// or flag of `scs` starts that way.
    static func isNegativeNumber(_ text: String) -> Bool {
        let start = Array(text.utf8.prefix(3))
        guard start.count >= 2, start[0] == UInt8(ascii: "-") else { return false }
        if isDigit(start[1]) { return true }
        return start[1] == UInt8(ascii: ".") && start.count == 3 && isDigit(start[2])
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
