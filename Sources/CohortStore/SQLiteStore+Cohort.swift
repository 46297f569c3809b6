import DeviceProfiles
import GRDB

extension SQLiteStore {
    /// The cohort of the recordings `filter` selects, with patients under `belowPercent` of days
    /// with therapy marked. The days of a patient's overlapping recordings count once (the larger
    /// therapy time of the two).
    public func cohort(_ filter: CohortFilter, belowPercent: Double) throws(InputError) -> Cohort {
        do {
            return try pool.read { db in try Self.cohort(db, filter, belowPercent: belowPercent) }
        } catch {
            throw InputError("--store", "cannot read the store: \(Self.reason(error))")
        }
    }

    private static func cohort(_ db: Database, _ filter: CohortFilter, belowPercent: Double) throws -> Cohort {
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
            SELECT r.device, r.serial, COUNT(*) AS days, SUM(d.therapyHours > 0) AS daysWithTherapy,
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
            SELECT device, serial, COUNT(*) AS days, SUM(hours > 0) AS daysWithTherapy, SUM(hours) AS therapyHours
            FROM patientDay GROUP BY device, serial
            """
        var days: [String: (days: Int, withTherapy: Int, hours: Double)] = [:]
        for (sql, extra) in [(single, hasRange ? range : []), (shared, range)] {
            let rows = try Row.fetchAll(
                db, sql: sql, arguments: StatementArguments(arguments + otherArguments + extra))
            for row in rows {
                days[key(row["device"], row["serial"])] = (row["days"], row["daysWithTherapy"], row["therapyHours"])
            }
        }
        let patientRows = try Row.fetchAll(
            db,
            sql: """
                SELECT r.device, r.serial, COUNT(*) AS recordings, MIN(r.start) AS start, MAX(r."end") AS "end",
                    SUM(r.impedanceAlerts) AS impedanceAlerts, SUM(r.safetyErrorEvents) AS safetyErrorEvents,
                    SUM(r.safetyWarningEvents) AS safetyWarningEvents, SUM(r.refusals) AS refusals,
                    SUM(r.charges) AS charges,
                    SUM(r.meanChargeIntervalHours * (r.charges - 1))
                        / SUM(CASE WHEN r.meanChargeIntervalHours IS NOT NULL THEN r.charges - 1 END)
                        AS meanChargeIntervalHours
                FROM recording r WHERE \(selected) GROUP BY r.device, r.serial ORDER BY r.device, r.serial
                """, arguments: StatementArguments(arguments))
        let patients = patientRows.map { row in
            let usage = days[Self.key(row["device"], row["serial"])] ?? (0, 0, 0)
            let share = usage.days > 0 ? 100 * Double(usage.withTherapy) / Double(usage.days) : nil
            return Cohort.Patient(
                device: row["device"], serial: row["serial"], recordings: row["recordings"], start: row["start"],
                end: row["end"], days: usage.days, daysWithTherapy: usage.withTherapy, therapyHours: usage.hours,
                therapyHoursPerDay: usage.days > 0 ? usage.hours / Double(usage.days) : nil,
                daysWithTherapyPercent: share, impedanceAlerts: row["impedanceAlerts"],
                safetyErrorEvents: row["safetyErrorEvents"], safetyWarningEvents: row["safetyWarningEvents"],
                refusals: row["refusals"], charges: row["charges"],
                meanChargeIntervalHours: row["meanChargeIntervalHours"],
                isBelow: share.map { $0 < belowPercent } ?? false)
        }
        let programs = try Row.fetchAll(
            db,
            sql: """
                SELECT r.device, p.slot, COUNT(DISTINCT r.serial) AS patients, SUM(p.therapyHours) AS therapyHours,
                    SUM(p.meanAmplitude * p.therapyHours) / SUM(p.therapyHours) AS meanAmplitude
                FROM programUsage p JOIN recording r ON r.id = p.recordingId
                WHERE \(selected) AND p.therapyHours > 0 GROUP BY r.device, p.slot ORDER BY r.device, p.slot
                """, arguments: StatementArguments(arguments)
        ).map { row in
            Cohort.ProgramInUse(
                device: row["device"], slot: row["slot"], patients: row["patients"], therapyHours: row["therapyHours"],
                meanAmplitude: row["meanAmplitude"])
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
    private static func selection(_ filter: CohortFilter, alias: String) -> (String, [(any DatabaseValueConvertible)?])
    {
        var conditions = ["1"]
        var arguments: [(any DatabaseValueConvertible)?] = []
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
