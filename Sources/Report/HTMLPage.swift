import Foundation
import RecordingFormat

/// The frame of every HTML page scs writes (the analyze and cohort reports): one self-contained
/// document with the report's style sheet, the printed pages' running header, and when it was made.
package enum HTMLPage {
    /// `2026-12-07 02:30 UTC`: the minute is enough to tell two runs apart on paper.
    package static func stamp(_ generated: Date) -> String {
        let time = Timestamp(
            nanosecondsSinceEpoch: Int64(generated.timeIntervalSince1970.rounded(.down)) * 1_000_000_000)
        return time.rfc3339.prefix(16).replacingOccurrences(of: "T", with: " ") + " UTC"
    }

    /// The page from `<!DOCTYPE html>` to `<body>`, without a line break after it.
    ///
    /// - Parameters:
    ///   - runningHeader: What the top of each printed page says, beside `stamp` and the version.
    ///   - meta: More `<meta>` elements, as markup.
    ///   - style: Rules added to the style sheet.
    package static func head(
        title: String, runningHeader: String, stamp: String, meta: [String] = [], style: String? = nil
    ) -> String {
        let lines =
            [
                "<!DOCTYPE html>", #"<html lang="en">"#, "<head>", #"<meta charset="utf-8"/>"#,
                #"<meta name="viewport" content="width=device-width, initial-scale=1"/>"#,
                #"<meta name="generator" content="scs \#(SCSVersion.text)"/>"#,
            ] + meta + [
                "<title>\(Markup.escape(title))</title>", "<style>", AnalysisHTMLStyle.css,
                AnalysisHTMLStyle.printedPages(header: runningHeader, generated: stamp),
            ] + (style.map { [$0] } ?? []) + ["</style>", "</head>", "<body>"]
        return lines.joined(separator: "\n")
    }
}
