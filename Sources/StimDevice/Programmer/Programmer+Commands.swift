import Logging
import RecordingFormat
import StimProtocol
import StimSafety

extension Programmer {
    /// Reads the device's state.
    public func readState() async throws(ProgrammerError) -> DeviceState {
        await acquire()
        defer { release() }
        return try await fetchState()
    }

    /// What the host's validation says about `program` in `slot` (with the impedances measured in this
    /// session), without sending anything: the immediate feedback of a programming session.
    public func check(_ program: StimProgram, slot: Slot, acknowledging: RuleSet = []) -> Validation {
        limits.validate(
            program,
            context: ValidationContext(impedances: measuredImpedances, acknowledged: acknowledging, slot: slot))
    }

    /// Writes `program` into `slot`, acknowledging the warning rule ids in `acknowledging`, and reads
    /// it back. Returns the host's validation (its metrics and acknowledged warnings).
    ///
    /// The program is validated on the host first and never sent when the core rejects it or a warning
    /// is not acknowledged (`unsafe`). When the write gets no answer, the host closes the session
    /// (after which the device refuses the write if it arrives late), opens a new one and reads the
    /// slot: applied, the write returns; not applied, it throws the transport's error. See
    /// ``ProgrammerError`` for which errors leave the program unapplied.
    @discardableResult
    public func write(
        _ program: StimProgram, to slot: Slot, acknowledging: RuleSet = []
    ) async throws(ProgrammerError) -> Validation {
        await acquire()
        defer { release() }
        guard role.isPermitted(.writeProgram) else { throw .notPermitted(.writeProgram) }
        let validation = check(program, slot: slot, acknowledging: acknowledging)
        guard validation.maySend(acknowledging: acknowledging) else { throw .unsafe(validation) }
        let request = Request.writeProgram(ProgramWrite(slot: slot, program: program, acknowledged: acknowledging))
        do throws(ProgrammerError) {
            let reply = try await link.exchange(request)
            guard case .writeProgram = reply else { throw .invalidReply("writeProgram answered with \(reply.type)") }
        } catch .timeout {
            return try await resolveUnanswered(program, slot: slot, validation: validation, cause: .timeout)
        } catch .disconnected {
            return try await resolveUnanswered(program, slot: slot, validation: validation, cause: .disconnected)
        } catch .cancelled {
            // A cancelled task cannot wait for the answer, nor look it up.
            throw .writeOutcomeUnknown(slot: slot)
        }
        let state: DeviceState
        do {
            state = try await fetchState()
        } catch {
            throw .writeUnverified(slot: slot)
        }
        let found = state.slots.first { $0.slot == slot }?.program
        guard found == program else { throw .readBackMismatch(slot: slot, expected: program, found: found) }
        return validation
    }

    /// Finds out whether an unanswered write was applied: closes the session so that the write can no
    /// longer act, opens a new one and reads the slot.
    private func resolveUnanswered(
        _ program: StimProgram, slot: Slot, validation: Validation, cause: ProgrammerError
    ) async throws(ProgrammerError) -> Validation {
        logger.notice("write to slot \(slot) unanswered (\(cause)); closing the session to find out")
        let state: DeviceState
        do {
            try await link.closeSession()
            try await link.openSession(role: role, key: key)
            state = try await fetchState()
        } catch {
            throw .writeOutcomeUnknown(slot: slot)
        }
        guard state.slots.first(where: { $0.slot == slot })?.program == program else { throw cause }
        return validation
    }

    /// Makes `slot` the active program. The host refuses a slot whose program the core rejects.
    public func activate(slot: Slot) async throws(ProgrammerError) {
        await acquire()
        defer { release() }
        if let program = lastState.slots.first(where: { $0.slot == slot })?.program {
            let check = self.check(program, slot: slot)
            guard check.verdict != .rejected else { throw .unsafe(check) }
        }
        try await command(.activateSlot(slot))
        _ = try? await fetchState()
    }

    /// Switches therapy on or off. Before switching on, the host checks the active program at its
    /// amplitude against the core.
    public func setTherapy(on isOn: Bool) async throws(ProgrammerError) {
        await acquire()
        defer { release() }
        if isOn {
            let state = try await fetchState()
            if let slot = state.activeSlot, var program = state.slots.first(where: { $0.slot == slot })?.program {
                program.amplitude = state.targetAmplitude
                let check = self.check(program, slot: slot)
                guard check.verdict != .rejected else { throw .unsafe(check) }
            }
        }
        try await command(.setTherapy(isOn))
        _ = try? await fetchState()
    }

