import DeviceImport
import DeviceProfiles
import Foundation
import RecordingFormat
import StimSafety
import TherapyLog

/// The fixtures of this target and the profiles they are judged against.
enum Fixtures {
    static let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    static func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

    static let catalog: DeviceCatalog = {
        let devices = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Devices")
        return try! DeviceCatalog(contentsOf: devices)
    }()

    static func profile(_ id: String) -> DeviceProfile { try! catalog.profile(id: id) }

    static func rcs(_ name: String) throws -> ImportResult {
        try RCSSession.read(folder: url(name), name: name, limits: profile(RCSSession.profileID).limits)
    }

    static func percept(_ name: String) throws -> ImportResult {
        try PerceptReport.read(Array(Data(contentsOf: url(name))), file: name)
    }

    /// 2026-01-05T08:00:00Z plus `hours` and `milliseconds`.
    static func time(hours: Double = 0, milliseconds: Double = 0) -> Timestamp {
        Timestamp(
            nanosecondsSinceEpoch: 1_767_600_000_000_000_000 + Int64(hours * 3_600) * 1_000_000_000
                + Int64((milliseconds * 1_000_000).rounded()))
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scs-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The report the analyzer makes of an import, judged against its own profile.
    static func report(_ result: ImportResult, file: String) -> RecordingReport {
        result.analyze(file: file, limits: profile(result.device).limits)
    }
}

extension RecordingEvent {
    /// A short spelling for comparing timelines: `program 1 3 mA`, `activate 5`, `therapy on`.
    var summary: String {
        switch self {
        case .program(let slot, let program, _): "program \(slot) \(program.amplitude)"
        case .activate(let slot, _): "activate \(slot)"
        case .therapy(let isOn, _): "therapy \(isOn ? "on" : "off")"
        case .amplitude(let slot, let amplitude, let by): "amplitude \(slot) \(amplitude) by \(by.rawValue)"
        case .battery(let percent): "battery \(percent.decimalText)"
        case .impedance(let ohms):
            "impedance " + ohms.map { "\($0.contact)=\($0.ohms.decimalText)" }.joined(separator: ",")
        default: typeName
        }
    }
}
