import Report

/// `scs cohort`'s text for people: the cohort's figures, then a line per patient and per program.
public enum CohortText {
    public static func render(_ cohort: Cohort) -> String {
        var lines = ["Cohort: \(Format.count(cohort.patients.count, "patient"))\(CohortHTML.filterText(cohort.filter))"]
        if let hours = cohort.therapyHoursPerDay {
            lines.append("  therapy per day   \(CohortHTML.spread(hours) { Format.hours($0) })")
        }
        if let share = cohort.daysWithTherapyPercent {
            lines.append("  days with therapy \(CohortHTML.spread(share) { Format.number($0, decimals: 1) + " %" })")
        }
        if let interval = cohort.chargeIntervalHours {
            lines.append("  recharge interval \(CohortHTML.spread(interval) { Format.hours($0) })")
        }
        lines.append(
            "  below \(Format.number(cohort.belowPercent, decimals: 1)) % of days with therapy: "
                + (cohort.patientsBelow.isEmpty ? "none" : cohort.patientsBelow.joined(separator: ", ")))
        lines.append("")
        lines.append("Patients (serial, device: days with therapy, therapy per day, impedance alerts, safety events)")
        for patient in cohort.patients {
            let share = patient.daysWithTherapyPercent.map { Format.number($0, decimals: 1) + " %" } ?? "—"
            let perDay = patient.therapyHoursPerDay.map(Format.hours) ?? "—"
            lines.append(
                "  \(patient.isBelow ? "▼" : " ") \(patient.serial), \(patient.device): \(share) of "
                    + "\(Format.count(patient.days, "day")), \(perDay)/day, \(patient.impedanceAlerts) alerts, "
                    + "\(patient.safetyErrorEvents) errors, \(patient.safetyWarningEvents) warnings")
        }
        if !cohort.programs.isEmpty {
            lines.append("")
            lines.append("Programs in use")
            for program in cohort.programs {
                lines.append(
                    "  \(program.device) slot \(program.slot): \(Format.count(program.patients, "patient")), "
                        + "\(Format.hours(program.therapyHours)), mean \(Format.number(program.meanAmplitude, decimals: 2)) mA"
                )
            }
        }
        return lines.joined(separator: "\n")
    }
}
