/// A JSON object written from named members, each encoded as it is: what the report's encoding
/// builds its objects of. The JSON reports sort their keys (`JSONOutput`), so the members' order is
/// free; a `nil` member is written as `null`.
struct JSONObject: Encodable {
    /// In a list rather than a dictionary: a report writes thousands of small objects (its days),
    /// and the encoder orders the keys itself.
    private let members: [(key: String, value: any Encodable)]

    init(_ members: KeyValuePairs<String, any Encodable>) {
        self.init(members: members)
    }

    init(members: some Sequence<(key: String, value: any Encodable)>) {
        self.members = Array(members)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for (name, value) in members { try container.encode(value, forKey: Key(stringValue: name)) }
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
