import StimUSB

/// What to tell a user who cannot reach a stimulator over USB.
enum USBAdvice {
    /// The udev rule that lets the logged-in user open every device of the stimulators' vendor id.
    static let udevRule =
        "SUBSYSTEM==\"usb\", ATTRS{idVendor}==\"\(hex4(StimulatorInterface.vendorID))\", MODE=\"0660\", "
        + "TAG+=\"uaccess\""

    /// Why a device node could not be opened, and how to allow it.
    static func permission(node: String) -> String {
        """
        permission denied opening \(node). Allow your user to open stimulators (vendor \
        0x\(hex4(StimulatorInterface.vendorID))) with a udev rule, then unplug and plug the device in again:
          echo '\(udevRule)' | sudo tee /etc/udev/rules.d/70-scs-stimulators.rules
          sudo udevadm control --reload-rules && sudo udevadm trigger
        """
    }

    /// What to check when no stimulator is found.
    static let noStimulator = """
        Check: the USB cable (a data cable, not a charging-only one) and that the stimulator is awake; \
        that you may open /dev/bus/usb (a udev rule for vendor 0x\(hex4(StimulatorInterface.vendorID)), see \
        `scs usb list --help`); or try a virtual stimulator: scs usb emulate -- scs usb list
        """
}
