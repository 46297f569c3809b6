import DeviceProfiles
import StimUSB
import Testing

@testable import SCSCommands

@Suite("The rows of scs usb list")
struct StimulatorListingTests {
    @Test func aDeviceThatCouldNotBeOpenedShowsWhyInTextAndJSON() throws {
        let profile = try ProfileSource.profile(id: "drg-4x4", in: nil)
        let info = USBDeviceInfo(
            id: USBDeviceID(vendorID: 0x1209, productID: 0x5C53), serialNumber: nil, bus: 2, address: 17,
            openError: .access)
        let found = FoundStimulator(info: info, profile: profile)
        let row = StimulatorListing(found)
        #expect(row.error == "Access denied (insufficient permissions) (LIBUSB_ERROR_ACCESS)")
        #expect(row.usb == "1209:5c53")
        #expect(found.nodePath == "/dev/bus/usb/002/017")
        let table = StimulatorListing.table([row])
        #expect(table.contains("(unreadable: Access denied (insufficient permissions) (LIBUSB_ERROR_ACCESS))"))
        #expect(table.contains("002  017"))
    }

    @Test func thePermissionAdviceGivesTheUdevRuleForTheStimulatorsVendor() {
        let advice = USBAdvice.permission(node: "/dev/bus/usb/002/017")
        #expect(advice.hasPrefix("permission denied opening /dev/bus/usb/002/017."))
        #expect(advice.contains(#"SUBSYSTEM=="usb", ATTRS{idVendor}=="1209", MODE="0660", TAG+="uaccess""#))
        #expect(advice.contains("sudo udevadm control --reload-rules && sudo udevadm trigger"))
    }
}
