import RecordingFormat

/// Why a recording could not be read at all, or (in strict mode) where reading stopped.
public struct RecordingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The 1-based line the problem is on, when it is on one.
    public var line: Int?
    /// What went wrong.
    public var reason: Reason

    public init(line: Int?, reason: Reason) {
        self.line = line
        self.reason = reason
    }

    /// What went wrong.
    public enum Reason: Hashable, Sendable {
        /// The file could not be opened or read: the cause, in words.
        case unreadable(String)
        /// The file has no bytes.
        case empty
        /// The file is not text at all: why (``BinaryCheck``'s reason).
        case binary(String)
        /// The first line is not a recording header.
        case notARecording(String)
        /// The header declares a version newer than this reader knows.
        case newerVersion(Int)
        /// The header is a recording header but a field of it is missing or wrong.
        case invalidHeader(String)
        /// In strict mode: a line that lenient reading would have skipped.
        case invalidLine(ReadingFinding.Kind, String)
    }

    public var description: String {
        let location = line.map { "line \($0): " } ?? ""
        switch reason {
        case .unreadable(let detail): return detail
        case .empty: return "the file is empty, not a recording"
        case .binary(let detail): return "not a recording, nor text at all: \(detail)"
        case .notARecording(let detail): return location + "not a recording: \(detail)"
        case .newerVersion(let version):
            return location
                + "recording format version \(version) is newer than this reader understands "
                + "(\(RecordingHeader.supportedVersion))"
        case .invalidHeader(let detail): return location + "invalid header: \(detail)"
        case .invalidLine(let kind, let detail): return location + "\(kind.rawValue): \(detail)"
        }
    }
}
