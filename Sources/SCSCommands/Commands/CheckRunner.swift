import DeviceProfiles
import Foundation
import StimSafety

/// Runs every case of a plan; a case that cannot be read becomes an error result and the rest run on.
enum CheckRunner {
    static func run(_ plan: CheckPlan, profiles: [DeviceProfile]) -> [CheckResult] {
        let directory = plan.directory
        return plan.cases.map { field in
            let (name, device) = CheckCase.label(of: field)
            let testCase: CheckCase
            do throws(InputError) {
                testCase = try CheckCase.read(field, profiles: profiles, directory: directory)
            } catch {
                return CheckResult(name: name, device: device, outcome: .error(error), seconds: 0)
            }
            let clock = ContinuousClock()
            let start = clock.now
            let validation = testCase.profile.limits.validate(testCase.program, context: testCase.context)
            let elapsed = clock.now - start
            return CheckResult(
                name: name, device: testCase.profile.id,
                outcome: .ran(
                    expectedVerdict: testCase.expectedVerdict, expectedRules: testCase.expectedRules,
                    validation: validation),
                seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
    }
}
