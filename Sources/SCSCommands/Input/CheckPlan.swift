import DeviceProfiles
import Foundation

/// A `scs check` plan: cases, each a program on a device with the verdict and rule ids expected.
///
/// ```yaml
/// cases:
///   - name: bipolar 5 mA at 300 µs is accepted
///     device: tonic-16
///     program: {amplitude: 5, pulseWidth: 300, frequency: 50, contacts: {"1": -100, "2": 100}}
///     impedance: {"1": 1000}        # optional, contact → Ω
///     expect: {verdict: accepted, rules: []}
/// ```
/// Only the plan itself is read here: a file that is not YAML, has other top-level fields or no
/// cases cannot run at all. Each case is read when it runs (``CheckCase``), so that a bad case is an
/// error of that case alone and the others still run.
package struct CheckPlan {
    /// The plan file, as given.
    var file: String
    /// The entries of `cases`, not read yet.
    package var cases: [YAMLField]

    /// Reads the plan's structure: a mapping with a non-empty list of cases.
    package static func read(file: String) throws(InputError) -> CheckPlan {
        let root = try YAMLField.read(file: file)
        guard root.isPresent else { throw root.error("the plan is empty; give a list of cases") }
        let casesField = try root.mapping(allowing: ["cases"]).required("cases")
        let cases = try casesField.list()
        guard !cases.isEmpty else { throw casesField.error("the plan has no cases") }
        return CheckPlan(file: file, cases: cases)
    }

    /// The folder the cases' `programFile` paths are relative to.
    var directory: String { URL(fileURLWithPath: file).deletingLastPathComponent().path }

    /// The program files the cases name, as they are read: inputs of the run, like the plan.
    var programFiles: [String] {
        cases.compactMap { try? $0.child("programFile").text() }.map { Self.path(ofProgramFile: $0, in: directory) }
    }

    /// `path` (a case's `programFile`) taken from the plan's folder `directory` unless absolute.
    static func path(ofProgramFile path: String, in directory: String) -> String {
        path.hasPrefix("/") ? path : "\(directory)/\(path)"
    }
}
