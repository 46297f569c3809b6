import DeviceProfiles
import StimUSB
import Testing

@testable import SCSCommands

@Suite("Choosing the stimulator on USB")
struct USBTargetSelectionTests {
    let profile: DeviceProfile

    init() throws {
        profile = try ProfileSource.profile(id: "tonic-16", in: nil)
    }

    func found(_ serial: String?, address: UInt8) -> FoundStimulator {
        let id = USBDeviceID(vendorID: 0x1209, productID: 0x5C50)
        return FoundStimulator(
            info: USBDeviceInfo(id: id, serialNumber: serial, bus: 3, address: address), profile: profile)
    }

    @Test func noStimulatorSaysToConnectOneOrEmulate() {
        #expect(throws: InputError("USB", "no stimulator on USB; connect one or run under `scs usb emulate -- …`")) {
            try USBTarget.select([], serial: nil)
        }
    }

    @Test func theOnlyStimulatorIsChosenWithoutSerial() throws {
        #expect(try USBTarget.select([found("A", address: 4)], serial: nil).info.serialNumber == "A")
    }

    @Test func severalStimulatorsNeedASerialAndAreListed() {
        let expected = InputError(
            "USB",
            """
            2 stimulators on USB; choose one with --serial SERIAL:
              tonic-16 serial A (bus 003 address 004)
              tonic-16 serial B (bus 003 address 012)
            """)
        #expect(throws: expected) {
            try USBTarget.select([found("A", address: 4), found("B", address: 12)], serial: nil)
        }
    }

    @Test func theSerialPicksOneOfSeveral() throws {
        let chosen = try USBTarget.select([found("A", address: 4), found("B", address: 12)], serial: "B")
        #expect(chosen.info.address == 12)
    }

    @Test func aDeviceWhoseSerialCouldNotBeReadIsListedAsUnknown() {
        #expect(
            throws: InputError(
                "--serial",
                "no stimulator with serial A on USB; attached:\n  tonic-16 serial unknown (bus 003 address 100)")
        ) {
            try USBTarget.select([found(nil, address: 100)], serial: "A")
        }
    }
}
