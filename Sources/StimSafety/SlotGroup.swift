/// Program slots that share narrower limits than the device's own, as a research INS sets the rate and
/// pulse-width limits per group of programs.
///
/// A program validated for a slot of the group (`ValidationContext.slot`) is checked against the
/// group's grids in place of the device-wide ones, under the same rule ids.
public struct SlotGroup: Hashable, Sendable {
    public var name: String
    /// The program slots (1-based) of the group.
    public var slots: ClosedRange<Slot>
    /// The group's pulse-width grid; nil keeps the device's.
    public var pulseWidth: Grid<Nanoseconds>?
    /// The group's rate grid, for every waveform; nil keeps the device's.
    public var rates: RateGrid?

    public init(name: String, slots: ClosedRange<Slot>, pulseWidth: Grid<Nanoseconds>? = nil, rates: RateGrid? = nil) {
        self.name = name
        self.slots = slots
        self.pulseWidth = pulseWidth
        self.rates = rates
    }
}

extension DeviceLimits {
    /// The group that holds `slot`, if any.
    @inline(__always)
    public func group(forSlot slot: Slot?) -> SlotGroup? {
        guard let slot, !groups.isEmpty else { return nil }
        return groups.first { $0.slots.contains(slot) }
    }

    /// The pulse-width grid that applies to `slot`.
    @inline(__always)
    func pulseWidthGrid(forSlot slot: Slot?) -> Grid<Nanoseconds> {
        group(forSlot: slot)?.pulseWidth ?? pulseWidth
    }

    /// The rate grid of `waveform` that applies to `slot`; nil when the device lacks the waveform.
    @inline(__always)
    func rateGrid(for waveform: Waveform, slot: Slot?) -> RateGrid? {
        guard let deviceRates = waveforms.rates(for: waveform) else { return nil }
        return group(forSlot: slot)?.rates ?? deviceRates
    }
}
