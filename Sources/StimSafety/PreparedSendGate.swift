/// The part of the send gate that does not depend on the amplitude, worked out once for one program
/// and context: a patient's adjustments change only the amplitude, and each is judged without going
/// over the program's contacts again.
///
/// Made by ``DeviceLimits/prepareSendGate(for:context:)`` and used by
/// ``DeviceLimits/maySend(_:context:preparedGate:)``; it holds for that program at any amplitude, in
/// that context, against those limits.
public struct PreparedSendGate: Sendable {
    /// The program's contact pass; nil when only the general rules can decide.
    let contactPass: ContactPass?
}

extension DeviceLimits {
    /// The send gate for `program`, at any amplitude, in `context`.
    public func prepareSendGate(
        for program: StimProgram, context: ValidationContext = ValidationContext()
    ) -> PreparedSendGate {
        PreparedSendGate(contactPass: contactPass(program, context: context))
    }
}
