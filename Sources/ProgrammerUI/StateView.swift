import Report
import SCSCommands
import StimProtocol
import StimSafety

/// The device's state as the page shows it live: `scs usb status`'s report, with the target, the role,
/// whether a ramp is under way, the slots and the impedances last measured.
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

    var status: StimulatorStatus
    var target: String
    var role: String
    var ramping: Bool
    var slots: [SlotEntry]
    var impedances: [ImpedanceEntry]

    init(_ state: DeviceState, identity: DeviceIdentity, target: String, role: Role, impedances: ImpedanceMeasurement?)
    {
        status = StimulatorStatus(identity: identity, state: state)
        self.target = target
        self.role = "\(role)"
        ramping = state.isTherapyOn && state.runningAmplitude != state.targetAmplitude
        slots = state.slots.map {
            SlotEntry(slot: $0.slot.number, enabled: $0.isEnabled, program: $0.program.map(ProgramText.summary))
        }
        self.impedances = (impedances ?? ImpedanceMeasurement()).map {
            ImpedanceEntry(contact: $0.contact.description, ohms: $0.ohms.doubleValue)
        }
    }
}
