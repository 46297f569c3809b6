import DeviceProfiles
import StimSafety

extension LeadDiagram {
    /// Where the leads and their contacts go, in SVG pixels: to scale when the profile gives the leads'
    /// geometry, else each contact the same size and a lead's length following its number of contacts.
    struct Layout {
        /// Where the words about a contact go.
        enum Labels {
            /// The number inside, the share and note to the right: the schematic's wide contacts.
            case insideAndBeside
            /// All to the right: the narrow rings of a percutaneous lead drawn to scale.
            case beside
            /// The number inside, the share and note in a list right of the paddle, whose columns leave
            /// no room between them.
            case listed
        }

        /// The leads' names, above them.
        var names: [(text: String, x: Double)] = []
        /// The leads' (or the paddle's) outlines, with their corner radius.
        var outlines: [(box: Box, radius: Double)] = []
        var contacts: [(number: Int, box: Box)] = []
        var labels = Labels.insideAndBeside
        /// The right edge of the leads, where the case (and a paddle's list) go.
        var width = 0.0
        var height = 0.0
        /// Pixels per millimetre when drawn to scale.
        var scale: Double?

        static let top = 28.0
        /// The width of the words beside a contact, and of a measured impedance after them.
        static let besideWidth = 54.0
        static let noteWidth = 56.0
        static let contactWidth = 40.0
        static let contactHeight = 20.0
        private static let gap = 6.0
        /// However small the geometry, contacts are at least this many pixels apart (centre to centre),
        /// so that their words do not overlap, and a pad at least this wide, to hold its number.
        private static let minimumPitch = 22.0
        private static let minimumPadWidth = 28.0
        private static let minimumScale = 6.0

        init(leads: [Lead], geometry: LeadGeometry?, withNotes: Bool) {
            let extra = withNotes ? Self.noteWidth : 0
            let rows = Double(leads.map(\.contacts.count).max() ?? 0)
            guard let geometry else {
                let column = Self.contactWidth + Self.besideWidth + extra
                let pitch = Self.contactHeight + Self.gap
                place(leads, columnPitch: column, pitch: pitch, contact: (Self.contactWidth, Self.contactHeight))
                for (index, lead) in leads.enumerated() {
                    let box = Box(
                        x: 4 + Double(index) * column, y: Self.top - Self.gap,
                        width: Self.contactWidth + 8, height: Double(lead.contacts.count) * pitch + Self.gap)
                    outlines.append((box, Self.contactWidth / 2))
                }
                width = Double(leads.count) * column + 8
                height = Self.top + rows * pitch + Self.gap + 4
                return
            }
            let pitchMM = geometry.contactLength + geometry.spacing
            var scale = max(Self.minimumScale, Self.minimumPitch / pitchMM)
            if geometry.kind == .paddle { scale = max(scale, Self.minimumPadWidth / geometry.contactWidth) }
            self.scale = scale
            let contact = (geometry.contactWidth * scale, geometry.contactLength * scale)
            let length = rows * pitchMM * scale - geometry.spacing * scale
            switch geometry.kind {
            case .percutaneous:
                labels = .beside
                let column = contact.0 + 8 + Self.besideWidth + 34 + extra
                place(leads, columnPitch: column, pitch: pitchMM * scale, contact: contact)
                for index in leads.indices {
                    let box = Box(x: 8 + Double(index) * column, y: Self.top - 6, width: contact.0, height: length + 12)
                    outlines.append((box, contact.0 / 2))
                }
                width = Double(leads.count) * column + 8
                height = Self.top + length + 6
            case .paddle:
                labels = .listed
                let columnPitch = contact.0 + geometry.columnSpacing * scale
                place(leads, columnPitch: columnPitch, pitch: pitchMM * scale, contact: contact, inset: scale)
                let paddle = Box(
                    x: 8, y: Self.top,
                    width: Double(leads.count) * columnPitch - geometry.columnSpacing * scale + 2 * scale,
                    height: length + 2 * scale)
                outlines.append((paddle, scale))
                width = 8 + paddle.width + 12
                height = Self.top + paddle.height
            }
            height += 28  // the scale bar
        }

        /// Each lead a column `columnPitch` apart from x 8, its contacts `pitch` apart from the top, all
        /// `inset` inside the outline.
        private mutating func place(
            _ leads: [Lead], columnPitch: Double, pitch: Double, contact: (width: Double, height: Double),
            inset: Double = 0
        ) {
            for (index, lead) in leads.enumerated() {
                let x = 8 + inset + Double(index) * columnPitch
                names.append((lead.name, x))
                for (row, number) in lead.contacts.enumerated() {
                    let box = Box(
                        x: x, y: Self.top + inset + Double(row) * pitch, width: contact.width, height: contact.height)
                    contacts.append((number, box))
                }
            }
        }
    }

    /// A rectangle in SVG pixels.
    struct Box {
        var x: Double
        var y: Double
        var width = 0.0
        var height = 0.0
    }
}
