import StimSafety

/// The outcome of `scs validate`, as the JSON document of `docs/cli.md` §3.
struct ValidationReport: Encodable {
    struct FindingEntry: Encodable {
        var rule: String
        var severity: String
        var contact: String?
        var value: Double?
        var limit: Double?
        var message: String

        init(_ finding: Finding) {
            rule = finding.rule.name
            severity = finding.severity.rawValue
            contact = finding.contact?.description
            value = finding.value
            limit = finding.limit
            message = finding.message
        }
    }

    struct MetricsEntry: Encodable {
        var chargePerPhase: Double
        var maxChargeDensity: Double
        var maxShannonK: Double?
        var maxRequiredVoltage: Double
        var pulseRate: Double?
        var stimulationCurrent: Double?
        var batteryCurrent: Double?
        var rechargeIntervalDays: Double?
        var longevityYears: Double?
    }

    var device: String
    var verdict: String
    /// Whether the set would be sent: no errors and every warning acknowledged.
    var maySend: Bool
    var findings: [FindingEntry]
    var metrics: MetricsEntry

    init(device: String, validation: Validation, acknowledged: RuleSet) {
        self.device = device
        verdict = validation.verdict.rawValue
        maySend = validation.maySend(acknowledging: acknowledged)
        findings = validation.findings.map(FindingEntry.init)
        let metrics = validation.metrics
        self.metrics = MetricsEntry(
            chargePerPhase: metrics.chargePerPhase, maxChargeDensity: metrics.maxChargeDensity,
            maxShannonK: metrics.maxShannonK, maxRequiredVoltage: metrics.maxRequiredVoltage,
            pulseRate: metrics.pulseRate, stimulationCurrent: metrics.stimulationCurrent,
            batteryCurrent: metrics.batteryCurrent, rechargeIntervalDays: metrics.rechargeIntervalDays,
            longevityYears: metrics.longevityYears)
    }
}
