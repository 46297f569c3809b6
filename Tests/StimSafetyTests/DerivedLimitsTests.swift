import Testing

@testable import StimSafety

/// The forms the fast entry point compares against, each checked against the arithmetic it replaces.
@Suite("Limits derived for the fast entry point")
struct DerivedLimitsTests {
    static let steps: [Int64] = [1, 2, 3, 7, 8, 10, 500, 1000, 1024, 2500, 12_345, 1 << 40, Int64.max - 1, Int64.max]

    @Test("Divisibility by multiplication agrees with the remainder for every step", arguments: steps)
    func divisibilityAgreesWithRemainder(step: Int64) {
        let test = DivisibilityTest(step: step)
        var rng = SplitMix(seed: UInt64(bitPattern: step))
        var values: [Int64] = [0, 1, -1, step, -step, Int64.max, Int64.min, Int64.min + 1, step &* 3, step &- 1]
        for _ in 0..<20_000 {
            values.append(Int64(bitPattern: rng.next()))
            values.append(step &* Int64.random(in: -100_000...100_000, using: &rng))
            values.append(Int64.random(in: -1_000_000...1_000_000, using: &rng))
        }
        for value in values {
            #expect(test.isMultiple(value) == (value.magnitude % UInt64(step) == 0), "\(value) by \(step)")
        }
    }

    @Test("A step that is not positive accepts every value")
    func nonPositiveStepAcceptsAll() {
        for step: Int64 in [0, -5] {
            #expect(DivisibilityTest(step: step).isMultiple(12_345))
        }
    }

    @Test("The Shannon edge on Q² exceeds exactly where Q² / A exceeds the bound")
    func shannonEdgeIsExact() {
        var rng = SplitMix(seed: 7)
        for _ in 0..<300 {
            let area = ContactLoad.squareCentimetres(
                SquareMicrometers(rawValue: Int64.random(in: 1...100_000_000_000, using: &rng)))
            let bound = shannonThreshold(ShannonLimits(warn: .random(in: -3...4, using: &rng), reject: nil).warnBound)
            let edge = AreaBounds.squaredChargeLimit(area: area, bound: bound)
            for x in [edge, edge.nextUp, edge.nextDown, edge.nextUp.nextUp, edge.nextDown.nextDown, edge * 1.5] {
                #expect((x / area > bound) == (x > edge), "x \(x), area \(area), bound \(bound)")
            }
        }
        #expect(AreaBounds.squaredChargeLimit(area: 0.1225, bound: .infinity) == .infinity)
        #expect(AreaBounds.squaredChargeLimit(area: 0.1225, bound: .nan) == .infinity)
        #expect(AreaBounds.squaredChargeLimit(area: 0.1225, bound: -1) == -.infinity)
    }

    static let models: [BatteryModel] = [
        BatteryModel(kind: .rechargeable, capacity: 300),
        BatteryModel(kind: .rechargeable, capacity: 50, usableFraction: 0.6, quiescentCurrent: 3, efficiency: 0.7),
        BatteryModel(kind: .primary, capacity: 1000, minimumLongevityYears: 3),
        BatteryModel(
            kind: .primary, capacity: 8766, quiescentCurrent: 1e-3, cellVoltage: 2.9, minimumLongevityYears: 1),
    ]

    @Test("The battery edge splits the loads exactly where the rule's arithmetic starts to warn", arguments: models)
    func batteryEdgeIsExact(model: BatteryModel) throws {
        let edge = try #require(BatteryEdge(model))
        let warns = { (load: Double) in model.warns(batteryCurrent: model.batteryCurrent(supplyLoad: load)) }
        let limit = edge.limit
        for load in [limit, limit.nextUp, limit.nextDown, 0, limit / 2, limit * 2] {
            #expect(warns(load) == (load > limit), "load \(load), edge \(limit)")
        }
    }

    @Test("The battery estimate never decides against the rule's own load", arguments: models)
    func batteryEstimateAgreesWithTheRule(model: BatteryModel) throws {
        let edge = try #require(BatteryEdge(model))
        var rng = SplitMix(seed: 11)
        var decided = 0
        for _ in 0..<20_000 {
            let amplitude = Nanoamps(rawValue: Int64.random(in: 0...25_500_000, using: &rng))
            let pulseWidth = Nanoseconds(rawValue: Int64.random(in: 0...1_000_000, using: &rng))
            let rate = Millihertz(rawValue: Int64.random(in: 1...10_000_000, using: &rng))
            let recovery = Recovery.allCases.randomElement(using: &rng)!
            let duty =
                Bool.random(using: &rng) ? 1 : Cycling(on: Milliseconds(units: 30), off: Milliseconds(units: 90)).duty
            let supply = Double.random(in: 2.5...30, using: &rng)
            let stimulation = BatteryEstimate.stimulationCurrent(
                amplitude: amplitude, pulseWidth: pulseWidth, pulseRate: rate.doubleValue * duty, recovery: recovery)
            // Scaled so that the load lands near the edge about half the time.
            let scale =
                edge.limit / (supply * stimulation)
                * Double.random(in: 0.999_999_999_99...1.000_000_000_01, using: &rng)
            let scaledSupply = Bool.random(using: &rng) && scale.isFinite && scale > 0 ? supply * scale : supply
            let load = scaledSupply * stimulation
            guard
                let clearly = edge.warnsClearly(
                    amplitude: amplitude.rawValue, pulseWidth: pulseWidth.rawValue, rate: rate.rawValue,
                    phases: recovery == .active ? 2 : 1, duty: duty, supply: scaledSupply)
            else { continue }
            decided += 1
            #expect(clearly == (load > edge.limit), "load \(load), edge \(edge.limit)")
        }
        #expect(decided > 10_000)
    }

    @Test("A battery model without a monotone edge has none, and the rule decides instead")
    func modelsWithoutEdge() {
        #expect(BatteryEdge(BatteryModel(kind: .rechargeable, capacity: 300, quiescentCurrent: 0)) == nil)
        #expect(BatteryEdge(BatteryModel(kind: .rechargeable, capacity: 300, efficiency: 0)) == nil)
        #expect(BatteryEdge(BatteryModel(kind: .rechargeable, capacity: .infinity)) == nil)
    }
}
