/// What a device says it is, in the identify reply.
///
/// Wire form: protocol version (UInt8), then four strings, each a length (UInt8) and UTF-8 bytes:
/// profile id, model, serial, firmware version.
public struct DeviceIdentity: Hashable, Sendable {
    /// The protocol version the device speaks; a host refuses versions it does not know.
    public var protocolVersion: UInt8
    /// The device profile's id (`Devices/<id>.yaml`), which sets the device's limits.
    public var profileID: String
    /// The model's name.
    public var model: String
    /// The unit's serial number.
    public var serial: String
    /// The firmware version, as the device writes it.
    public var firmware: String

    public init(protocolVersion: UInt8, profileID: String, model: String, serial: String, firmware: String) {
        self.protocolVersion = protocolVersion
        self.profileID = profileID
        self.model = model
        self.serial = serial
        self.firmware = firmware
    }
}

extension ByteWriter {
    mutating func write(_ identity: DeviceIdentity) throws(EncodeError) {
        write(identity.protocolVersion)
        try write(identity.profileID, field: "profile id")
        try write(identity.model, field: "model")
        try write(identity.serial, field: "serial")
        try write(identity.firmware, field: "firmware")
    }
}

extension ByteReader {
    mutating func readIdentity() throws(PayloadError) -> DeviceIdentity {
        DeviceIdentity(
            protocolVersion: try read(field: "protocol version"), profileID: try readString(field: "profile id"),
            model: try readString(field: "model"), serial: try readString(field: "serial"),
            firmware: try readString(field: "firmware"))
    }
}
