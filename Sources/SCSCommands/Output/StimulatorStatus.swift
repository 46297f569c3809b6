import Report
import StimProtocol
import StimSafety

/// What `scs usb status` reports (and `scs ui` shows live): the identity a stimulator gave on connect and the state it read.
package struct StimulatorStatus: Encodable, Equatable {
    var profile: String
    var model: String
    var serial: String
    var firmware: String
    var protocolVersion: Int
    var therapyOn: Bool
    /// The slot (1-based) whose program runs or would run; nil when none is chosen.
    var activeSlot: Int?
    /// The amplitude delivered now, in mA.
    var runningAmplitude: Double
    /// The amplitude the device ramps towards, in mA.
    var targetAmplitude: Double
    var batteryPercent: Int
    var charging: Bool

    package init(identity: DeviceIdentity, state: DeviceState) {
        profile = identity.profileID
        model = identity.model
        serial = identity.serial
        firmware = identity.firmware
        // The version the session runs in: connecting succeeds only when the device speaks it.
        protocolVersion = Int(Frame.protocolVersion)
        therapyOn = state.isTherapyOn
        activeSlot = state.activeSlot?.number
        runningAmplitude = state.runningAmplitude.doubleValue
        targetAmplitude = state.targetAmplitude.doubleValue
        batteryPercent = Int(state.battery.percent)
        charging = state.battery.isCharging
    }

    /// The status as aligned lines for people.
    var text: String {
        var table = TextTable(["stimulator", "\(profile) serial \(serial)"])
        table.add(["model", model])
        table.add(["firmware", "\(firmware) (protocol \(protocolVersion))"])
        table.add(["therapy", therapyOn ? "on" : "off"])
        table.add(["active slot", activeSlot.map(String.init) ?? "none"])
        let running = Format.number(runningAmplitude, decimals: 3)
        table.add(["amplitude", "\(running) mA (target \(Format.number(targetAmplitude, decimals: 3)) mA)"])
        table.add(["battery", "\(batteryPercent) %\(charging ? ", charging" : "")"])
        return table.render()
    }
}
