import Logging
import RecordingFormat
import StimProtocol
import StimSafety

extension DeviceCore {
    /// Executes an admitted request of a session in `role`: its reply, or the refusal. A refusal of a
    /// therapy command (a slot, the safety core, the battery) is logged as `rejected` and changes
    /// nothing.
    mutating func execute(_ request: Request, role: Role, session: SessionID) -> Result<Reply, ErrorReply> {
        switch request {
        case .identify: return .success(.identify(identity))
        case .readState: return .success(.readState(state))
        case .writeProgram(let write): return writeProgram(write, by: EventOrigin(role))
        case .activateSlot(let slot): return activate(slot, role: role)
        case .setTherapy(let isOn): return setTherapy(isOn, by: EventOrigin(role))
        case .adjustAmplitude(let amplitude, let acknowledged):
            return adjust(to: amplitude, acknowledging: acknowledged, role: role)
        case .measureImpedance: return .success(.measureImpedance(measureImpedance()))
        case .readBattery:
            recordBatteryLevel()
            return .success(.readBattery(battery.status))
        case .readEventLog(let range): return readLog(range, session: session)
        case .setClock(let nanoseconds):
            guard Timestamp.settableRange.contains(Timestamp(nanosecondsSinceEpoch: nanoseconds)) else {
                return .failure(ErrorReply(code: .clockOutOfRange))
            }
            clockOffset = Int128(nanoseconds) - Int128(simulatedUntil)
            log.restart(at: deviceNow)
            return .success(.setClock)
        case .closeSession:
            if var entry = sessions.entries[session] {
                entry.session.close()
                entry.logExport = nil
                sessions.update(entry)
            }
            logger.info("session \(session.rawValue) closed")
            return .success(.closeSession)
        case .openSession, .authenticate:
            // Never reached: `respond(to:)` answers the handshake before sessions admit requests. The
            // refusal keeps the switch total without a trap.
            return .failure(ErrorReply(code: .noSession))
        }
    }

    private mutating func writeProgram(_ write: ProgramWrite, by origin: EventOrigin) -> Result<Reply, ErrorReply> {
        // A JSON contact map cannot hold a contact twice, so such a program has no recording form.
        guard !write.program.listsAContactTwice else { return .failure(ErrorReply(code: .malformedPayload)) }
        guard let index = slotIndex(write.slot) else {
            return refuse(ErrorReply(code: .noSuchSlot), by: origin, request: write.recordedRequest)
        }
        if let refusal = refusal(
            of: write.program, context: context(slot: write.slot, acknowledging: write.acknowledged))
        {
            return refuse(refusal, by: origin, request: write.recordedRequest)
        }
        // Applied, it would be logged as a line no reader takes (a negative interphase gap, say).
        guard write.program.hasRecordingForm else { return .failure(ErrorReply(code: .malformedPayload)) }
        let previous = slots[index].program
        let oldTarget = target
        slots[index].program = write.program
        slots[index].amplitude = write.program.amplitude
        slots[index].acknowledged = write.acknowledged
        slots[index].isEnabled = true
        record(.program(slot: write.slot, program: write.program, by: origin))
        if activeSlot == write.slot {
            let sameConfiguration = previous.map { $0.hasSameConfiguration(as: write.program) } ?? false
            output.retarget(at: simulatedUntil, from: oldTarget, to: target, fromZero: !sameConfiguration)
        }
        return .success(.writeProgram)
    }

    private mutating func activate(_ slot: Slot, role: Role) -> Result<Reply, ErrorReply> {
        let request: [String: JSONValue] = ["slot": .number(slot.description)]
        let origin = EventOrigin(role)
        guard let index = slotIndex(slot) else {
            return refuse(ErrorReply(code: .noSuchSlot), by: origin, request: request)
        }
        guard let running = slots[index].runningProgram else {
            return refuse(ErrorReply(code: .slotEmpty), by: origin, request: request)
        }
        guard role == .clinician || slots[index].isEnabled else {
            return refuse(ErrorReply(code: .slotDisabled), by: origin, request: request)
        }
        if let refusal = refusal(of: running, context: context(slot: slot, acknowledging: slots[index].acknowledged)) {
            return refuse(refusal, by: origin, request: request)
        }
        let previous = active?.program
        let oldTarget = target
        activeSlot = slot
        record(.activate(slot: slot, by: origin))
        let sameConfiguration = previous.map { $0.hasSameConfiguration(as: running) } ?? false
        output.retarget(at: simulatedUntil, from: oldTarget, to: target, fromZero: !sameConfiguration)
        return .success(.activateSlot)
    }

    private mutating func setTherapy(_ isOn: Bool, by origin: EventOrigin) -> Result<Reply, ErrorReply> {
        guard isOn else {
            output.switchOff()
            record(.therapy(isOn: false, by: origin))
            return .success(.setTherapy)
        }
        let request: [String: JSONValue] = ["on": .bool(true)]
        guard let slot = active, let running = slot.runningProgram else {
            return refuse(ErrorReply(code: .slotEmpty), by: origin, request: request)
        }
        guard !battery.isEmpty else {
            return refuse(ErrorReply(code: .batteryEmpty), by: origin, request: request)
        }
        if let refusal = refusal(of: running, context: context(slot: slot.number, acknowledging: slot.acknowledged)) {
            return refuse(refusal, by: origin, request: request)
        }
        output.switchOn(at: simulatedUntil)
        record(.therapy(isOn: true, by: origin))
        return .success(.setTherapy)
    }

