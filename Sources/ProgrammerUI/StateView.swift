import Report
import StimProtocol
import StimSafety

/// The device's state as the page shows it live: therapy, active slot, running and target amplitude,
/// battery, slots, and the impedances last measured.
struct StateView: Encodable {
    struct SlotEntry: Encodable {
        var slot: Int
        var enabled: Bool
        var program: String?
    }

    struct ImpedanceEntry: Encodable {
        var contact: String
        var ohms: Double
    }

    var target: String
    var role: String
    var therapyOn: Bool
    var activeSlot: Int?
    /// mA.
    var runningAmplitude: Double
    var targetAmplitude: Double
    var ramping: Bool
    var batteryPercent: Int
    var batteryVoltage: Double
    var rechargeable: Bool
    var charging: Bool
    var slots: [SlotEntry]
    var impedances: [ImpedanceEntry]

    init(_ state: DeviceState, target: String, role: Role, impedances: ImpedanceMeasurement?) {
        self.target = target
        self.role = "\(role)"
        therapyOn = state.isTherapyOn
        activeSlot = state.activeSlot.map { $0.number }
        runningAmplitude = state.runningAmplitude.doubleValue
        targetAmplitude = state.targetAmplitude.doubleValue
        ramping = state.isTherapyOn && state.runningAmplitude != state.targetAmplitude
        batteryPercent = Int(state.battery.percent)
        batteryVoltage = state.battery.voltage.doubleValue
        rechargeable = state.battery.isRechargeable
        charging = state.battery.isCharging
        slots = state.slots.map {
            SlotEntry(slot: $0.slot.number, enabled: $0.isEnabled, program: $0.program.map(ProgramText.summary))
        }
        self.impedances = (impedances ?? ImpedanceMeasurement()).map {
            ImpedanceEntry(contact: $0.contact.description, ohms: $0.ohms.doubleValue)
        }
    }
}
