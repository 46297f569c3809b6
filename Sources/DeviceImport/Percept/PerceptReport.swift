import Foundation
import RecordingFormat
import StimSafety

/// Imports a Percept PC/RC session report (`docs/domain-reference.md` §5.3) into the recording model.
///
/// The span runs from the earliest dated entry of the event log (or the session start) to the end
/// of the session. The initial group settings hold from the start; the event log's therapy and
/// group changes follow; at the session start the impedances and battery are written and the
/// therapy and group are set to what the device reported; at the session end the final settings.
public enum PerceptReport {
    /// The device profile Percept reports are judged against.
    public static let profileID = "percept-pc"

    /// Top-level keys of a Percept session report; an object with two or more of them is one.
    static let keys: Set<String> = [
        "DataVersion", "SessionDate", "SessionEndDate", "DeviceInformation", "BatteryInformation", "Groups",
        "GroupUsagePercentage", "DiagnosticData", "ProgrammerUtcOffset", "LeadConfiguration", "Stimulation",
        "Impedance", "GroupHistory", "AbnormalEnd", "FullyReadForSession", "ReadAllStatus", "ProgrammerVersion",
    ]

    /// Whether `value` is an object with the keys of a Percept session report.
    public static func isReport(_ value: JSONValue) -> Bool {
        guard let members = value.members else { return false }
        return members.keys.filter(keys.contains).count >= 2
    }

    /// Reads the report in `bytes`, named `file` in messages and notes.
    ///
    /// - Throws: ``ImportError`` for a file too damaged to repair, JSON of another kind, or a report
    ///   with no session date and no dated event.
    public static func read(_ bytes: [UInt8], file: String) throws(ImportError) -> ImportResult {
        let document = try TolerantJSON(parsing: bytes, file: file)
        guard isReport(document.value) else {
            throw ImportError(
                file: file,
                "\(document.value.typeName) without the keys of a Percept session report (DataVersion, "
                    + "SessionDate, Groups, …)")
        }
        // Notes name the report by its file name; errors by the path as given.
        let name = URL(fileURLWithPath: file).lastPathComponent
        var builder = PerceptTimeline(report: document.value, file: name)
        builder.notes = document.repairs.map { ImportNote(.repair, file: name, line: $0.position.line, $0.message) }
        do {
            return try builder.build()
        } catch {
            throw ImportError(file: file, error.message)
        }
    }
}
