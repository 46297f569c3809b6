import StimSafety

/// What the logs have said so far about one group (A–D): its rate, its four programs and the
/// device's own limits for it.
struct RCSGroupState: Hashable {
    /// Decoded from the raw `ratePeriod` (10 µs units).
    var period: Nanoseconds?
    var programs = [RCSProgramState](repeating: RCSProgramState(), count: 4)
    /// DeviceSettings `pulseWidthLowerLimit…UpperLimit`, in µs.
    var pulseWidthLimits: ClosedRange<Nanoseconds>?
    /// DeviceSettings `rateLowerLimitInHz…rateUpperLimitInHz`.
    var rateLimits: ClosedRange<Millihertz>?
    /// DeviceSettings `cyclingEnabled`.
    var isCycling: Bool?
}

/// The running state of an RC+S device: groups A–D × programs 0–3, the active group and the
/// therapy status, merged from every full and sparse record so far.
struct RCSState: Hashable {
    var groups = [RCSGroupState](repeating: RCSGroupState(), count: 4)
    /// `therapyStatusData.activeGroup`: 0…3 for A…D.
    var activeGroup: Int?
    /// `therapyStatusData.therapyStatus`: 0…5.
    var therapyStatus: Int?

    /// The recording slot of a group's program: group A holds slots 1–4, group D slots 13–16, as
    /// the research INS profile numbers them.
    static func slot(group: Int, program: Int) -> Int {
        group * 4 + program + 1
    }

    /// Whether therapy is delivered in `therapyStatus`: 1 On and 4 Transitioning to active; Off,
    /// Transitioning to off and the lead-integrity states deliver none.
    static func isOn(therapyStatus: Int) -> Bool {
        therapyStatus == 1 || therapyStatus == 4
    }

    /// The names of the statuses (`docs/domain-reference.md` §5.2).
    static let therapyStatusNames = [
        "Off", "On", "Lead integrity test", "Transitioning to off", "Transitioning to active",
        "Transitioning to lead integrity test",
    ]
}
