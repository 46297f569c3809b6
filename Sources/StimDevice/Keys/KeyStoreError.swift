import StimProtocol

/// Why the text of a key file is not a key store, with the line it concerns.
public struct KeyStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The 1-based line of the file, when the problem is on one.
    public var line: Int?
    public var reason: Reason

    public init(line: Int?, reason: Reason) {
        self.line = line
        self.reason = reason
    }

    /// What went wrong.
    public enum Reason: Hashable, Sendable {
        /// No `scs-keys` format line before the keys.
        case notAKeyFile
        /// A format version this code does not read.
        case unsupportedVersion(String)
        /// A line that is not two words.
        case malformedLine
        /// A role name other than `clinician` or `patient`.
        case unknownRole(String)
        /// A role listed twice.
        case duplicateRole(Role)
        /// A key that is not an even number of hex digits.
        case invalidHex
        /// A key shorter than `DeviceKey.minimumLength` bytes.
        case keyTooShort(length: Int)
    }

    public var description: String {
        let place = line.map { "line \($0): " } ?? ""
        switch reason {
        case .notAKeyFile: return place + "not a key file (expected '\(DeviceKeyStore.formatName) 1' first)"
        case .unsupportedVersion(let version): return place + "unsupported key file version \(version)"
        case .malformedLine: return place + "expected '<role> <hex key>'"
        case .unknownRole(let role): return place + "unknown role '\(role)' (expected clinician or patient)"
        case .duplicateRole(let role): return place + "a second key for \(role)"
        case .invalidHex: return place + "the key is not an even number of hex digits"
        case .keyTooShort(let length):
            return place + "a \(length)-byte key is too short (at least \(DeviceKey.minimumLength) bytes)"
        }
    }
}
