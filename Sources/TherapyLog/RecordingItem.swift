/// What the reader hands on, in file order: the events and the findings about the lines.
public enum RecordingItem: Hashable, Sendable {
    case event(RecordedEvent)
    case finding(ReadingFinding)
}
