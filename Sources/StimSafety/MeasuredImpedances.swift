/// Impedances measured on the contacts, looked up by contact number without hashing.
public struct MeasuredImpedances: Sendable, Hashable {
    /// Milliohms indexed by contact number; negative where nothing was measured.
    private var byNumber: [Int64]
    /// The can's measured impedance.
    public private(set) var can: Milliohms?

    /// Contact numbers above this exist on no device (profiles stop at 255), so measurements for them
    /// are dropped instead of sizing the lookup table by an arbitrary number from the input.
    public static let highestContactNumber = 1023

    /// No measurements: every contact is taken at the device's nominal impedance.
    public static let none = MeasuredImpedances(ImpedanceMeasurement())

    /// Measurements keyed by contact; keys that are neither a contact number nor `case` are ignored.
    public init(_ measurements: [ContactID: Milliohms]) {
        self.init(ImpedanceMeasurement(measurements))
    }

    /// The measurements of a recorded measurement; contacts that are neither a contact number nor
    /// `case` are ignored.
    public init(_ measurement: ImpedanceMeasurement) {
        byNumber = []
        replace(with: measurement)
    }

    /// Takes the impedances of a newer measurement instead, in the storage held when nothing else
    /// shares it (a recording measures about once a day, always the same contacts).
    public mutating func replace(with measurement: ImpedanceMeasurement) {
        // The leads are in increasing number: the last within bounds is the highest.
        let highest = measurement.leads.last { $0.number <= Self.highestContactNumber }?.number ?? -1
        let count = max(highest + 1, 0)
        if byNumber.count == count {
            byNumber.withUnsafeMutableBufferPointer { $0.update(repeating: -1) }
        } else {
            byNumber = [Int64](repeating: -1, count: count)
        }
        for lead in measurement.leads where lead.number >= 0 && lead.number <= Self.highestContactNumber {
            byNumber[lead.number] = lead.ohms.rawValue
        }
        can = measurement.can
    }

    /// Whether any lead contact may have a measurement; false means every lead contact is unmeasured.
    var mayMeasureLeads: Bool { !byNumber.isEmpty }

    /// The measured impedance of lead contact `number`, if it was measured.
    @inline(__always)
    public func ohms(ofContact number: Int) -> Milliohms? {
        guard number >= 0, number < byNumber.count, byNumber[number] >= 0 else { return nil }
        return Milliohms(rawValue: byNumber[number])
    }

    /// The measured impedance of `contact`, if it was measured.
    public func ohms(of contact: ContactID) -> Milliohms? {
        switch contact {
        case .lead(let number): ohms(ofContact: number)
        case .can: can
        case .unrecognized: nil
        }
    }
}

/// What a validation knows beyond the program itself.
public struct ValidationContext: Sendable, Hashable {
    /// The latest measured impedances; unmeasured contacts use the nominal value.
    public var impedances: MeasuredImpedances
    /// Warning rule ids the caller acknowledges.
    public var acknowledged: RuleSet
    /// The amplitude running now, for the stateful `amplitude.slew` rule; nil skips that rule.
    public var runningAmplitude: Nanoamps?
    /// The program slot the set is meant for; a slot in a `SlotGroup` is checked against its group's grids.
    public var slot: Slot?

    public init(
        impedances: MeasuredImpedances = .none, acknowledged: RuleSet = [], runningAmplitude: Nanoamps? = nil,
        slot: Slot? = nil
    ) {
        self.impedances = impedances
        self.acknowledged = acknowledged
        self.runningAmplitude = runningAmplitude
        self.slot = slot
    }
}
