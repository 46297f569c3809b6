import DeviceImport
import DeviceProfiles
import Foundation
import FuzzSupport
import StimSafety
import TherapyLog

/// The device log importers behind `scs import` and `scs analyze`: RC+S session folders and Percept
/// session reports, found by content as the commands find them.
///
/// Input: a mode byte. Even: the rest is one file, judged by `ImportSource.detect` (a Percept report,
/// a recording, or JSON of another kind). Odd: an RC+S session folder; the next byte says which of its
/// four files exist (bit n for `RCSFile.allCases[n]`), and the rest holds their contents in that
/// order, separated by 0x1E bytes. An import that succeeds must write a recording its own reader
/// reads back to exactly the imported events, without a finding.
@main
enum ImportFuzzer {
    static func main() {
        FuzzDriver.main(FuzzTarget(name: "import", seeds: seeds, test: test))
    }

    static let rcsLimits = FuzzDriver.prepare("the RC+S profile") {
        try DeviceCatalog.bundled().profile(id: RCSSession.profileID).limits
    }
    static let perceptLimits = FuzzDriver.prepare("the Percept profile") {
        try DeviceCatalog.bundled().profile(id: PerceptReport.profileID).limits
    }

    static let separator: UInt8 = 0x1E

    @Sendable static func test(_ input: [UInt8]) {
        var cursor = InputCursor(input)
        let mode = cursor.byte() ?? 0
        let result: ImportResult?
        let limits: DeviceLimits
        if mode & 1 == 0 {
            let file = ScratchFolder.shared.write(cursor.rest(), to: "report.json")
            limits = perceptLimits
            switch try? ImportSource.detect(file, name: "report.json") {
            case .perceptReport(let bytes)?: result = try? PerceptReport.read(bytes, file: "report.json")
            default: result = nil
            }
        } else {
            let folder = sessionFolder(present: cursor.byte() ?? 0, contents: cursor.rest())
            limits = rcsLimits
            result = try? RCSSession.read(folder: folder, name: "session", limits: limits)
        }
        guard let result else { return }
        _ = result.analyze(file: "imported", limits: limits)
        expectReadBack(result)
    }

    /// Writes the RC+S files `present` names into the scratch session folder, removing the others.
    static func sessionFolder(present: UInt8, contents: ArraySlice<UInt8>) -> URL {
        let folder = ScratchFolder.shared.url.appendingPathComponent("session", isDirectory: true)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var parts = contents.split(separator: separator, omittingEmptySubsequences: false)[...]
        for (index, file) in RCSFile.allCases.enumerated() {
            let path = folder.appendingPathComponent(file.name).path
            if present & (1 << index) != 0 {
                _ = FileManager.default.createFile(atPath: path, contents: Data(parts.popFirst() ?? []))
            } else {
                try? FileManager.default.removeItem(atPath: path)
            }
        }
        return folder
    }

    /// The recording `import` writes must read back as the events imported, without a finding.
    static func expectReadBack(_ result: ImportResult) {
        let file = ScratchFolder.shared.write(Array(result.recordingText.utf8), to: "imported.scsrec.jsonl")
        do {
            let reader = try RecordingReader(contentsOf: file)
            fuzzExpect(reader.header == result.header, "the imported header reads back as \(reader.header)")
            var items: [RecordingItem] = []
            let outcome = try reader.read { items.append($0) }
            let expected = result.items
            fuzzExpect(items.count == expected.count, "\(expected.count) items imported, \(items.count) read back")
            for (read, imported) in zip(items, expected) where read != imported {
                fuzzExpect(false, "imported as \(imported), read back as \(read)")
            }
            fuzzExpect(outcome.end == result.end, "the imported recording ends at \(outcome.end), not \(result.end)")
        } catch {
            fuzzExpect(false, "the imported recording is refused by its reader: \(error)")
        }
    }

    /// The RC+S session folders and Percept reports of the importers' tests.
    @Sendable static func seeds() throws -> [Seed] {
        let fixtures = "Tests/DeviceImportTests/Fixtures"
        var seeds = try Seed.files(under: fixtures, endingWith: [".json"]).filter { !$0.name.contains("rcs-") }
            .map { Seed(name: $0.name, bytes: [0] + $0.bytes) }
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: fixtures)) ?? []
        for folder in folders.sorted() where folder.hasPrefix("rcs-") {
            var present: UInt8 = 0
            var parts: [[UInt8]] = []
            for (index, file) in RCSFile.allCases.enumerated() {
                guard let data = FileManager.default.contents(atPath: "\(fixtures)/\(folder)/\(file.name)") else {
                    continue
                }
                present |= 1 << index
                parts.append(Array(data))
            }
            seeds.append(Seed(name: folder, bytes: [1, present] + Array(parts.joined(separator: [separator]))))
        }
        return seeds
    }
}
