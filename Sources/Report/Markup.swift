/// Text made safe for the HTML report and the JUnit XML report, and the few element shapes the HTML
/// repeats.
///
/// The HTML report is also well-formed XML (every element closed, only the five XML entities), so that
/// a test can parse it without a browser, and one escape serves both.
package enum Markup {
    /// `text` escaped for an HTML text node or a quoted attribute value; characters that HTML and XML
    /// do not allow in a document (C0 controls other than tab, line feed and carriage return, and
    /// U+FFFE/U+FFFF) become U+FFFD.
    package static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{7F}", "\u{FFFE}", "\u{FFFF}": escaped += "\u{FFFD}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// `<tag attributes>content</tag>` with `content` already markup.
    package static func element(_ tag: String, _ attributes: [(String, String)] = [], _ content: String) -> String {
        "<\(tag)\(attributeText(attributes))>\(content)</\(tag)>"
    }

    /// `<tag attributes/>`: an empty SVG element.
    static func empty(_ tag: String, _ attributes: [(String, String)]) -> String {
        "<\(tag)\(attributeText(attributes))/>"
    }

    /// An HTML table with a header row and, if given, a caption; every cell is text, escaped here.
    package static func table(
        _ headers: [String], _ rows: [[String]], numericColumns: Set<Int> = [], rowClasses: [String?] = [],
        caption: String? = nil
    )
        -> String
    {
        func cell(_ tag: String, _ text: String, _ column: Int) -> String {
            element(tag, numericColumns.contains(column) ? [("class", "number")] : [], escape(text))
        }
        let head = element("tr", [], headers.enumerated().map { cell("th", $1, $0) }.joined())
        let body = rows.enumerated().map { index, row in
            let rowClass = index < rowClasses.count ? rowClasses[index] : nil
            return element(
                "tr", rowClass.map { [("class", $0)] } ?? [], row.enumerated().map { cell("td", $1, $0) }.joined())
        }
        return element(
            "table", [],
            (caption.map { element("caption", [], escape($0)) } ?? "") + element("thead", [], head)
                + element("tbody", [], body.joined(separator: "\n")))
    }

    private static func attributeText(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }
}
