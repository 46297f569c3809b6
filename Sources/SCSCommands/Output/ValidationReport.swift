import StimSafety
import TherapyLog

/// The outcome of `scs validate`, as the JSON document of `docs/cli.md` §3.
package struct ValidationReport: Encodable {
    struct FindingEntry: Encodable {
        var rule: String
        var severity: String
        var contact: String?
        var value: Figure?
        var limit: Figure?
        var message: String

        init(_ finding: Finding) {
            rule = finding.rule.name
            severity = finding.severity.rawValue
            contact = finding.contact?.description
            value = finding.value.map(Figure.init)
            limit = finding.limit.map(Figure.init)
            message = finding.message
        }
    }

    struct MetricsEntry: Encodable {
        var chargePerPhase: Figure
        var maxChargeDensity: Figure
        var maxShannonK: Figure?
        var maxRequiredVoltage: Figure
        var pulseRate: Figure?
        var stimulationCurrent: Figure?
        var batteryCurrent: Figure?
        var rechargeIntervalDays: Figure?
        var longevityYears: Figure?
    }

    var device: String
    var verdict: String
    /// Whether the set would be sent: no errors and every warning acknowledged.
    var maySend: Bool
    var findings: [FindingEntry]
    var metrics: MetricsEntry
    /// The profile's assumed fields each metric present rests on, by metric key; metrics resting on none
    /// are left out.
    var assumed: [String: [String]]

    package init(device: String, validation: Validation, acknowledged: RuleSet, assumedFields: [String]) {
        self.device = device
        verdict = validation.verdict.rawValue
        maySend = validation.maySend(acknowledging: acknowledged)
        findings = validation.findings.map(FindingEntry.init)
        let metrics = validation.metrics
        self.metrics = MetricsEntry(
            chargePerPhase: Figure(metrics.chargePerPhase), maxChargeDensity: Figure(metrics.maxChargeDensity),
            maxShannonK: metrics.maxShannonK.map(Figure.init), maxRequiredVoltage: Figure(metrics.maxRequiredVoltage),
            pulseRate: metrics.pulseRate.map(Figure.init),
            stimulationCurrent: metrics.stimulationCurrent.map(Figure.init),
            batteryCurrent: metrics.batteryCurrent.map(Figure.init),
            rechargeIntervalDays: metrics.rechargeIntervalDays.map(Figure.init),
            longevityYears: metrics.longevityYears.map(Figure.init))
        let present: [(String, Double?)] = [
            ("maxChargeDensity", metrics.maxChargeDensity), ("maxShannonK", metrics.maxShannonK),
            ("maxRequiredVoltage", metrics.maxRequiredVoltage), ("batteryCurrent", metrics.batteryCurrent),
            ("rechargeIntervalDays", metrics.rechargeIntervalDays), ("longevityYears", metrics.longevityYears),
        ]
        assumed = [:]
        for (key, value) in present where value != nil {
            let fields = Metrics.assumed(key, among: assumedFields)
            if !fields.isEmpty { assumed[key] = fields }
        }
    }
}
