import PropertyBased
import Testing

@testable import StimSafety

/// The send gate prepared once for a program answers at every amplitude as the unprepared gate and the
/// full validation do: what it holds does not depend on the amplitude.
@Suite("Prepared send gate")
struct PreparedGatePropertyTests {
    @Test("A gate prepared for a program answers at any amplitude as both entry points do")
    func preparedGateAgreesAtEveryAmplitude() async {
        var allowed = 0
        var refused = 0
        await propertyCheck(count: 1500, input: ProgramSample.generator, Gen.int(in: 0...1_000_000)) { sample, seed in
            let limits = sample.limits
            var context = sample.context
            // Every other sample acknowledges what warned at the programmed amplitude, so that warnings at
            // other amplitudes decide some answers.
            if seed % 2 == 0 {
                let validation = limits.validate(sample.program, context: context)
                context.acknowledged = RuleSet(validation.findings.filter { $0.severity == .warning }.map(\.rule))
            }
            let gate = limits.prepareSendGate(for: sample.program, context: context)
            var random = SplitMix(seed: UInt64(seed))
            for amplitude in Self.amplitudes(around: sample.program, limits: limits, using: &random) {
                var program = sample.program
                program.amplitude = amplitude
                let prepared = limits.maySend(program, context: context, preparedGate: gate)
                #expect(prepared == limits.maySend(program, context: context), "\(amplitude) in \(sample)")
                #expect(
                    prepared == limits.validate(program, context: context).maySend(acknowledging: context.acknowledged),
                    "\(amplitude) in \(sample)")
                if prepared { allowed += 1 } else { refused += 1 }
            }
        }
        #expect(allowed > 1000)
        #expect(refused > 1000)
    }

    /// The programmed amplitude, its grid neighbours, the patient range's ends, and values anywhere from
    /// below zero to past the grid, on the grid or not.
    static func amplitudes(
        around program: StimProgram, limits: DeviceLimits, using random: inout SplitMix
    ) -> [Nanoamps] {
        let grid = limits.amplitude.values
        let top = grid.last?.rawValue ?? 10_000_000
        var amplitudes = [program.amplitude, Nanoamps(rawValue: -1), Nanoamps(rawValue: 0)]
        if let range = program.patientRange {
            amplitudes += [range.min, range.max, Nanoamps(rawValue: range.max.rawValue + 1)]
        }
        if let index = grid.firstIndex(where: { $0 >= program.amplitude }) {
            amplitudes += grid[max(index - 2, 0)..<min(index + 3, grid.count)]
        }
        for _ in 0..<4 {
            amplitudes.append(grid.randomElement(using: &random) ?? program.amplitude)
            amplitudes.append(Nanoamps(rawValue: Int64.random(in: -top...(2 * top), using: &random)))
        }
        return amplitudes
    }
}
