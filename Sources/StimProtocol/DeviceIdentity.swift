/// What a device says it is, in the identify reply.
///
/// Wire form (version 2): the protocol versions the device speaks (a count, UInt8 1–255, then one
/// UInt8 each, strictly ascending), then four strings, each a length (UInt8) and UTF-8 bytes: profile
/// id, model, serial, firmware version. Version 1's form has room for one version: a single UInt8,
/// then the same strings; a device answers a version-1 identify in that form with its newest version
/// (`docs/protocol.md` §1, "Versions").
public struct DeviceIdentity: Hashable, Sendable {
    /// The protocol versions the device speaks, ascending; a host refuses a device whose list lacks its
    /// own.
    public var protocolVersions: [UInt8]
    /// The device profile's id (`Devices/<id>.yaml`), which sets the device's limits.
    public var profileID: String
    /// The model's name.
    public var model: String
    /// The unit's serial number.
    public var serial: String
    /// The firmware version, as the device writes it.
    public var firmware: String

    public init(protocolVersions: [UInt8], profileID: String, model: String, serial: String, firmware: String) {
        self.protocolVersions = protocolVersions
        self.profileID = profileID
        self.model = model
        self.serial = serial
        self.firmware = firmware
    }
}

extension ByteWriter {
    /// Writes `identity` in the form of protocol `version`.
    mutating func write(_ identity: DeviceIdentity, version: UInt8) throws(EncodeError) {
        let versions = identity.protocolVersions
        guard !versions.isEmpty, zip(versions, versions.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw .valueOutOfRange(field: "protocol versions", value: versions.count)
        }
        if version == 1 {
            write(versions.last ?? 0)
        } else {
            try writeCount(versions.count, field: "protocol versions")
            write(contentsOf: versions)
        }
        try write(identity.profileID, field: "profile id")
        try write(identity.model, field: "model")
        try write(identity.serial, field: "serial")
        try write(identity.firmware, field: "firmware")
    }
}

extension ByteReader {
    /// Reads an identity in the form of protocol `version`.
    mutating func readIdentity(version: UInt8) throws(PayloadError) -> DeviceIdentity {
        var versions: [UInt8]
        if version == 1 {
            versions = [try read(field: "protocol version")]
        } else {
            let count: UInt8 = try read(field: "protocol versions")
            guard count > 0 else { throw .invalidValue(field: "protocol versions", value: 0) }
            versions = []
            for _ in 0..<count {
                let next: UInt8 = try read(field: "protocol version")
                if let last = versions.last, next <= last {
                    throw .invalidValue(field: "protocol version", value: Int(next))
                }
                versions.append(next)
            }
        }
        return DeviceIdentity(
            protocolVersions: versions, profileID: try readString(field: "profile id"),
            model: try readString(field: "model"), serial: try readString(field: "serial"),
            firmware: try readString(field: "firmware"))
    }
}
