import StimSafety

extension ProfileParser {
    /// Reads `geometry`: `kind` `percutaneous` with `diameter`, `contactLength` and `spacing`, or `paddle`
    /// with `rows`, `columns`, `contactLength`, `contactWidth`, `spacing` and `columnSpacing`, all in mm
    /// and above zero; a paddle's columns are the leads, so `columns` must count them and `rows` each
    /// one's contacts.
    static func leadGeometry(_ node: YAMLField, leads: [Lead]) throws(InputError) -> LeadGeometry {
        let kind = try node.required("kind").choice(LeadGeometry.Kind.self)
        switch kind {
        case .percutaneous:
            let fields = try node.mapping(.percutaneous)
            return LeadGeometry(
                kind: kind, contactLength: try fields.required("contactLength").real(.positive),
                contactWidth: try fields.required("diameter").real(.positive),
                spacing: try fields.required("spacing").real(.positive))
        case .paddle:
            let fields = try node.mapping(.paddle)
            let columnsNode = try fields.required("columns")
            let columns = try columnsNode.integer(.positive)
            guard columns == leads.count else {
                throw columnsNode.error("must equal the number of leads, each a column of the paddle (\(leads.count))")
            }
            let rowsNode = try fields.required("rows")
            let rows = try rowsNode.integer(.positive)
            if let lead = leads.first(where: { $0.contacts.count != rows }) {
                throw rowsNode.error("lead \(lead.name) has \(lead.contacts.count) contacts, not \(rows)")
            }
            return LeadGeometry(
                kind: kind, contactLength: try fields.required("contactLength").real(.positive),
                contactWidth: try fields.required("contactWidth").real(.positive),
                spacing: try fields.required("spacing").real(.positive),
                columnSpacing: try fields.required("columnSpacing").real(.positive))
        }
    }
}
