import Foundation
import RecordingFormat
import StimSafety
import TherapyLog

/// The plain way to read a JSON Lines file in Swift, as the baseline the issue asks for: one
/// `Decodable` struct, and Foundation's `JSONDecoder` decoding each line into it.
///
/// Numbers arrive as `Decimal` so that units stay exact; a `rejected` event's request is not kept
/// (an empty object), which the analysis never reads. Problems map roughly onto finding kinds.
struct CodableLineDecoder: RecordingLineDecoder {
    private let decoder = JSONDecoder()

    struct Line: Decodable {
        var type: String
        var t: String?
        var slot: Int?
        var by: String?
        var on: Bool?
        var amplitude: Decimal?
        var percent: Decimal?
        var state: String?
        var ohms: [String: Decimal]?
        var program: Program?
        var rules: [String]?
        var code: String?
        var detail: String?
        var format: String?
        var version: Int?
        var device: String?
        var serial: String?
        var start: String?
    }

    struct Program: Decodable {
        var amplitude: Decimal
        var pulseWidth: Decimal
        var frequency: Decimal?
        var period: Decimal?
        var waveform: String?
        var contacts: [String: Decimal]
        var recovery: String?
        var pulsesPerBurst: Int?
        var intraBurstRate: Decimal?
        var patientRange: Range?
    }

    struct Range: Decodable {
        var min: Decimal
        var max: Decimal
    }

    struct Invalid: Error {
        var kind: ReadingFinding.Kind
        var message: String
    }

    mutating func decodeHeader(_ line: UnsafeRawBufferPointer) throws(RecordingError) -> RecordingHeader {
        guard let decoded = try? decoder.decode(Line.self, from: Data(line)), decoded.type == "header",
            decoded.format == RecordingHeader.format, let version = decoded.version, let device = decoded.device,
            let serial = decoded.serial, let start = decoded.start.flatMap({ Timestamp(rfc3339: $0) })
        else { throw RecordingError(line: 1, reason: .notARecording("not a recording header")) }
        return RecordingHeader(version: version, device: device, serial: serial, start: start)
    }

    mutating func decodeEvent(_ line: UnsafeRawBufferPointer) -> DecodedLine {
        do {
            let decoded = try decoder.decode(Line.self, from: Data(line))
            guard let time = decoded.t.flatMap({ Timestamp(rfc3339: $0) }) else {
                return .problem(.missingField, "missing or bad field 't'")
            }
            return .event(time: time, event: try event(decoded))
        } catch let error as Invalid {
            return .problem(error.kind, error.message)
        } catch DecodingError.keyNotFound(let key, _) {
            return .problem(.missingField, "missing field '\(key.stringValue)'")
        } catch DecodingError.typeMismatch(_, let context) {
            return .problem(.wrongType, context.debugDescription)
        } catch {
            return .problem(.invalidJSON, "not valid JSON")
        }
    }

    private func event(_ line: Line) throws -> RecordingEvent {
        switch line.type {
        case "program":
            return .program(
                slot: try slot(line), program: try program(need(line.program, "program")),
                by: try role(line))
        case "activate": return .activate(slot: try slot(line), by: try role(line))
        case "therapy": return .therapy(isOn: try need(line.on, "on"), by: try role(line))
        case "amplitude":
            return .amplitude(
                slot: try slot(line), amplitude: try quantity(need(line.amplitude, "amplitude")),
                by: try role(line))
        case "impedance":
            var measured: [ContactID: Milliohms] = [:]
            for (key, ohms) in try need(line.ohms, "ohms") { measured[ContactID(key: key)] = try quantity(ohms) }
            return .impedance(ImpedanceMeasurement(measured))
        case "battery": return .battery(try quantity(need(line.percent, "percent")))
        case "charge":
            guard let state = ChargeState(rawValue: try need(line.state, "state")) else {
                throw Invalid(kind: .wrongType, message: "bad charge state")
            }
            return .charge(state)
        case "rejected":
            return .rejected(
                RejectedCommand(by: try role(line), rules: try need(line.rules, "rules"), request: .object([:])))
        case "fault": return .fault(code: try need(line.code, "code"), detail: line.detail)
        case "end": return .end
        default: throw Invalid(kind: .unknownType, message: "unknown event type '\(line.type)'")
        }
    }

    private func slot(_ line: Line) throws -> Slot {
        let number = try need(line.slot, "slot")
        guard let slot = Slot(number: number) else {
            throw Invalid(kind: .wrongType, message: "slot must be 1 or more, not \(number)")
        }
        return slot
    }

    private func program(_ written: Program) throws -> StimProgram {
        let rate: Rate
        if let frequency = written.frequency {
            rate = .frequency(try quantity(frequency))
        } else {
            rate = .period(try quantity(need(written.period, "program.period")))
        }
        var program = StimProgram(
            amplitude: try quantity(written.amplitude), pulseWidth: try quantity(written.pulseWidth), rate: rate,
            waveform: written.waveform.flatMap(Waveform.init(rawValue:)) ?? .tonic,
            contacts: try written.contacts.map { ContactShare(ContactID(key: $0.key), try quantity($0.value)) }
                .sorted { $0.contact < $1.contact })
        program.recovery = written.recovery.flatMap(Recovery.init(rawValue:)) ?? .active
        program.pulsesPerBurst = written.pulsesPerBurst
        program.intraBurstRate = try written.intraBurstRate.map { try quantity($0) }
        program.patientRange = try written.patientRange.map {
            PatientRange(min: try quantity($0.min), max: try quantity($0.max))
        }
        return program
    }

    private func role(_ line: Line) throws -> EventOrigin {
        guard let role = EventOrigin(rawValue: try need(line.by, "by")) else {
            throw Invalid(kind: .wrongType, message: "bad role")
        }
        return role
    }

    private func need<Value>(_ value: Value?, _ field: String) throws -> Value {
        guard let value else { throw Invalid(kind: .missingField, message: "missing field '\(field)'") }
        return value
    }

    private func quantity<Quantity: FixedPoint>(_ value: Decimal) throws -> Quantity {
        try Quantity(parsing: value.description)
    }
}
