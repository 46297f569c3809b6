import DeviceProfiles
import StimSafety

/// A program's contacts drawn on a device's leads, as a self-contained SVG: contacts numbered as the
/// device numbers them, a cathode filled dark and marked `−`, an anode outlined thick and marked `+`,
/// each with its share, so that neither colour nor shape alone tells them apart. With the profile's
/// lead geometry the leads are drawn to scale (a scale bar says how); without it every contact is drawn
/// the same size. Styles are inline: the diagram needs no style sheet (inline in HTML, as here; a file
/// of its own also needs the SVG namespace).
package enum LeadDiagram {
    /// The SVG of `leads` (the profile's, in order, with its `geometry` when it has one) with the
    /// contacts of `shares` marked; `title` names the diagram for screen readers and as a tooltip. The
    /// can (`case`) is drawn beside the leads when it carries current; a contact on no lead is left out
    /// (see ``offLeads(_:shares:)``).
    ///
    /// `notes` adds a text after a contact's share (a measured impedance); `interactive` makes each
    /// contact, and the case when `showsCase`, a keyboard-focusable button carrying `data-contact`, for
    /// the browser programmer to act on.
    package static func svg(
        leads: [Lead], geometry: LeadGeometry? = nil, shares: [ContactShare], title: String,
        notes: [ContactID: String] = [:], interactive: Bool = false, showsCase: Bool = false
    ) -> String {
        let share = Dictionary(shares.map { ($0.contact, $0.percent) }) { first, _ in first }
        let layout = Layout(leads: leads, geometry: geometry, withNotes: !notes.isEmpty)
        var parts = layout.names.map { text($0.text, x: $0.x, y: 16, attributes: [("font-weight", "600")]) }
        for (box, radius) in layout.outlines {
            parts.append(
                Markup.empty(
                    "rect", rectangle(box) + [("rx", number(radius)), ("fill", "#eef2f6"), ("stroke", "#9fb3c8")]))
        }
        for (number, box) in layout.contacts {
            let id = ContactID.lead(number)
            parts.append(
                contact(id, share[id], note: notes[id], interactive: interactive, box: box, labels: layout.labels))
        }
        var width = layout.width
        if share[.can] != nil || showsCase {
            let box = Box(x: width, y: Layout.top, width: Layout.contactWidth, height: Layout.contactHeight)
            parts.append(
                contact(
                    .can, share[.can], note: notes[.can], interactive: interactive, box: box, labels: .insideAndBeside))
            width += Layout.contactWidth + Layout.besideWidth + (notes.isEmpty ? 0 : Layout.noteWidth)
        }
        var height = layout.height
        if layout.labels == .listed {
            let listed = layout.contacts.map { ContactID.lead($0.number) }.filter {
                share[$0] != nil || notes[$0] != nil
            }
            for (row, id) in listed.enumerated() {
                let words = [share[id].map(ProgramText.share), notes[id]].compactMap(\.self).joined(separator: " · ")
                parts.append(text("\(id)\(mark(share[id])): \(words)", x: width, y: Layout.top + 14 + Double(row) * 16))
            }
            if !listed.isEmpty { width += 150 }
            height = max(height, Layout.top + Double(listed.count) * 16 + 8)
        }
        if let scale = layout.scale {
            // A 10 mm bar, so that a reader sees the scale the geometry gave.
            let y = height - 12
            parts.append(
                Markup.empty(
                    "rect", rectangle(Box(x: 8, y: y - 3, width: 10 * scale, height: 3)) + [("fill", "#52606d")]))
            parts.append(text("10 mm", x: 14 + 10 * scale, y: y, fill: "#52606d"))
            width = max(width, 60 + 10 * scale)
        }
        return Markup.element(
            "svg",
            [
                ("class", "lead-diagram"), ("role", interactive ? "group" : "img"),
                ("viewBox", "0 0 \(number(width)) \(number(height))"), ("width", number(width)),
                ("height", number(height)), ("font-family", "system-ui, sans-serif"), ("font-size", "11"),
            ],
            Markup.element("title", [], Markup.escape(title)) + parts.joined())
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

    /// One contact in `box`: its number, polarity, share and note where `labels` puts them.
    private static func contact(
        _ id: ContactID, _ percent: Percent?, note: String?, interactive: Bool, box: Box, labels: Layout.Labels
    ) -> String {
        let label = id.description + mark(percent)
        let isCathode = (percent?.rawValue ?? 0) < 0
        let fill = isCathode ? "#1f2933" : "#ffffff"
        let stroke = percent == nil ? "#9fb3c8" : "#1f2933"
        let weight = percent == nil ? "400" : "700"
        let beside = [percent.map(ProgramText.share), note].compactMap(\.self).joined(separator: " · ")
        let middle = box.y + box.height / 2 + 4
        var parts = [
            Markup.empty(
                "rect",
                rectangle(box) + [
                    ("rx", "3"), ("fill", fill), ("stroke", stroke), ("stroke-width", percent == nil ? "1" : "2.5"),
                ])
        ]
        if labels == .beside {
            // The words sit right of a ring too narrow to hold them; in the page, the row is the button.
            if interactive {
                parts.insert(
                    Markup.empty(
                        "rect",
                        rectangle(Box(x: box.x, y: middle - 12, width: box.width + 40, height: 16))
                            + [("fill", "transparent")]), at: 0)
            }
            parts.append(
                text(
                    label, x: box.x + box.width + 6, y: middle, fill: percent == nil ? "#52606d" : "#1f2933",
                    attributes: [("font-weight", weight)]))
            if !beside.isEmpty { parts.append(text(beside, x: box.x + box.width + 40, y: middle)) }
        } else {
            parts.append(
                text(
                    label, x: box.x + box.width / 2, y: middle,
                    fill: isCathode ? "#ffffff" : percent == nil ? "#52606d" : "#1f2933",
                    attributes: [("text-anchor", "middle"), ("font-weight", weight)]))
            if labels == .insideAndBeside, !beside.isEmpty {
                parts.append(text(beside, x: box.x + box.width + 6, y: middle))
            }
        }
        guard interactive else { return Markup.element("g", [], parts.joined()) }
        let role = percent.map { $0.rawValue < 0 ? "cathode " : "anode " } ?? "off"
        let spoken = "contact \(id), \(role)\(beside.isEmpty ? "" : beside)"
        return Markup.element(
            "g",
            [
                ("data-contact", id.description), ("role", "button"), ("tabindex", "0"), ("class", "contact"),
                ("aria-label", spoken),
            ], parts.joined())
    }

    /// ` −` for a cathode, ` +` for an anode, nothing for a contact off.
    private static func mark(_ percent: Percent?) -> String {
        guard let percent else { return "" }
        return percent.rawValue < 0 ? " −" : " +"
    }

    private static func rectangle(_ box: Box) -> [(String, String)] {
        [("x", number(box.x)), ("y", number(box.y)), ("width", number(box.width)), ("height", number(box.height))]
    }

    /// A coordinate with at most one decimal.
    private static func number(_ value: Double) -> String { Format.number(value, decimals: 1) }

    private static func text(
        _ value: String, x: Double, y: Double, fill: String = "#1f2933", attributes: [(String, String)] = []
    ) -> String {
        Markup.element(
            "text", [("x", number(x)), ("y", number(y)), ("fill", fill)] + attributes, Markup.escape(value))
    }
}
