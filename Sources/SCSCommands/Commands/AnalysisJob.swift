import DeviceImport
import DeviceProfiles
import FileIO
import RecordingFormat
import TherapyLog

/// One recording's analysis as `scs analyze` reports it: the report, the profile it was judged against
/// and, for a device log, what the import found.
package typealias Analysis = (report: RecordingReport, profile: DeviceProfile, imported: ImportResult?)

/// What every recording of one `scs analyze` run is read with; `Sendable`, so that each core can
/// analyse recordings of its own with it.
package struct AnalysisJob: Sendable {
    /// A strict reading stopped at an invalid line: exit 1, where other bad input exits 2.
    struct StrictStop: Error {
        var error: InputError
    }

    var profiles: DeviceCatalog
    /// The profile of `--device`, judging every recording instead of its header's device.
    var override: DeviceProfile?
    var zone: ReportZone
    var isStrict: Bool
    /// Where `--store` keeps each report, as soon as it is made.
    var store: (any ReportStore)?

    /// Reads and analyses one file or session folder, showing the reading of a regular file unless
    /// `quiet`, and keeps the report in ``store``; bad input throws ``InputError``, a strict-mode line
    /// error ``StrictStop``.
    func analyze(_ file: String, quiet: Bool = true) throws -> Analysis {
        guard store != nil else { return try read(file, quiet: quiet) }
        return try encoded(file, quiet: quiet).analysis
    }

    /// ``analyze(_:quiet:)``, with the report as one line of `--json`: made once for the store and
    /// `--batch` alike.
    package func encoded(_ file: String, quiet: Bool = true) throws -> (analysis: Analysis, json: String) {
        let analysis = try read(file, quiet: quiet)
        let json = try AnalyzedRecording(report: analysis.report, imported: analysis.imported).jsonText(pretty: false)
        try store?.keep(analysis.report, imported: analysis.imported, json: json, path: file)
        return (analysis, json)
    }

    /// Analyses `files` on `width` cores at once (one file read and one analyzer on each), updating
    /// `progress` as each is done, and hands each outcome to `report` in the order of `files` as soon
    /// as it and all before it are done. A failed file does not stop the others.
    ///
    /// Memory is bounded by `width`, not by the number of files: no file is started while
    /// 2 × `width` started ones wait to be reported (a slow file holds back at most that many).
    func analyze(
        _ files: [String], width: Int, progress: ProgressBar,
        report: (_ file: String, _ outcome: Result<Analysis, any Error>) -> Void
    ) async {
        let (started, start) = AsyncStream.makeStream(of: Int.self)
        var (startedCount, reportedCount, doneCount) = (0, 0, 0)
        func startUpTo(_ limit: Int) {
            while startedCount < min(limit, files.count) {
                start.yield(startedCount)
                startedCount += 1
            }
            if startedCount == files.count { start.finish() }
        }
        startUpTo(2 * width)
        var waiting: [Int: Result<Analysis, any Error>] = [:]
        await BoundedParallel.run(started, width: width) { index in
            (index, Result { try analyze(files[index]) })
        } done: { index, outcome in
            waiting[index] = outcome
            doneCount += 1
            if waiting[reportedCount] != nil { progress.clear() }
            while let outcome = waiting.removeValue(forKey: reportedCount) {
                report(files[reportedCount], outcome)
                reportedCount += 1
            }
            progress.update(doneCount)
            startUpTo(reportedCount + 2 * width)
        }
        progress.finish()
    }

    /// The analysis of `file`, its report marked with the profile's assumed fields.
    private func read(_ file: String, quiet: Bool) throws -> Analysis {
        var analysis = try readUnmarked(file, quiet: quiet)
        analysis.report.markAssumed(analysis.profile.assumedFields)
        return analysis
    }

    private func readUnmarked(_ file: String, quiet: Bool) throws -> Analysis {
        let input: InputFile
        switch try DeviceLogImport.load(file, catalog: profiles) {
        case .imported(let imported):
            let profile = try override ?? Self.profile(imported.device, in: profiles, location: file)
            return (imported.analyze(file: file, limits: profile.limits, zone: zone), profile, imported)
        case .recording(let recording): input = recording
        }
        ProgressBar.follow(input, path: file, quiet: quiet)
        var chosen: DeviceProfile?
        do {
            let report = try RecordingAnalysis.analyze(
                input: input, file: file, options: ReadingOptions(isStrict: isStrict), zone: zone
            ) { header in
                let profile = try override ?? Self.profile(header.device, in: profiles, location: "\(file): line 1")
                chosen = profile
                return profile.limits
            }
            guard let chosen else { throw InputError(file, "no device profile was chosen") }
            return (report, chosen, nil)
        } catch let error as RecordingError {
            if case .invalidLine = error.reason { throw StrictStop(error: InputError(file, "\(error) (--strict)")) }
            throw InputError(file, error.description)
        }
    }

    /// The profile `id` of `catalog`; an unknown id throws naming `location`.
    static func profile(_ id: String, in catalog: DeviceCatalog, location: String) throws(InputError) -> DeviceProfile {
        do {
            return try catalog.profile(id: id)
        } catch {
            throw InputError(location, error.description)
        }
    }
}

extension AnalysisJob {
    /// The reading of `scs fleet work`: the profiles of `catalog`, UTC days, not strict, no store.
    package init(catalog: DeviceCatalog) {
        self.init(profiles: catalog, override: nil, zone: .utc, isStrict: false, store: nil)
    }
}
