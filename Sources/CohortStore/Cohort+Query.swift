/// The cohort's questions in SQL that SQLite and PostgreSQL both run (`?` placeholders, text
/// arguments, cells read by position).
extension Cohort {
    typealias Rows = (_ sql: String, _ arguments: [String]) throws -> [[StoreCell]]

    static func query(_ filter: CohortFilter, belowPercent: Double, rows: Rows) throws -> Cohort {
        let (selected, arguments) = selection(filter, alias: "r")
        let (others, otherArguments) = selection(filter, alias: "m")
        let range = [filter.from ?? "0000-01-01", filter.to ?? "9999-12-31"]
        let hasRange = filter.from != nil || filter.to != nil
        // Most patients have one recording: its own figures (its days in the range) need no look at
        // any other's days; only a patient with several needs each day taken once.
        let several =
            "(SELECT COUNT(*) FROM recording m WHERE m.device = r.device AND m.serial = r.serial AND \(others)) > 1"
        let single =
            hasRange
            ? """
            SELECT r.device, r.serial, COUNT(*) AS days,
                SUM(CASE WHEN d.therapyHours > 0 THEN 1 ELSE 0 END) AS daysWithTherapy,
                SUM(d.therapyHours) AS therapyHours
            FROM recording r JOIN dayUsage d ON d.recordingId = r.id
            WHERE \(selected) AND NOT \(several) AND d.date BETWEEN ? AND ? GROUP BY r.id
            """
            : """
            SELECT r.device, r.serial, r.days, r.daysWithTherapy, r.therapyHours
            FROM recording r WHERE \(selected) AND NOT \(several)
            """
        let shared = """
            WITH patientDay AS (
                SELECT r.device, r.serial, d.date, MAX(d.therapyHours) AS hours
                FROM dayUsage d JOIN recording r ON r.id = d.recordingId
                WHERE \(selected) AND \(several) AND d.date BETWEEN ? AND ? GROUP BY r.device, r.serial, d.date)
            SELECT device, serial, COUNT(*) AS days, SUM(CASE WHEN hours > 0 THEN 1 ELSE 0 END) AS daysWithTherapy,
                SUM(hours) AS therapyHours
            FROM patientDay GROUP BY device, serial
            """
        var days: [String: (days: Int, withTherapy: Int, hours: Double)] = [:]
        for (sql, extra) in [(single, hasRange ? range : []), (shared, range)] {
            for row in try rows(sql, arguments + otherArguments + extra) {
                days[key(row[0].string, row[1].string)] = (row[2].int, row[3].int, row[4].double ?? 0)
            }
        }
        let patientRows = try rows(
            """
            SELECT r.device, r.serial, COUNT(*) AS recordings, MIN(r.start) AS start, MAX(r."end") AS "end",
                SUM(r.impedanceAlerts) AS impedanceAlerts, SUM(r.safetyErrorEvents) AS safetyErrorEvents,
                SUM(r.safetyWarningEvents) AS safetyWarningEvents, SUM(r.refusals) AS refusals,
                SUM(r.charges) AS charges,
                SUM(r.meanChargeIntervalHours * (r.charges - 1))
                    / SUM(CASE WHEN r.meanChargeIntervalHours IS NOT NULL THEN r.charges - 1 END)
                    AS meanChargeIntervalHours
            FROM recording r WHERE \(selected) GROUP BY r.device, r.serial ORDER BY r.device, r.serial
            """, arguments)
        let patients = patientRows.map { row in
            let usage = days[Self.key(row[0].string, row[1].string)] ?? (0, 0, 0)
            let share = usage.days > 0 ? 100 * Double(usage.withTherapy) / Double(usage.days) : nil
            return Cohort.Patient(
                device: row[0].string, serial: row[1].string, recordings: row[2].int, start: row[3].string,
                end: row[4].string, days: usage.days, daysWithTherapy: usage.withTherapy, therapyHours: usage.hours,
                therapyHoursPerDay: usage.days > 0 ? usage.hours / Double(usage.days) : nil,
                daysWithTherapyPercent: share, impedanceAlerts: row[5].int,
                safetyErrorEvents: row[6].int, safetyWarningEvents: row[7].int, refusals: row[8].int,
                charges: row[9].int,
                meanChargeIntervalHours: row[10].double,
                isBelow: share.map { $0 < belowPercent } ?? false)
        }
        let programs = try rows(
            """
            SELECT r.device, p.slot, COUNT(DISTINCT r.serial) AS patients, SUM(p.therapyHours) AS therapyHours,
                SUM(p.meanAmplitude * p.therapyHours) / SUM(p.therapyHours) AS meanAmplitude
            FROM programUsage p JOIN recording r ON r.id = p.recordingId
            WHERE \(selected) AND p.therapyHours > 0 GROUP BY r.device, p.slot ORDER BY r.device, p.slot
            """, arguments
        ).map { row in
            Cohort.ProgramInUse(
                device: row[0].string, slot: row[1].int, patients: row[2].int, therapyHours: row[3].double ?? 0,
                meanAmplitude: row[4].double ?? 0)
        }
        return Cohort(
            filter: filter, belowPercent: belowPercent, patients: patients,
            therapyHoursPerDay: .init(patients.compactMap(\.therapyHoursPerDay)),
            daysWithTherapyPercent: .init(patients.compactMap(\.daysWithTherapyPercent)),
            chargeIntervalHours: .init(patients.compactMap(\.meanChargeIntervalHours)),
            patientsBelow: patients.filter(\.isBelow).map(\.serial), programs: programs)
    }

    private static func key(_ device: String, _ serial: String) -> String { device + "\u{0}" + serial }

    /// The SQL condition on the recording `alias` that `filter` makes, and its arguments.
    private static func selection(_ filter: CohortFilter, alias: String) -> (String, [String]) {
        var conditions = ["1 = 1"]
        var arguments: [String] = []
        if let device = filter.device {
            conditions.append("\(alias).device = ?")
            arguments.append(device)
        }
        if let serial = filter.serial {
            conditions.append("\(alias).serial = ?")
            arguments.append(serial)
        }
        if filter.from != nil || filter.to != nil {
            conditions.append(
                "EXISTS (SELECT 1 FROM dayUsage x WHERE x.recordingId = \(alias).id AND x.date BETWEEN ? AND ?)")
            arguments += [filter.from ?? "0000-01-01", filter.to ?? "9999-12-31"]
        }
        return (conditions.joined(separator: " AND "), arguments)
    }
}
