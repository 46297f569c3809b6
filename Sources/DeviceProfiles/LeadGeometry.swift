/// How a profile's leads are built, in millimetres, for drawing them to scale
/// (`docs/device-profiles.md` §1, `geometry`).
///
/// Only the lead diagrams read it: the safety rules take each lead's contact area (`areaMM2`), so a
/// profile without geometry is checked the same and drawn as a schematic.
public struct LeadGeometry: Hashable, Sendable {
    /// How the contacts sit on the leads.
    public enum Kind: String, Sendable, CaseIterable {
        /// Cylindrical leads of ring contacts, every lead alike and drawn side by side.
        case percutaneous
        /// One paddle of pads whose columns are the profile's leads, in order.
        case paddle
    }

    public var kind: Kind
    /// A contact's extent along the lead, mm.
    public var contactLength: Double
    /// A contact's extent across the lead: a ring's diameter (the lead's), a pad's width, mm.
    public var contactWidth: Double
    /// The gap between neighbouring contacts of one lead, edge to edge (not centre to centre), mm.
    public var spacing: Double
    /// The gap between neighbouring columns of a paddle, edge to edge, mm; 0 for percutaneous leads.
    public var columnSpacing: Double

    /// Creates a geometry from values already checked to be above zero.
    public init(kind: Kind, contactLength: Double, contactWidth: Double, spacing: Double, columnSpacing: Double = 0) {
        self.kind = kind
        self.contactLength = contactLength
        self.contactWidth = contactWidth
        self.spacing = spacing
        self.columnSpacing = columnSpacing
    }
}
