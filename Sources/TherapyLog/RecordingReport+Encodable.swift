import Foundation
import RecordingFormat
import StimSafety

/// The JSON object of `recording-format.md` §3, figures to 15 significant digits (``Figure``), with
/// `null` written out where a figure is undefined, and the keys `docs/analysis-json.md` adds
/// (`attention`, `series`, and for times the zone, its days, the usage timeline and the battery
/// projection, beside the UTC instants and days the contract keeps).
extension RecordingReport: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try JSONObject([
            "file": file, "device": device, "serial": serial, "start": start.rfc3339, "end": end.rfc3339,
            "truncated": isTruncated, "recordedHours": Figure(recordedHours), "therapyHours": Figure(therapyHours),
            "usagePercent": usagePercent.map(Figure.init), "days": DaysJSON(days: days),
            "daysWithTherapy": daysWithTherapy,
            "programs": programs.map { program in
                JSONObject([
                    "slot": program.slot.number, "therapyHours": Figure(program.therapyHours),
                    "meanAmplitude": Figure(program.meanAmplitude),
                ])
            },
            "adjustments": JSONObject([
                "patient": adjustments.patient, "clinician": adjustments.clinician, "device": adjustments.device,
            ]),
            "rejected": JSONObject(["total": rejected.total, "byRule": rejected.byRule]),
            "charges": JSONObject([
                "count": charges.count, "meanIntervalHours": charges.meanIntervalHours.map(Figure.init),
            ]),
            "impedanceAlerts": impedanceAlerts, "deliveredCharge": Figure(deliveredCharge),
            "safety": JSONObject([
                "eventsWithErrors": safety.eventsWithErrors, "eventsWithWarnings": safety.eventsWithWarnings,
                "rules": safety.rules.map(\.name), "notEvaluated": safety.notEvaluated.rules.map(\.name),
            ]),
            "findings": findings.map { finding in
                JSONObject(["line": finding.line, "kind": finding.kind.rawValue, "message": finding.message])
            },
            "attention": JSONObject([
                "needsAttention": !attention.isEmpty, "items": attention.items.map(Self.item),
                "omitted": attention.omitted,
            ]),
            "programSettings": programSettings.map { written in
                JSONObject([
                    "slot": written.slot, "by": written.by.rawValue, "line": written.line,
                    "time": written.time.rfc3339, "writes": written.writes,
                    "program": EncodedJSON(written.program.recordingValue),
                ])
            },
            "series": seriesJSON, "timeZone": timeZone.identifier, "localDays": DaysJSON(days: localDays),
            "usage": JSONObject([
                "granularity": usage.granularity.rawValue,
                "periods": usage.periods.map { period in
                    JSONObject([
                        "start": period.start, "days": usage.granularity == .hour ? nil : period.days,
                        "therapyHours": Figure(period.therapyHours),
                    ])
                },
            ]),
            "batteryProjection": batteryProjection, "assumedProfileValues": assumedProfileValues,
            "assumedFigures": assumedFigures,
        ]).encode(to: encoder)
    }

    private static func item(_ item: AttentionItem) -> JSONObject {
        JSONObject([
            "kind": item.kind.rawValue, "severity": item.isError ? "error" : "warning", "time": item.time.rfc3339,
            "line": item.line, "count": item.count, "slot": item.slot, "rules": item.rules, "message": item.message,
            "assumed": item.assumed,
        ])
    }
}

/// The UTC or the local days: the report's most frequent objects (two a day of the span), so written
/// in nested containers, as the encoder writes them fastest, rather than from member tables, which
/// took a tenth more of `analyze --json`'s time.
private struct DaysJSON: Encodable {
    var days: [DayUsage]

    private enum Keys: String, CodingKey { case date, therapyHours }

    func encode(to encoder: any Encoder) throws {
        var list = encoder.unkeyedContainer()
        for day in days {
            var entry = list.nestedContainer(keyedBy: Keys.self)
            try entry.encode(day.date, forKey: .date)
            try entry.encode(Figure(day.therapyHours), forKey: .therapyHours)
        }
    }
}

/// A JSON value read or made in the recording model, written back as it is: numbers from their
/// exact decimal text.
private struct EncodedJSON: Encodable {
    var value: JSONValue

    init(_ value: JSONValue) { self.value = value }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch value {
        case .object(let members):
            try container.encode(JSONObject(members: members.lazy.map { ($0.key, EncodedJSON($0.value)) }))
        case .array(let elements): try container.encode(elements.map(EncodedJSON.init))
        case .null: try container.encodeNil()
        case .bool(let flag): try container.encode(flag)
        case .string(let text): try container.encode(text)
        case .number(let text):
            try container.encode(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")))
        }
    }
}
