/// A key of a program's contact map: a numbered lead contact, the IPG case, or a key that names
/// neither (reported as `contacts.unknown`, never as bad input).
public enum ContactID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// A numbered contact on one of the leads.
    case lead(Int)
    /// The implanted pulse generator's can.
    case can
    /// A key that is neither a contact number nor `case`.
    case unrecognized(String)

    /// Reads a key as written in a program or recording: digits are a contact number, `case` is the
    /// can, anything else is kept as written.
    public init(key: some StringProtocol) {
        if key == "case" {
            self = .can
        } else if !key.isEmpty, key.count <= 9, key.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let number = Int(key) {
            self = .lead(number)
        } else {
            self = .unrecognized(String(key))
        }
    }

    /// The key as it is written in programs and recordings.
    public var description: String {
        switch self {
        case .lead(let number): String(number)
        case .can: "case"
        case .unrecognized(let key): key
        }
    }

    public static func < (lhs: ContactID, rhs: ContactID) -> Bool {
        switch (lhs, rhs) {
        case (.lead(let a), .lead(let b)): a < b
        case (.lead, _): true
        case (.can, .lead): false
        case (.can, .can): false
        case (.can, .unrecognized): true
        case (.unrecognized(let a), .unrecognized(let b)): a < b
        case (.unrecognized, _): false
        }
    }
}

/// One entry of a program's contact map.
public struct ContactShare: Hashable, Sendable {
    /// The contact.
    public var contact: ContactID
    /// Its signed share of the program current (negative cathode, positive anode, zero off).
    public var percent: Percent

    public init(_ contact: ContactID, _ percent: Percent) {
        self.contact = contact
        self.percent = percent
    }
}