    /// Sets the amplitude of the active program (absolute, so a retry changes nothing more) and
    /// returns the amplitude the device now ramps to.
    ///
    /// The host reads the state, then checks the active program at `amplitude` against the core
    /// (which includes its patient range) and sends nothing the core rejects. With `acknowledging` nil,
    /// warnings are left to the device, which remembers what the clinician acknowledged when writing
    /// the program (a replay, a patient's remote); with a set, the check is a write's: every warning
    /// must be in it, or nothing is sent, and the set goes to the device with the request, which
    /// checks it again and keeps it for the slot.
    @discardableResult
    public func setAmplitude(
        _ amplitude: Nanoamps, acknowledging: RuleSet? = nil
    ) async throws(ProgrammerError) -> Nanoamps {
        await acquire()
        defer { release() }
        guard role.isPermitted(.adjustAmplitude) else { throw .notPermitted(.adjustAmplitude) }
        let state = try await fetchState()
        if let slot = state.activeSlot, var program = state.slots.first(where: { $0.slot == slot })?.program {
            program.amplitude = amplitude
            let check = self.check(program, slot: slot, acknowledging: acknowledging ?? [])
            let maySend = acknowledging.map { check.maySend(acknowledging: $0) } ?? (check.verdict != .rejected)
            guard maySend else { throw .unsafe(check) }
        }
        let request = Request.adjustAmplitude(amplitude, acknowledged: acknowledging ?? [])
        guard case .adjustAmplitude(let target) = try await link.exchange(request) else {
            throw .invalidReply("adjustAmplitude answered with another reply")
        }
        _ = try? await fetchState()
        return target
    }

    /// Measures the impedance of every contact and the case; later validations on this host use it.
    public func measureImpedance() async throws(ProgrammerError) -> ImpedanceMeasurement {
        await acquire()
        defer { release() }
        guard role.isPermitted(.measureImpedance) else { throw .notPermitted(.measureImpedance) }
        guard case .measureImpedance(let measurement) = try await link.exchange(.measureImpedance) else {
            throw .invalidReply("measureImpedance answered with another reply")
        }
        remember(measurement)
        return measurement
    }

    /// Reads the battery.
    public func readBattery() async throws(ProgrammerError) -> BatteryStatus {
        await acquire()
        defer { release() }
        guard case .readBattery(let battery) = try await link.exchange(.readBattery) else {
            throw .invalidReply("readBattery answered with another reply")
        }
        return battery
    }

    /// Sets the device's clock to `instant`, which must lie within ``Timestamp/settableRange``.
    public func setClock(to instant: Timestamp) async throws(ProgrammerError) {
        guard Timestamp.settableRange.contains(instant) else { throw .clockOutOfRange(instant) }
        await acquire()
        defer { release() }
        try await command(.setClock(epochNanoseconds: instant.nanosecondsSinceEpoch))
    }

    /// Reads the whole event log, chunk by chunk: the recording (`.scsrec.jsonl`) as the device had it
    /// when the read began.
    public func readEventLog() async throws(ProgrammerError) -> [UInt8] {
        await acquire()
        defer { release() }
        guard role.isPermitted(.readEventLog) else { throw .notPermitted(.readEventLog) }
        var bytes: [UInt8] = []
        var total: UInt64?
        while true {
            let range = LogRange(offset: UInt64(bytes.count), length: UInt16(LogChunk.maximumLength))
            guard case .readEventLog(let chunk) = try await link.exchange(.readEventLog(range)) else {
                throw .invalidReply("readEventLog answered with another reply")
            }
            guard chunk.offset == range.offset, total == nil || total == chunk.total,
                chunk.offset + UInt64(chunk.bytes.count) <= chunk.total,
                chunk.isComplete || !chunk.bytes.isEmpty
            else {
                throw .invalidReply("event log chunk at \(chunk.offset) of \(chunk.total) does not fit the read")
            }
            total = chunk.total
            bytes.append(contentsOf: chunk.bytes)
            if chunk.isComplete { return bytes }
        }
    }
}
