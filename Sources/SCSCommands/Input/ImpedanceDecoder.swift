import DeviceProfiles
import StimSafety

/// Reads an impedance file: a JSON or YAML map of contact to ohms, `{"1": 812, "2": 790, "case": 95}`.
enum ImpedanceDecoder {
    /// Reads the impedance file at `path` (`-` for standard input).
    static func read(file path: String, limits: DeviceLimits) throws(InputError) -> MeasuredImpedances {
        try decode(try YAMLField.read(file: path), limits: limits)
    }

    /// Reads measurements; contacts that the device does not have, and a contact given twice (`1` and
    /// `01`), are errors, so a measurement is never silently dropped or replaced.
    static func decode(_ field: YAMLField, limits: DeviceLimits) throws(InputError) -> MeasuredImpedances {
        var measured: [ContactID: Milliohms] = [:]
        for (key, value) in try field.entries() {
            let contact = ContactID(key: key)
            switch contact {
            case .lead(let number) where limits.area(ofContact: number) != nil: break
            case .can: break
            default: throw value.error("contact '\(key)' does not exist on this device")
            }
            guard measured.updateValue(try value.quantity(Milliohms.self), forKey: contact) == nil else {
                throw value.error("contact '\(key)' is listed twice")
            }
        }
        return MeasuredImpedances(measured)
    }
}
