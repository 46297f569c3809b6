import StimSafety

/// A program's contacts drawn on a device's leads, as a self-contained SVG: each lead a column of
/// contacts numbered as the device numbers them, a cathode filled dark and marked `−`, an anode
/// outlined thick and marked `+`, each with its share, so that neither colour nor shape alone tells
/// them apart. The profiles give no contact geometry, so every contact is drawn the same size and a
/// lead's length follows its number of contacts. Styles are inline: the diagram needs no style sheet
/// (inline in HTML, as here; a file of its own also needs the SVG namespace).
package enum LeadDiagram {
    private static let contactWidth = 40
    private static let contactHeight = 20
    private static let gap = 6
    private static let columnWidth = 94
    private static let top = 28

    /// The SVG of `leads` (the profile's, in order) with the contacts of `shares` marked; `title`
    /// names the diagram for screen readers and as a tooltip. The can (`case`) is drawn beside the
    /// leads when it carries current; a contact on no lead is left out (see ``offLeads(_:shares:)``).
    ///
    /// `notes` adds a text after a contact's share (a measured impedance); `interactive` makes each
    /// contact, and the case when `showsCase`, a keyboard-focusable button carrying `data-contact`, for
    /// the browser programmer to act on.
    package static func svg(
        leads: [Lead], shares: [ContactShare], title: String, notes: [ContactID: String] = [:],
        interactive: Bool = false, showsCase: Bool = false
    ) -> String {
        let share = Dictionary(shares.map { ($0.contact, $0.percent) }) { first, _ in first }
        let columnWidth = notes.isEmpty ? Self.columnWidth : Self.columnWidth + 56
        var columns: [String] = []
        for (index, lead) in leads.enumerated() {
            let x = index * columnWidth + 8
            let length = lead.contacts.count * (contactHeight + gap) + gap
            var parts = [
                text(lead.name, x: x, y: 16, attributes: [("font-weight", "600")]),
                Markup.empty(
                    "rect",
                    [
                        ("x", "\(x - 4)"), ("y", "\(top - gap)"), ("width", "\(contactWidth + 8)"),
                        ("height", "\(length)"), ("rx", "\(contactWidth / 2)"), ("fill", "#eef2f6"),
                        ("stroke", "#9fb3c8"),
                    ]),
            ]
            for (row, number) in lead.contacts.enumerated() {
                parts.append(
                    contact(
                        .lead(number), share[.lead(number)], note: notes[.lead(number)], interactive: interactive, x: x,
                        y: top + row * (contactHeight + gap)))
            }
            columns.append(Markup.element("g", [], parts.joined()))
        }
        var width = leads.count * columnWidth + 8
        if share[.can] != nil || showsCase {
            columns.append(contact(.can, share[.can], note: notes[.can], interactive: interactive, x: width, y: top))
            width += columnWidth
        }
        let height = top + (leads.map(\.contacts.count).max() ?? 0) * (contactHeight + gap) + gap + 4
        return Markup.element(
            "svg",
            [
                ("class", "lead-diagram"), ("role", interactive ? "group" : "img"),
                ("viewBox", "0 0 \(width) \(height)"), ("width", "\(width)"), ("height", "\(height)"),
                ("font-family", "system-ui, sans-serif"), ("font-size", "11"),
            ],
            Markup.element("title", [], Markup.escape(title)) + columns.joined())
    }

    /// The contacts of `shares` that are on none of `leads` and not the can: what a diagram cannot
    /// show, for the report to list.
    package static func offLeads(_ leads: [Lead], shares: [ContactShare]) -> [ContactShare] {
        let numbers = Set(leads.flatMap(\.contacts))
        return shares.filter { share in
            switch share.contact {
            case .lead(let number): !numbers.contains(number)
            case .can: false
            case .unrecognized: true
            }
        }
    }

    /// One contact at (`x`, `y`): its number inside, its polarity, share and note beside it.
    private static func contact(
        _ id: ContactID, _ percent: Percent?, note: String?, interactive: Bool, x: Int, y: Int
    ) -> String {
        let label = id.description
        let isCathode = (percent?.rawValue ?? 0) < 0
        let fill = isCathode ? "#1f2933" : "#ffffff"
        let stroke = percent == nil ? "#9fb3c8" : "#1f2933"
        let mark = percent == nil ? "" : isCathode ? " −" : " +"
        var parts = [
            Markup.empty(
                "rect",
                [
                    ("x", "\(x)"), ("y", "\(y)"), ("width", "\(contactWidth)"), ("height", "\(contactHeight)"),
                    ("rx", "3"), ("fill", fill), ("stroke", stroke), ("stroke-width", percent == nil ? "1" : "2.5"),
                ]),
            text(
                label + mark, x: x + contactWidth / 2, y: y + 14,
                fill: isCathode ? "#ffffff" : percent == nil ? "#52606d" : "#1f2933",
                attributes: [("text-anchor", "middle"), ("font-weight", percent == nil ? "400" : "700")]),
        ]
        let beside = [percent.map(ProgramText.share), note].compactMap(\.self).joined(separator: " · ")
        if !beside.isEmpty { parts.append(text(beside, x: x + contactWidth + 6, y: y + 14)) }
        guard interactive else { return Markup.element("g", [], parts.joined()) }
        let role = percent.map { $0.rawValue < 0 ? "cathode " : "anode " } ?? "off"
        let spoken = "contact \(label), \(role)\(beside.isEmpty ? "" : beside)"
        return Markup.element(
            "g",
            [
                ("data-contact", label), ("role", "button"), ("tabindex", "0"), ("class", "contact"),
                ("aria-label", spoken),
            ], parts.joined())
    }

    private static func text(
        _ value: String, x: Int, y: Int, fill: String = "#1f2933", attributes: [(String, String)] = []
    ) -> String {
        Markup.element("text", [("x", "\(x)"), ("y", "\(y)"), ("fill", fill)] + attributes, Markup.escape(value))
    }
}
