/// A JSON object written from named members, each encoded as it is: what the report's encoding
/// builds its objects of. The JSON reports sort their keys (`JSONOutput`), so the members' order is
/// free; a `nil` member is written as `null`.
struct JSONObject: Encodable {
    private let members: [String: any Encodable]

    init(_ members: [String: any Encodable]) {
        self.members = members
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
