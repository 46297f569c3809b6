import RecordingFormat

/// Reads the header line's fields (`recording-format.md` §1).
enum HeaderDecoder {
    static func decode(_ fields: ObjectFields) throws(RecordingError) -> RecordingHeader {
        guard (try? fields.string(.type)) == "header", (try? fields.string(.format)) == RecordingHeader.format else {
            let reason = "the first line is not a header with \"format\": \"\(RecordingHeader.format)\""
            throw RecordingError(line: 1, reason: .notARecording(reason))
        }
        let version: Int
        do throws(LineProblem) {
            version = try fields.positiveInteger(.version)
        } catch {
            throw RecordingError(line: 1, reason: .invalidHeader(error.message))
        }
        guard version <= RecordingHeader.supportedVersion else {
            throw RecordingError(line: 1, reason: .newerVersion(version))
        }
        do throws(LineProblem) {
            return RecordingHeader(
                version: version, device: try fields.string(.device), serial: try fields.string(.serial),
                start: try fields.timestamp(.start))
        } catch {
            throw RecordingError(line: 1, reason: .invalidHeader(error.message))
        }
    }
}
