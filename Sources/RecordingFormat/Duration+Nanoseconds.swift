extension Duration {
    /// The duration in whole nanoseconds (truncated toward zero), saturating at the `Int64` range: the
    /// unit of ``Timestamp``.
    public var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: Timestamp.nanosecondsPerSecond)
        guard !overflow else { return seconds < 0 ? .min : .max }
        let (sum, overflowAdding) = scaled.addingReportingOverflow(attoseconds / 1_000_000_000)
        guard !overflowAdding else { return seconds < 0 ? .min : .max }
        return sum
    }
}
