import StimSafety

extension ErrorReply {
    /// The refusal as a sentence a clinician reads, with its rule ids, ending in the code's name for
    /// the manual (`docs/protocol.md` §3, "Error codes"): the one wording of device refusals that the
    /// session, replay and usb commands show.
    public var sentence: String {
        let ids = rules.map(\.name).joined(separator: ", ")
        let meaning =
            switch code {
            case .unknownMessageType: "the device does not know this request"
            case .malformedPayload: "the device could not read the request"
            case .noSession: "the device has no open session for this request (it may have restarted)"
            case .authenticationFailed: "the device did not accept the key"
            case .notPermitted: "this session's role may not do that"
            case .replayed: "the device had this request's sequence number already, so it did nothing"
            case .safetyRejected: "the device's safety check rejects it: \(ids)"
            case .unacknowledgedWarnings: "the device needs these warnings acknowledged: \(ids)"
            case .noSuchSlot: "the device has no such slot"
            case .slotEmpty: "the slot holds no program"
            case .slotDisabled: "the slot is disabled for the patient's remote"
            case .batteryEmpty: "the battery is empty, so stimulation cannot start"
            case .logRangeInvalid: "the event log range starts past the end of the log"
            case .busy: "the device is busy; try again"
            case .internalFault: "the device reports an internal fault"
            case .unauthenticated: "the request did not carry this session's MAC, so the device did nothing"
            case .unsupportedVersion: "the device does not speak this protocol version"
            case .clockOutOfRange: "the time is outside the device clock's range (2000-01-01 to 2200-01-01)"
            default: "the device gave a reason this version of scs does not know"
            }
        return "\(meaning) (\(code))"
    }
}
