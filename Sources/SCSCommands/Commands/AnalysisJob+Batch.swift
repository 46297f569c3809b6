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
            BatchEntry.text(line: line.number, path: line.text, outcome: Result { try analyzeListed(line.text) })
        } done: { text in
            FileHandle.standardOutput.write(Data((text + "\n").utf8))
            lines.release()
        }
    }

    /// The `--json` object of the recording at `path`, as one line.
    private func analyzeListed(_ path: String) throws -> String {
        guard path != InputFile.standardInputPath else {
            throw InputError(path, "standard input carries the list of paths; give the recording's own path")
        }
        return try encoded(path).json
    }
}

/// One line of `scs analyze --batch`'s output: the input line and path, and the report (as in
/// `--json`'s `recordings`) or the error.
struct BatchEntry: Encodable {
    /// Why a recording has no report, and the exit status `scs analyze PATH` would have given.
    struct Failure: Encodable {
        var message: String
        var status: Int32

        /// What stopped the recording at `path`: a `--strict` stop exits 1, anything else is bad input.
        init(_ error: any Error, path: String) {
            switch error {
            case let stop as AnalysisJob.StrictStop: (message, status) = (stop.error.description, 1)
            case let error as InputError: (message, status) = (error.description, 2)
            default: (message, status) = ("\(path): \(error)", 2)
            }
        }
    }

    var line: Int
    var path: String
    var error: Failure

    /// The line for `outcome`, the report's JSON or the error; keys sorted, as every JSON of scs.
    static func text(line: Int, path: String, outcome: Result<String, any Error>) -> String {
        let failure: Failure
        switch outcome {
        case .success(let report):
            // The report is already JSON: set in place rather than parsed and encoded again.
            let quoted = (try? JSONOutput.line(path)) ?? "\"\""
            return #"{"line":\#(line),"path":\#(quoted),"report":\#(report)}"#
        case .failure(let error): failure = Failure(error, path: path)
        }
        return (try? JSONOutput.line(BatchEntry(line: line, path: path, error: failure)))
            ?? #"{"error":{"message":"the error could not be encoded","status":2},"line":\#(line)}"#
    }
}
