import Logging
import RecordingFormat
import StimProtocol
import StimSafety

extension DeviceCore {
    /// Runs the simulation up to clock reading `now`: integrates the battery over spans of constant
    /// current, and acts at the boundaries between them (a ramp step, an empty cell, a full cell).
    ///
    /// The spans are as long as nothing changes, so a month without commands is a handful of steps,
    /// not one per pulse. A reading earlier than the last one is no time passing.
    mutating func advance(to now: Int64) {
        while simulatedUntil < now {
            var boundary = now
            if let step = output.nextStep(after: simulatedUntil, target: target) {
                boundary = min(boundary, step)
            }
            let net = drainCurrent() - (battery.isCharging ? battery.chargeCurrent : 0)
            if let span = battery.nanosecondsUntilBoundary(net: net, whileStimulating: output.isOn) {
                let (end, overflow) = simulatedUntil.addingReportingOverflow(span)
                if !overflow { boundary = min(boundary, end) }
            }
            battery.apply(net: net, nanoseconds: boundary - simulatedUntil)
            simulatedUntil = boundary
            settleBattery()
        }
    }

    /// Ends a charge session on a full cell, and stops stimulation on an empty one.
    private mutating func settleBattery() {
        if battery.isFull, stopCharging() {
            logger.info("charge session ended: battery full")
        }
        if output.isOn, battery.isEmpty {
            output.switchOff()
            record(.therapy(isOn: false, by: .device))
            record(.fault(code: "low-battery", detail: "battery empty: stimulation stopped"))
            logger.notice("battery empty: stimulation stopped")
        }
    }

    /// The current drawn from the cell now, µA: the battery model's current for the active program at
    /// the ramp's present level (cycling averaged in), or the quiescent current while nothing is
    /// delivered.
    mutating func drainCurrent() -> Double {
        let quiescent = battery.model.quiescentCurrent
        guard output.isOn, var program = active?.program else { return quiescent }
        let level = output.level(at: simulatedUntil, target: target)
        guard level.rawValue > 0 else { return quiescent }
        program.amplitude = level
        if let cached = drainCache, cached.level == level, cached.program == program, cached.impedances == measured {
            return cached.current
        }
        let context = ValidationContext(impedances: measured, slot: activeSlot)
        let metrics = limits.validate(program, context: context).metrics
        let current = metrics.batteryCurrent.flatMap { $0.isFinite && $0 > 0 ? $0 : nil } ?? quiescent
        drainCache = (program, level, measured, current)
        return current
    }

    /// Starts a charge session; false when the cell is not rechargeable or a session is running.
    mutating func startCharging() -> Bool {
        guard battery.model.kind == .rechargeable, !battery.isCharging else { return false }
        battery.isCharging = true
        record(.charge(.start))
        recordBatteryLevel()
        return true
    }

    /// Ends a running charge session; false when none is running.
    mutating func stopCharging() -> Bool {
        guard battery.isCharging else { return false }
        battery.isCharging = false
        record(.charge(.end))
        recordBatteryLevel()
        return true
    }
}
