import StimSafety

/// One stimulator model as described by a `Devices/*.yaml` file: its identity and everything the
/// safety rules need (`limits`).
///
/// Profiles are data, never code constants: a new device is a new file. Load one with
/// ``init(contentsOf:displayPath:)`` or ``init(yaml:path:)``, or a whole folder with ``DeviceCatalog``.
public struct DeviceProfile: Sendable {
    /// The unique id used on the command line and in recordings (`tonic-16`).
    public var id: String
    /// A human-readable name.
    public var name: String
    /// Free text naming what the model is based on.
    public var modeledOn: String
    /// How the output is regulated; only current-controlled outputs are supported.
    public var output: Output
    /// The number of program slots the device stores, 1 … ``maximumPrograms``.
    public var programs: Int
    /// How the USB transport finds this model, if it has a USB presence.
    public var usb: USBIdentity?
    /// The file the profile was read from, as shown in messages.
    public var sourcePath: String
    /// Everything the safety rules need, in exact units.
    public var limits: DeviceLimits
    /// The fields the profile marks as assumed (a `# … assumed …` comment on the value's line), by
    /// path (`battery.usableFraction`), sorted: a figure resting on one is marked as such.
    public var assumedFields: [String] = []
    /// How the leads are built, for drawing them to scale; nil when the profile does not say.
    public var geometry: LeadGeometry?

    /// The most program slots a profile may declare: a slot travels as one byte on the wire, and
    /// slot 0 there means "no slot", so slots are numbered 1 … 255.
    public static let maximumPrograms = 255

    /// Creates a profile from parts already checked.
    public init(
        id: String, name: String, modeledOn: String, output: Output = .current, programs: Int,
        usb: USBIdentity?, sourcePath: String, limits: DeviceLimits
    ) {
        self.id = id
        self.name = name
        self.modeledOn = modeledOn
        self.output = output
        self.programs = programs
        self.usb = usb
        self.sourcePath = sourcePath
        self.limits = limits
    }

    /// How a stimulator regulates its output.
    public enum Output: String, Sendable, CaseIterable {
        /// The device drives a programmed current whatever the load (within compliance).
        case current
    }
}

/// The USB vendor and product ids of a stimulator model.
public struct USBIdentity: Hashable, Sendable, CustomStringConvertible {
    /// The USB vendor id (0x1209 is pid.codes, for open hardware).
    public var vendorId: UInt16
    /// The USB product id, distinct per model.
    public var productId: UInt16

    /// Creates an identity from the two ids.
    public init(vendorId: UInt16, productId: UInt16) {
        self.vendorId = vendorId
        self.productId = productId
    }

    /// The ids as `1209:5c50`, the way `lsusb` prints them.
    public var description: String { hex(vendorId) + ":" + hex(productId) }

    private func hex(_ value: UInt16) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
