import CUMockdev

/// A usbfs ioctl request number (`USBDEVFS_*` of `linux/usbdevice_fs.h`), as the client passed it.
struct UsbfsRequest: RawRepresentable, Hashable, Sendable {
    let rawValue: UInt

    init(rawValue: UInt) {
        self.rawValue = rawValue
    }

    /// A synchronous control transfer (`USBDEVFS_CONTROL`).
    static let control = UsbfsRequest(rawValue: cumockdev_usbdevfs_control())

    /// A synchronous bulk transfer (`USBDEVFS_BULK`).
    static let bulk = UsbfsRequest(rawValue: cumockdev_usbdevfs_bulk())

    /// Reset an endpoint's toggle (`USBDEVFS_RESETEP`).
    static let resetEndpoint = UsbfsRequest(rawValue: cumockdev_usbdevfs_resetep())

    /// Select an alternate setting (`USBDEVFS_SETINTERFACE`).
    static let setInterface = UsbfsRequest(rawValue: cumockdev_usbdevfs_setinterface())

    /// Select a configuration (`USBDEVFS_SETCONFIGURATION`).
    static let setConfiguration = UsbfsRequest(rawValue: cumockdev_usbdevfs_setconfiguration())

    /// Ask which kernel driver has an interface (`USBDEVFS_GETDRIVER`).
    static let getDriver = UsbfsRequest(rawValue: cumockdev_usbdevfs_getdriver())

    /// Queue a transfer (`USBDEVFS_SUBMITURB`).
    static let submitURB = UsbfsRequest(rawValue: cumockdev_usbdevfs_submiturb())

    /// Cancel a queued transfer (`USBDEVFS_DISCARDURB`).
    static let discardURB = UsbfsRequest(rawValue: cumockdev_usbdevfs_discardurb())

    /// Wait for a finished transfer (`USBDEVFS_REAPURB`).
    static let reapURB = UsbfsRequest(rawValue: cumockdev_usbdevfs_reapurb())

    /// Take a finished transfer if there is one (`USBDEVFS_REAPURBNDELAY`).
    static let reapURBNoDelay = UsbfsRequest(rawValue: cumockdev_usbdevfs_reapurbndelay())

    /// Claim an interface (`USBDEVFS_CLAIMINTERFACE`).
    static let claimInterface = UsbfsRequest(rawValue: cumockdev_usbdevfs_claiminterface())

    /// Release a claimed interface (`USBDEVFS_RELEASEINTERFACE`).
    static let releaseInterface = UsbfsRequest(rawValue: cumockdev_usbdevfs_releaseinterface())

    /// Reset the device (`USBDEVFS_RESET`).
    static let reset = UsbfsRequest(rawValue: cumockdev_usbdevfs_reset())

    /// Clear an endpoint's halt (`USBDEVFS_CLEAR_HALT`).
    static let clearHalt = UsbfsRequest(rawValue: cumockdev_usbdevfs_clear_halt())

    /// Ask which usbfs features the kernel has (`USBDEVFS_GET_CAPABILITIES`).
    static let getCapabilities = UsbfsRequest(rawValue: cumockdev_usbdevfs_get_capabilities())

    /// Detach a kernel driver and claim in one step (`USBDEVFS_DISCONNECT_CLAIM`).
    static let disconnectClaim = UsbfsRequest(rawValue: cumockdev_usbdevfs_disconnect_claim())

    /// Ask the device's speed (`USBDEVFS_GET_SPEED`).
    static let getSpeed = UsbfsRequest(rawValue: cumockdev_usbdevfs_get_speed())
}
