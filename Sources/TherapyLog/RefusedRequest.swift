import RecordingFormat
import StimSafety

/// The request of a `rejected` event, read as the command it was: what a replay sends again.
public enum RefusedRequest: Hashable, Sendable {
    /// A program write (`{slot, program, acknowledged?}`).
    indirect case write(slot: Int, program: StimProgram, acknowledged: [String])
    /// An activation (`{slot}`).
    case activate(slot: Int)
    /// Therapy switched on or off (`{on}`).
    case therapy(isOn: Bool)
    /// An amplitude change (`{slot?, amplitude}`).
    case amplitude(slot: Int?, amplitude: Nanoamps)
}

extension RejectedCommand {
    /// The slot of a patient's activation refused with no rule id, which is what a device answers when
    /// the slot is disabled for the remote (done on the device, not over the wire) if it holds a program.
    public var remoteActivation: Int? {
        guard by == .patient, rules.isEmpty, case .activate(let slot)? = refusedRequest else { return nil }
        return slot
    }

    /// The refused request as a command, nil when it is not an object of one of the shapes of
    /// ``RefusedRequest`` (the request is kept as written, so a reader does not judge it).
    public var refusedRequest: RefusedRequest? {
        guard case .object(let members) = request else { return nil }
        let fields = ObjectFields(members, path: "request")
        do throws(LineProblem) {
            if fields.has(.program) {
                let acknowledged: [String]
                if case .array(let values)? = members["acknowledged"] {
                    acknowledged = values.compactMap { if case .string(let id) = $0 { id } else { nil } }
                } else {
                    acknowledged = []
                }
                return .write(
                    slot: try fields.integer(.slot), program: try ProgramFields.decode(try fields.object(.program)),
                    acknowledged: acknowledged)
            }
            if fields.has(.amplitude) {
                return .amplitude(
                    slot: fields.has(.slot) ? try fields.integer(.slot) : nil,
                    amplitude: try fields.quantity(.amplitude, Nanoamps.self))
            }
            if fields.has(.on) { return .therapy(isOn: try fields.bool(.on)) }
            return .activate(slot: try fields.integer(.slot))
        } catch {
            return nil
        }
    }
}
