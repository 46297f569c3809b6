import Report
import StimSafety

/// JUnit XML, the report format CI servers read: one `testcase` per plan case.
enum JUnitReport {
    static func render(suite: String, results: [CheckResult]) -> String {
        let (_, failures, errors) = results.counts
        let total = results.reduce(0) { $0 + $1.seconds }
        let counts = "tests=\"\(results.count)\" failures=\"\(failures)\" errors=\"\(errors)\""
        var xml = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        xml.append("<testsuites name=\"scs check\" \(counts) time=\"\(time(total))\">")
        xml.append("  <testsuite name=\"\(Markup.escape(suite))\" \(counts) skipped=\"0\" time=\"\(time(total))\">")
        for result in results {
            let opening =
                "    <testcase classname=\"\(Markup.escape(result.device))\" name=\"\(Markup.escape(result.name))\" time=\"\(time(result.seconds))\""
            guard !result.passed else {
                xml.append(opening + "/>")
                continue
            }
            xml.append(opening + ">")
            let message = Markup.escape(result.difference)
            switch result.outcome {
            case .error:
                // A case that could not run is a JUnit error, not a failure: the plan, not the program, is wrong.
                xml.append("      <error type=\"input\" message=\"\(message)\">\(message)</error>")
            case .ran(_, _, let validation):
                let detail = validation.findings.map { "\($0.severity.rawValue) \($0.rule.name): \($0.message)" }
                xml.append(
                    "      <failure type=\"verdict\" message=\"\(message)\">\(Markup.escape(detail.joined(separator: "\n")))</failure>"
                )
            }
            xml.append("    </testcase>")
        }
        xml.append("  </testsuite>")
        xml.append("</testsuites>")
        return xml.joined(separator: "\n") + "\n"
    }

    private static func time(_ seconds: Double) -> String { Format.number(seconds, decimals: 6) }
}
