import RecordingFormat

extension Timestamp {
    /// The instants a setClock may set, 2000-01-01T00:00:00Z to 2200-01-01T00:00:00Z, both included:
    /// a clock outside them is garbage (a wrapped counter, a typing slip), and the device refuses it
    /// with `clockOutOfRange` (`docs/protocol.md`).
    public static let settableRange: ClosedRange<Timestamp> =
        Timestamp(year: 2000, month: 1, day: 1)...Timestamp(year: 2200, month: 1, day: 1)
}
