import Foundation
import RecordingFormat
import Testing

@testable import TherapyLog

/// A report is written as it goes, with no tree built first (`JSONTextWriter`); it must still be byte
/// for byte what Foundation's encoder writes of the same tree, pretty-printed or on one line.
@Suite("JSON in the encoder's layout")
struct JSONLayoutTests {
    /// A tree as Foundation's encoder writes it: members sorted by its `.sortedKeys`, numbers through
    /// `Decimal`, as it writes a figure's decimal.
    struct EncoderTree: Encodable {
        var value: JSONValue

        func encode(to encoder: any Encoder) throws {
            switch value {
            case .object(let members):
                var container = encoder.container(keyedBy: Key.self)
                for (name, member) in members { try container.encode(EncoderTree(value: member), forKey: Key(name)) }
            case .array(let elements):
                var container = encoder.unkeyedContainer()
                for element in elements { try container.encode(EncoderTree(value: element)) }
            case .null:
                var container = encoder.singleValueContainer()
                try container.encodeNil()
            case .bool(let flag):
                var container = encoder.singleValueContainer()
                try container.encode(flag)
            case .string(let text):
                var container = encoder.singleValueContainer()
                try container.encode(text)
            case .number(let text):
                var container = encoder.singleValueContainer()
                try container.encode(try #require(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))))
            }
        }

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(_ name: String) { stringValue = name }
            init?(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
    }

    static func encoder(_ value: JSONValue, pretty: Bool) throws -> String {
        String(decoding: try JSONTextWriter.encoder(pretty: pretty).encode(EncoderTree(value: value)), as: UTF8.self)
    }

    static func written(_ value: JSONValue, pretty: Bool, depth: Int = 0) -> String {
        var writer = JSONTextWriter(pretty: pretty, depth: depth)
        writer.value(value)
        return writer.text
    }

    static func parsed(_ text: String) throws -> JSONValue {
        try Array(text.utf8).withUnsafeBytes { try JSONParser.parse($0, mode: .strict).value }
    }

    /// Strings with every escape, control characters, a slash and text beyond ASCII.
    static let strings = [
        "", "a", "slot/1", "\"quoted\" \\ back", "\u{8}\u{c}\n\r\t", "\u{0}\u{1b}\u{1f}\u{7f}", "é ✓ 𝄞 \u{2028}",
    ]

    static func randomTree(depth: Int, using random: inout SeededGenerator) -> JSONValue {
        switch Int.random(in: 0...(depth < 4 ? 7 : 4), using: &random) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &random))
        case 2: return .string(strings.randomElement(using: &random) ?? "")
        case 3, 4:
            let value =
                Double(Int64.random(in: -999_999_999...999_999_999, using: &random))
                * pow(10, Double(Int.random(in: -12...12, using: &random)))
            return .number(Figure(value).jsonText)
        case 5:
            return .array(
                (0..<Int.random(in: 0...4, using: &random)).map { _ in randomTree(depth: depth + 1, using: &random) })
        default:
            var members: [String: JSONValue] = [:]
            for _ in 0..<Int.random(in: 0...4, using: &random) {
                let name = (strings + ["B", "a", "a10", "a2", "a.b", "ab"]).randomElement(using: &random) ?? ""
                members[name] = randomTree(depth: depth + 1, using: &random)
            }
            return .object(members)
        }
    }

    @Test func anyTreeComesOutAsTheEncoderWritesItAtAnyDepth() throws {
        var random = SeededGenerator(seed: 40)
        for round in 0..<2_000 {
            let tree = Self.randomTree(depth: 0, using: &random)
            #expect(Self.written(tree, pretty: true) == (try Self.encoder(tree, pretty: true)), "round \(round)")
            #expect(Self.written(tree, pretty: false) == (try Self.encoder(tree, pretty: false)), "round \(round)")
            // Inside a larger document every line after the first is indented for its depth, but for
            // the blank line of an empty container.
            let lines = try Self.encoder(tree, pretty: true).split(separator: "\n", omittingEmptySubsequences: false)
            let nested = ([lines[0]] + lines.dropFirst().map { $0.isEmpty ? $0 : "    " + $0 }).joined(separator: "\n")
            #expect(Self.written(tree, pretty: true, depth: 2) == nested, "round \(round)")
        }
    }

    /// A writer that hands its text on in pieces writes the same bytes, each piece as soon as it holds
    /// the size asked for (only the last, from ``JSONTextWriter/flush()``, may be shorter).
    @Test(arguments: [1, 7, 64])
    func piecesHandedOnJoinToTheWholeText(size: Int) throws {
        var random = SeededGenerator(seed: 41)
        for round in 0..<300 {
            let tree = Self.randomTree(depth: 0, using: &random)
            for (pretty, depth) in [(true, 0), (false, 0), (true, 2)] {
                var pieces: [[UInt8]] = []
                var writer = JSONTextWriter(pretty: pretty, depth: depth, chunksOf: size) { pieces.append($0) }
                writer.value(tree)
                writer.flush()
                #expect(writer.bytes.isEmpty, "round \(round)")
                let joined = String(decoding: pieces.joined(), as: UTF8.self)
                #expect(joined == Self.written(tree, pretty: pretty, depth: depth), "round \(round)")
                #expect(pieces.dropLast().allSatisfy { $0.count >= size }, "round \(round)")
                #expect(pieces.allSatisfy { !$0.isEmpty }, "round \(round)")
            }
        }
    }

    @Test func emptyContainersAndNonFiniteFiguresAreWrittenAsTheEncoderWritesThem() throws {
        for tree: JSONValue in [.array([]), .object([:]), .object(["a": .array([.object([:])])])] {
            #expect(Self.written(tree, pretty: true) == (try Self.encoder(tree, pretty: true)))
        }
        let figures = [Double.infinity, -.infinity, .nan, .greatestFiniteMagnitude, -.greatestFiniteMagnitude]
        for value in figures {
            let data = try JSONTextWriter.encoder(pretty: false).encode([Figure(value)])
            #expect(Figure(value).jsonText == String(decoding: data.dropFirst().dropLast(), as: UTF8.self), "\(value)")
        }
    }

    static let recordings =
        EdgeCaseRecordingTests.reports.map { "edge-cases/\($0).scsrec.jsonl" }
        + [
            "simulated/tonic-16-120d.scsrec.jsonl", "simulated/burst-16-primary-120d.scsrec.jsonl",
            "simulated/hf10k-16-120d.scsrec.jsonl",
        ]

    @Test(arguments: recordings, ["UTC", "Pacific/Chatham"])
    func everyReportComesOutAsTheEncoderWritesIt(_ file: String, zone: String) throws {
        let url = TestRecordings.root.appendingPathComponent("Recordings/\(file)")
        let report = try TestRecordings.analyze(url, zone: try #require(ReportZone(identifier: zone)))
        for pretty in [true, false] {
            var writer = JSONTextWriter(pretty: pretty)
            try report.writeJSON(to: &writer)
            let text = writer.text
            #expect(text == (try Self.encoder(Self.parsed(text), pretty: pretty)), "\(file), pretty: \(pretty)")
        }
    }
}
