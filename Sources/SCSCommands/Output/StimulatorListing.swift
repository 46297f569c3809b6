import DeviceProfiles
import StimUSB

/// One row of `scs usb list`: a stimulator found on USB, as people and programs read it.
struct StimulatorListing: Encodable, Equatable {
    /// The profile id the USB ids name.
    var profile: String
    /// The profile's model name.
    var model: String
    /// The serial number string; nil when the device could not be opened to read it.
    var serial: String?
    var bus: Int
    var address: Int
    /// Vendor and product id, `1209:5c50`.
    var usb: String
    /// Why the device could not be opened (libusb's words), nil when it could.
    var error: String?

    init(_ found: FoundStimulator) {
        profile = found.profile.id
        model = found.profile.name
        serial = found.info.serialNumber
        bus = Int(found.info.bus)
        address = Int(found.info.address)
        usb = found.info.id.description
        error = found.info.openError.map { "\($0)" }
    }

    /// The rows as an aligned table.
    static func table(_ rows: [StimulatorListing]) -> String {
        var table = TextTable(["profile", "model", "serial", "bus", "address", "usb"])
        for row in rows {
            table.add([
                row.profile, row.model, row.serial ?? "(unreadable: \(row.error ?? "unknown"))",
                threeDigits(UInt8(row.bus)), threeDigits(UInt8(row.address)), row.usb,
            ])
        }
        return table.render()
    }
}
