import StimSafety

extension ProfileParser {
    /// The highest contact number a profile may use; the rules index contacts by number, so a typo such
    /// as `100000` must not turn into a huge table.
    static let highestContactNumber = 255

    /// Reads `leads`: a non-empty list of `{name, contacts, areaMM2}`, with contact numbers unique across
    /// all leads and every area greater than zero.
    static func leads(_ node: YAMLField) throws(InputError) -> [Lead] {
        let elements = try node.list()
        guard !elements.isEmpty else { throw node.error("must list at least one lead") }
        var leads: [Lead] = []
        var owners: [Int: (lead: String, path: String)] = [:]
        for element in elements {
            let fields = try element.mapping(.lead)
            let nameNode = try fields.required("name")
            let name = try nameNode.text()
            if leads.contains(where: { $0.name == name }) {
                throw nameNode.error("another lead is already named '\(name)'")
            }
            let contactsNode = try fields.required("contacts")
            let contactNodes = try contactsNode.list()
            guard !contactNodes.isEmpty else { throw contactsNode.error("must list at least one contact") }
            var contacts: [Int] = []
            for contactNode in contactNodes {
                let number = try contactNode.integer(.nonNegative)
                if number > highestContactNumber {
                    throw contactNode.error("must be at most \(highestContactNumber) (got \(number))")
                }
                if let owner = owners[number] {
                    throw contactNode.error("contact \(number) is already on lead \(owner.lead) (\(owner.path))")
                }
                owners[number] = (name, element.path)
                contacts.append(number)
            }
            let area: SquareMicrometers = try fields.required("areaMM2").quantity(SquareMicrometers.self, .positive)
            leads.append(Lead(name: name, contacts: contacts, area: area))
        }
        return leads
    }
}
