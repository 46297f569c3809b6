import Yams

extension Node {
    /// A scalar's text as written (quotes and escapes resolved), never typed: `on`, `"on"`, `~`,
    /// `01` and `1.0` read as those very characters. Nil for a list or a mapping.
    ///
    /// This is how every key of our schemas is read: YAML 1.1 types an unquoted `on` as a Boolean and
    /// `01` as a number, so Yams' own look-up by a string misses them.
    package var writtenText: String? { scalar?.string }
}

extension Node.Mapping {
    /// The value of the key written as `key`; keys are unique as written in a ``YAMLDocument``.
    package func value(forWrittenKey key: String) -> Node? {
        first { $0.key.writtenText == key }?.value
    }
}