    /// Sets the active slot's amplitude; the warnings `acknowledging` names (a clinician's) join those
    /// acknowledged when the slot was written, for this check and the slot's later ones.
    private mutating func adjust(
        to amplitude: Nanoamps, acknowledging: RuleSet, role: Role
    ) -> Result<Reply, ErrorReply> {
        // Acknowledging a warning is the clinician's (`safety-rules.md`, "Verdict"), never the remote's.
        guard role == .clinician || acknowledging.isEmpty else { return .failure(ErrorReply(code: .notPermitted)) }
        let origin = EventOrigin(role)
        var request: [String: JSONValue] = ["amplitude": .number(amplitude.decimalText)]
        if let activeSlot { request["slot"] = .number(activeSlot.description) }
        guard let slot = activeSlot, let index = slotIndex(slot), var program = slots[index].program else {
            return refuse(ErrorReply(code: .slotEmpty), by: origin, request: request)
        }
        if role == .patient {
            guard let range = program.patientRange, range.min <= amplitude, amplitude <= range.max else {
                return refuse(
                    ErrorReply(code: .safetyRejected, rules: [.patientRange]), by: origin, request: request)
            }
        }
        program.amplitude = amplitude
        // The device ramps an increase larger than the slew limit, so that warning needs no acknowledgement.
        let acknowledged = slots[index].acknowledged.union(acknowledging).union(RuleSet(rule: .amplitudeSlew))
        let running = output.level(at: simulatedUntil, target: target)
        if let refusal = refusal(
            of: program, context: context(slot: slot, acknowledging: acknowledged, running: running))
        {
            return refuse(refusal, by: origin, request: request)
        }
        let oldTarget = target
        slots[index].amplitude = amplitude
        slots[index].acknowledged.formUnion(acknowledging)
        record(.amplitude(slot: slot, amplitude: amplitude, by: origin))
        output.retarget(at: simulatedUntil, from: oldTarget, to: amplitude, fromZero: false)
        return .success(.adjustAmplitude(amplitude))
    }

    /// Measures every contact, keeps the result for validation, logs it, and logs a fault for each
    /// lead contact outside the thresholds; stimulation stops when the running program drives one.
    private mutating func measureImpedance() -> ImpedanceMeasurement {
        let measurement = impedance.measurement()
        lastMeasurement = measurement
        measured = MeasuredImpedances(measurement)
        record(.impedance(measurement))
        let driven = Set((active?.program?.contacts ?? []).filter { $0.percent.rawValue != 0 }.map(\.contact))
        var stops = false
        for entry in measurement where entry.contact != .can {
            guard let fault = impedance.isFaulty(entry.ohms) else { continue }
            record(.fault(code: fault == .open ? "lead-open" : "lead-short", detail: "contact \(entry.contact)"))
            if driven.contains(entry.contact) { stops = true }
        }
        if stops, output.isOn {
            output.switchOff()
            record(.therapy(isOn: false, by: .device))
            logger.notice("lead fault on a running contact: stimulation stopped")
        }
        return measurement
    }

    /// A chunk of the recording; a read from offset 0 freezes the export for the session, so that the
    /// chunks of one read fit together even while the device goes on logging.
    private mutating func readLog(_ range: LogRange, session: SessionID) -> Result<Reply, ErrorReply> {
        guard var entry = sessions.entries[session] else { return .failure(ErrorReply(code: .noSession)) }
        let export: [UInt8]
        if range.offset == 0 || entry.logExport == nil {
            export = log.export(end: deviceNow)
            entry.logExport = export
            sessions.update(entry)
        } else {
            export = entry.logExport ?? []
        }
        guard range.offset <= UInt64(export.count) else { return .failure(ErrorReply(code: .logRangeInvalid)) }
        let start = Int(range.offset)
        let count = min(Int(range.length), LogChunk.maximumLength, export.count - start)
        let chunk = LogChunk(
            offset: range.offset, total: UInt64(export.count), isComplete: start + count == export.count,
            bytes: Array(export[start..<(start + count)]))
        return .success(.readEventLog(chunk))
    }

    private mutating func refuse(
        _ refusal: ErrorReply, by origin: EventOrigin, request: [String: JSONValue]
    ) -> Result<Reply, ErrorReply> {
        record(.rejected(RejectedCommand(by: origin, rules: refusal.rules.map(\.name), request: .object(request))))
        logger.debug("refused (\(refusal.code)): \(refusal.rules.map(\.name))")
        return .failure(refusal)
    }
}

extension ProgramWrite {
    /// The write as a refusal's `rejected` line keeps it; made only when a write is refused.
    fileprivate var recordedRequest: [String: JSONValue] {
        var request: [String: JSONValue] = ["slot": .number(slot.description), "program": program.recordingValue]
        if !acknowledged.rules.isEmpty {
            request["acknowledged"] = .array(acknowledged.rules.map { .string($0.name) })
        }
        return request
    }
}
