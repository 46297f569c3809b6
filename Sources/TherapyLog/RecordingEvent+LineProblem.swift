import RecordingFormat

extension RecordingEvent {
    /// Why the line of this event stamped `time` would be a reading finding rather than an event, nil
    /// when it reads: what a writer of events it did not make itself (an importer) checks, so that it
    /// never writes a line the format forbids (a negative amplitude, a contact key of ten digits, …).
    public func lineProblem(at time: Timestamp) -> String? {
        var decoder = StrictLineDecoder()
        let decoded = Array(recordingLine(at: time).utf8).withUnsafeBytes { decoder.decodeEvent($0) }
        guard case .problem(let kind, let message) = decoded else { return nil }
        return "\(kind.rawValue): \(message)"
    }
}
