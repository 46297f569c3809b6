import DeviceProfiles
import StimUSB

/// Finds the stimulators on USB by the vendor and product ids of the loaded device profiles.
enum StimulatorDiscovery {
    /// The USB id pairs of `profiles`, with the profile each names; profiles without `usb:` are left out.
    static func profilesByID(_ profiles: [DeviceProfile]) -> [USBDeviceID: DeviceProfile] {
        var byID: [USBDeviceID: DeviceProfile] = [:]
        for profile in profiles {
            guard let usb = profile.usb else { continue }
            byID[USBDeviceID(vendorID: usb.vendorId, productID: usb.productId)] = profile
        }
        return byID
    }

    /// The stimulators attached now, in libusb's order, found through `context`.
    ///
    /// Only devices with a profile's ids are opened (briefly, for the serial number); one that cannot
    /// be opened is still returned, with the reason in `info.openError`.
    static func find(in context: USBContext, profiles: [DeviceProfile]) throws(InputError) -> [FoundStimulator] {
        let byID = profilesByID(profiles)
        do {
            return try context.devices(matching: Set(byID.keys)).compactMap { info in
                byID[info.id].map { FoundStimulator(info: info, profile: $0) }
            }
        } catch {
            throw InputError(USBTarget.location, "libusb could not list the USB devices: \(error)")
        }
    }

    /// A libusb session, or bad input naming libusb when it cannot start (no USB support at all).
    static func makeContext() throws(InputError) -> USBContext {
        do {
            return try USBContext()
        } catch {
            throw InputError(USBTarget.location, "libusb could not start: \(error)")
        }
    }
}
