/// The sums and the count of active entries over a contact map, every entry as written, that
/// `contacts.polarity` and `contacts.count` judge.
///
/// The sums are kept as the sum of the shares and the sum of their magnitudes, one plain addition each
/// per entry; the cathodes' sum is half their difference and the anodes' half their sum. `Sum` is the
/// width they are added in: in 128 bits they are exact for any map (fewer than 2⁶³ entries of at most
/// 2⁶³ each); the send gate's fast pass adds in 64 bits, which keeps its loop in registers, and leaves a
/// map whose sums might not be exact to the 128-bit form.
struct PolarityTally<Sum: FixedWidthInteger & SignedInteger> {
    private var shareSum: Sum = 0
    private var magnitudeSum: Sum = 0
    /// The largest magnitude of an entry, which bounds the sums.
    private(set) var largestMagnitude: UInt64 = 0
    /// The entries with a share other than 0.
    private(set) var active = 0

    @inline(__always)
    mutating func add(_ percent: Int64) {
        shareSum &+= Sum(truncatingIfNeeded: percent)
        magnitudeSum &+= Sum(truncatingIfNeeded: percent.magnitude)
        largestMagnitude = max(largestMagnitude, percent.magnitude)
        active &+= percent == 0 ? 0 : 1
    }

    /// Whether the sums are exact: always in 128 bits; in 64 bits when every magnitude is below 2⁴⁰ and
    /// fewer than 2²³ entries are active.
    @inline(__always)
    var isExact: Bool { Sum.bitWidth >= 128 || (largestMagnitude >> 40 == 0 && active < 1 << 23) }

    /// Whether the cathodes sum to −100 % and the anodes to +100 % (so there is one of each), exactly
    /// when all shares sum to 0 and their magnitudes to 200 %; for exact sums.
    @inline(__always)
    var isBalanced: Bool { shareSum == 0 && magnitudeSum == 2 * Sum(truncatingIfNeeded: Percent.whole.rawValue) }

    /// `contacts.polarity` for the sums and `contacts.count` for the active entries; for exact sums.
    @inline(__always)
    func report<Sink: FindingSink>(maxActiveContacts: Int, into sink: inout Sink) {
        if !isBalanced {
            let whole = Sum(truncatingIfNeeded: Percent.whole.rawValue)
            let cathodeSum = (shareSum &- magnitudeSum) >> 1
            let anodeSum = (shareSum &+ magnitudeSum) >> 1
            let percent = { (sum: Sum) in Double(converting: Int128(sum)) / Double(Percent.subunitsPerUnit) }
            if cathodeSum == 0 {
                sink.report(.contactsPolarity, .error, reason: .noCathode)
            } else if anodeSum == 0 {
                sink.report(.contactsPolarity, .error, reason: .noAnode)
            } else if cathodeSum != -whole {
                sink.report(.contactsPolarity, .error, reason: .cathodeSum, value: percent(cathodeSum), limit: -100)
            } else {
                sink.report(.contactsPolarity, .error, reason: .anodeSum, value: percent(anodeSum), limit: 100)
            }
        }
        if active > maxActiveContacts {
            sink.report(
                .contactsCount, .error, reason: .tooManyContacts, value: Double(active),
                limit: Double(maxActiveContacts))
        }
    }
}
