import Foundation
import RecordingFormat

@testable import TherapyLog

/// The reference line decoder of the differential tests: Foundation's `JSONSerialization` for the
/// JSON, then ``EventDecoder`` for the schema. ``StrictLineDecoder`` reads every line to the same
/// outcome, except where the recording format is stricter than Foundation on purpose
/// (``DifferentialDecodingTests/isDeliberatelyDifferent(_:)``).
///
/// Numbers keep the digits Foundation read: integers as integers, numbers with more digits than a
/// `Double` holds as the exact decimal Foundation keeps for them, and other numbers through their
/// shortest round-tripping form (which is the text a JSON writer produced from a `Double`).
struct FoundationLineDecoder: RecordingLineDecoder {
    init() {}

    mutating func decodeHeader(_ line: UnsafeRawBufferPointer) throws(RecordingError) -> RecordingHeader {
        switch Self.object(line) {
        case .failure(let problem): throw RecordingError(line: 1, reason: .notARecording(problem.message))
        case .success(let fields): try HeaderDecoder.decode(fields)
        }
    }

    mutating func decodeEvent(_ line: UnsafeRawBufferPointer) -> DecodedLine {
        switch Self.object(line) {
        case .failure(let problem): .problem(problem.kind, problem.message)
        case .success(let fields): EventDecoder.decode(fields)
        }
    }

    /// Parses the line as one JSON object.
    static func object(_ line: UnsafeRawBufferPointer) -> Result<ObjectFields, LineProblem> {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
            return .failure(LineProblem(.invalidJSON, "empty line"))
        }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed])
        } catch {
            return .failure(LineProblem(.invalidJSON, "not valid JSON"))
        }
        guard let value = jsonValue(parsed), case .object(let members) = value else {
            return .failure(LineProblem(.wrongType, "the line is not a JSON object"))
        }
        return .success(ObjectFields(members))
    }

    /// Converts what `JSONSerialization` returns into a ``JSONValue``.
    static func jsonValue(_ any: Any) -> JSONValue? {
        switch any {
        case is NSNull: return .null
        case let number as NSNumber: return numberValue(number)
        case let string as String: return .string(string)
        case let array as [Any]:
            var values: [JSONValue] = []
            values.reserveCapacity(array.count)
            for element in array {
                guard let value = jsonValue(element) else { return nil }
                values.append(value)
            }
            return .array(values)
        case let object as [String: Any]:
            var members: [String: JSONValue] = [:]
            for (key, element) in object {
                guard let value = jsonValue(element) else { return nil }
                members[key] = value
            }
            return .object(members)
        default: return nil
        }
    }

    private static func numberValue(_ number: NSNumber) -> JSONValue {
        if let decimal = number as? NSDecimalNumber { return .number(decimal.description) }
        switch UInt8(bitPattern: number.objCType.pointee) {
        case UInt8(ascii: "c"), UInt8(ascii: "B"): return .bool(number.boolValue)
        case UInt8(ascii: "d"), UInt8(ascii: "f"): return .number(String(describing: number.doubleValue))
        case UInt8(ascii: "Q"), UInt8(ascii: "L"), UInt8(ascii: "I"), UInt8(ascii: "S"), UInt8(ascii: "C"):
            return .number(String(number.uint64Value))
        default: return .number(String(number.int64Value))
        }
    }
}
