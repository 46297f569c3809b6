/// The device-chosen number of an authenticated session, carried in every frame's header.
///
/// Zero means "no session": identify and openSession travel outside any session.
public struct SessionID: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// No session.
    public static let none = SessionID(rawValue: 0)

    public var description: String { "session " + String(rawValue) }
}
