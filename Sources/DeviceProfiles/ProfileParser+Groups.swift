import StimSafety

extension ProfileParser {
    /// Reads `groups`: a list of `{name, slots: [first, last], pulseWidth: {min, max, step},
    /// frequency: {min, max, step | periodStep}}`, each narrowing the device's limits for its slots.
    ///
    /// Slots must lie within `1…programs` and belong to one group at most; a group's grids must lie
    /// within the device's own ranges.
    static func slotGroups(
        _ node: YAMLField, limits: DeviceLimits, programs: Int
    ) throws(InputError) -> [SlotGroup] {
        var groups: [SlotGroup] = []
        for item in try node.list() {
            let fields = try item.mapping(.group)
            let nameNode = try fields.required("name")
            let name = try nameNode.text()
            if groups.contains(where: { $0.name == name }) { throw nameNode.error("group '\(name)' is listed twice") }
            let slotsNode = try fields.required("slots")
            let bounds = try slotsNode.list()
            guard bounds.count == 2 else { throw slotsNode.error("must be [first, last], two slot numbers") }
            let first = try bounds[0].integer(.positive)
            let last = try bounds[1].integer(.positive)
            guard let low = Slot(number: first), let high = Slot(number: last), first <= last, last <= programs else {
                throw slotsNode.error("must be slots within 1…\(programs), first ≤ last (got [\(first), \(last)])")
            }
            if let clash = groups.first(where: { $0.slots.overlaps(low...high) }) {
                throw slotsNode.error("overlaps the slots of group '\(clash.name)'")
            }
            var group = SlotGroup(name: name, slots: low...high)
            if let widthNode = fields.optional("pulseWidth") {
                let grid: Grid<Nanoseconds> = try grid(widthNode, bound: .positive)
                guard grid.min >= limits.pulseWidth.min, grid.max <= limits.pulseWidth.max else {
                    throw widthNode.error(
                        "must lie within the device's pulse widths \(limits.pulseWidth.min.decimalText)…"
                            + "\(limits.pulseWidth.max.decimalText) µs")
                }
                group.pulseWidth = grid
            }
            if let rateNode = fields.optional("frequency") {
                let rates = try rateGrid(rateNode.mapping(.rates))
                let (low, high) = rates.bounds
                let outside = limits.waveforms.supported.compactMap { limits.waveforms.rates(for: $0) }.allSatisfy {
                    low < $0.bounds.min || high > $0.bounds.max
                }
                if outside {
                    throw rateNode.error("must lie within the rates of one of the device's waveforms")
                }
                group.rates = rates
            }
            groups.append(group)
        }
        return groups
    }
}
