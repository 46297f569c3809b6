import FileIO
import Foundation

extension ProgressBar {
    /// Shows the reading of `input`, a regular file at `path`, in megabytes until its last byte is read;
    /// nothing for a pipe or standard input, whose length is not known, or when `quiet`.
    static func follow(_ input: InputFile, path: String, quiet: Bool) {
        // The size of the file opened, as it was opened: no second look-up by path.
        guard !quiet, input.status.kind == .regular, case let size = Int(input.status.size), size > 0 else { return }
        // Whole megabytes rounded up, so that a small file reads 1/1 MB when done.
        let megabytes = { (bytes: Int) in (bytes + 999_999) / 1_000_000 }
        let progress = ProgressBar(
            total: megabytes(size), label: "reading \(URL(fileURLWithPath: path).lastPathComponent)", unit: "MB")
        input.onRead = { bytes in
            progress.update(megabytes(bytes))
            if bytes >= size { progress.finish() }
        }
    }
}
