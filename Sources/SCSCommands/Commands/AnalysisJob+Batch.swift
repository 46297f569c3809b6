import DeviceProfiles
import FileIO
import Foundation

extension AnalysisJob {
    /// `scs analyze --batch` (`docs/batch.md`): the paths on standard input, one a line, analysed on
    /// `width` cores; one JSON line per path on standard output as soon as it is done, with the
    /// report or the error that stopped it. A failed recording never stops the batch.
    func analyzeBatch(width: Int) async {
        let lines = StandardInputLines(ahead: width)
        await BoundedParallel.run(lines.stream, width: width) { line in
            // Encoded on the core that analysed it: the writer only writes.
            let entry = BatchEntry(line: line.number, path: line.text, outcome: Result { try analyzeListed(line.text) })
            return (try? JSONOutput.line(entry))
                ?? #"{"line":\#(line.number),"error":{"message":"the report could not be encoded","status":2}}"#
        } done: { text in
            FileHandle.standardOutput.write(Data((text + "\n").utf8))
            lines.release()
            return true
        }
    }

    private func analyzeListed(_ path: String) throws -> Analysis {
        guard path != InputFile.standardInputPath else {
            throw InputError(path, "standard input carries the list of paths; give the recording's own path")
        }
        return try analyze(path)
    }
}

/// One line of `scs analyze --batch`'s output: the input line and path, and the report (as in
/// `--json`'s `recordings`) or the error.
struct BatchEntry: Encodable {
    /// Why a recording has no report, and the exit status `scs analyze PATH` would have given.
    struct Failure: Encodable {
        var message: String
        var status: Int32
    }

    var line: Int
    var path: String
    var report: AnalyzedRecording?
    var error: Failure?

    init(line: Int, path: String, outcome: Result<Analysis, any Error>) {
        self.line = line
        self.path = path
        switch outcome {
        case .success(let analysis): report = AnalyzedRecording(report: analysis.report, imported: analysis.imported)
        case .failure(let stop as AnalysisJob.StrictStop): error = Failure(message: stop.error.description, status: 1)
        case .failure(let error as InputError): self.error = Failure(message: error.description, status: 2)
        case .failure(let error): self.error = Failure(message: "\(path): \(error)", status: 2)
        }
    }
}
