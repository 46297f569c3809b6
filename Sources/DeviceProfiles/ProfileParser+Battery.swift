import StimSafety

extension ProfileParser {
    /// Reads `battery`: `kind` and `capacity` (mAh) are required; the model constants default to
    /// `safety-rules.md` §3 (η 0.8, V_H,min 2.5 V, cell 3.6 V, I_q 10 µA, usable 0.8).
    static func batteryModel(_ node: YAMLField, complianceVoltage: Millivolts) throws(InputError) -> BatteryModel {
        let fields = try node.mapping(.battery)
        let kindNode = try fields.required("kind")
        let kindText = try kindNode.text()
        guard let kind = BatteryModel.Kind(rawValue: kindText) else {
            let known = BatteryModel.Kind.allCases.map(\.rawValue).joined(separator: " or ")
            throw kindNode.error("must be \(known) (got '\(kindText)')")
        }
        var model = BatteryModel(kind: kind, capacity: try fields.required("capacity").real(.positive))
        if let value = fields.optional("usableFraction") { model.usableFraction = try fraction(value) }
        if let value = fields.optional("efficiency") { model.efficiency = try fraction(value) }
        if let value = fields.optional("quiescentCurrent") { model.quiescentCurrent = try value.real(.nonNegative) }
        if let value = fields.optional("cellVoltage") { model.cellVoltage = try value.real(.positive) }
        let stimVoltageNode = fields.optional("minimumStimVoltage")
        if let stimVoltageNode { model.minimumStimVoltage = try stimVoltageNode.real(.positive) }
        if model.minimumStimVoltage > complianceVoltage.doubleValue {
            throw (stimVoltageNode ?? node).error(
                "minimumStimVoltage must not exceed complianceVoltage (got \(model.minimumStimVoltage) > "
                    + "\(complianceVoltage.decimalText))")
        }
        if let value = fields.optional("minimumLongevityYears") {
            guard kind == .primary else {
                throw value.error("applies only to a primary battery (this one is \(kind.rawValue)); use null")
            }
            model.minimumLongevityYears = try value.real(.positive)
        }
        return model
    }

    /// A fraction in (0, 1].
    private static func fraction(_ node: YAMLField) throws(InputError) -> Double {
        let value = try node.real(.positive)
        if value > 1 { throw node.error("must be at most 1 (got \(value))") }
        return value
    }
}
