import Foundation

/// `scs cohort --csv`: one row per patient (RFC 4180: comma-separated, a field quoted when it holds a
/// comma, quote or line break), figures unrounded, an empty field where a figure is undefined.
public enum CohortCSV {
    static let header = [
        "device", "serial", "recordings", "start", "end", "days", "daysWithTherapy", "daysWithTherapyPercent",
        "therapyHours", "therapyHoursPerDay", "impedanceAlerts", "safetyErrorEvents", "safetyWarningEvents",
        "refusals", "charges", "meanChargeIntervalHours", "below",
    ]

    public static func render(_ cohort: Cohort) -> String {
        var lines = [header.joined(separator: ",")]
        for patient in cohort.patients {
            let fields: [String] = [
                patient.device, patient.serial, "\(patient.recordings)", patient.start, patient.end, "\(patient.days)",
                "\(patient.daysWithTherapy)", number(patient.daysWithTherapyPercent), number(patient.therapyHours),
                number(patient.therapyHoursPerDay), "\(patient.impedanceAlerts)", "\(patient.safetyErrorEvents)",
                "\(patient.safetyWarningEvents)", "\(patient.refusals)", "\(patient.charges)",
                number(patient.meanChargeIntervalHours), patient.isBelow ? "yes" : "no",
            ]
            lines.append(fields.map(quoted).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private static func number(_ value: Double?) -> String { value.map { "\($0)" } ?? "" }

    private static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
