import DeviceProfiles
import StimSafety

/// A session script, every line parsed before any is run, so that a bad line stops the script before
/// it changes anything.
package struct SessionScript {
    /// One line of the script: its number, its text and the command it holds.
    struct Line {
        let number: Int
        let text: String
        let command: SessionLine
    }

    /// The lines, in order.
    let lines: [Line]

    /// Parses `lines` of `source` (a file name, or `stdin`) for a device with `limits`.
    ///
    /// - Throws: ``InputError`` naming the first bad line by `source:number`; the message lists every
    ///   bad line.
    package init(lines: [String], source: String, limits: DeviceLimits) throws(InputError) {
        var parsed: [Line] = []
        var problems: [(number: Int, message: String)] = []
        for (index, text) in lines.enumerated() {
            do {
                parsed.append(
                    Line(number: index + 1, text: text, command: try SessionLine.parse(text, limits: limits)))
            } catch {
                problems.append((index + 1, error.description))
            }
        }
        if let first = problems.first {
            let others = problems.dropFirst().map { "\n\(source):\($0.number): \($0.message)" }.joined()
            throw InputError("\(source):\(first.number)", first.message + others + "\nnothing was run")
        }
        self.lines = parsed
    }
}
