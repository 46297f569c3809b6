/// The style sheet of the HTML report, inline so that the page needs nothing else; system fonts only.
///
/// Every text colour reaches 4.5:1 on its background and every chart mark 3:1 on white (WCAG AA,
/// checked in a browser by Tests/Browser); states are told by a symbol or pattern as well as colour.
package enum AnalysisHTMLStyle {
    package static let css = """
        :root { --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --therapy: #2f6fb3; --amplitude: #1f7a4d;
          --band: #c9ecd7; --band-edge: #3f9b6a; --battery: #7a4fb3; --charging: #b7791f; --alert: #c53030;
          --warning: #8d5a00; --impedance: #334e68; --open: #1d4ed8; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 1040px; padding: 24px 32px 48px; color: var(--ink); background: #fff;
          font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        h1 { font-size: 24px; margin: 0 0 4px; }
        h2 { font-size: 20px; margin: 32px 0 4px; padding-top: 16px; border-top: 2px solid var(--line);
          overflow-wrap: anywhere; }
        h3 { font-size: 16px; margin: 28px 0 8px; }
        h4 { font-size: 14px; margin: 16px 0 0; font-weight: 600; }
        .note, .overview, .more, .empty { color: var(--muted); }
        .overview { overflow-wrap: anywhere; }
        code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 13px; }
        .figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 10px; margin: 16px 0; }
        .figure-card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
        .figure-card .name { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; }
        .figure-card .value { font-size: 22px; font-weight: 600; font-variant-numeric: tabular-nums; }
        .figure-card .detail { color: var(--muted); font-size: 12px; }
        .figure-card.warning { border-color: var(--warning); }
        .figure-card.warning .value { color: var(--warning); }
        .figure-card.warning .value::before { content: "⚠ "; }
        .figure-card.error { border: 2px solid var(--alert); }
        .figure-card.error .value { color: var(--alert); }
        .figure-card.error .value::before { content: "✖ "; }
        .badge { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: 12px; }
        .badge.warning { background: #fff3c4; color: var(--warning); }
        figure { margin: 0 0 16px; }
        figcaption { color: var(--muted); margin-bottom: 4px; }
        svg.chart { display: block; width: 100%; height: auto; overflow: visible; }
        svg.defs { position: absolute; width: 0; height: 0; }
        svg .grid { stroke: var(--line); stroke-width: 1; }
        svg .grid.time { stroke-dasharray: 2 3; }
        svg .frame { fill: none; stroke: #627d98; stroke-width: 1; }
        svg text.tick { fill: var(--muted); font-size: 11px; }
        svg .bar.therapy { fill: var(--therapy); }
        svg .bar.charging { fill: var(--charging); }
        svg .mean { stroke: var(--ink); stroke-width: 1.5; stroke-dasharray: 6 4; }
        svg .band { fill: var(--band); stroke: var(--band-edge); stroke-width: 1; }
        svg .normal { fill: #e3f4ea; stroke: var(--band-edge); stroke-width: 1; }
        svg .spread { fill: var(--amplitude); opacity: 0.8; }
        svg .spread.outside { fill: url(#scs-hatch); stroke: var(--alert); stroke-width: 1; opacity: 1; }
        svg .spread.battery { fill: var(--battery); opacity: 0.7; }
        svg polyline { fill: none; stroke-width: 2; stroke-linejoin: round; }
        svg .line.amplitude { stroke: var(--amplitude); fill: none; }
        svg circle.line.amplitude { fill: var(--amplitude); }
        svg .line.impedance { stroke: var(--impedance); fill: none; }
        svg circle.line.impedance { fill: var(--impedance); }
        svg .line.battery { stroke: var(--battery); fill: none; }
        svg circle.line.battery { fill: var(--battery); }
        svg .threshold { stroke: var(--alert); stroke-width: 1.2; stroke-dasharray: 5 3; }
        svg circle.alert { fill: var(--alert); stroke: #fff; stroke-width: 1; }
        svg .cell.normal { fill: var(--amplitude); }
        svg .cell.short { fill: url(#scs-hatch); stroke: var(--alert); stroke-width: 1; }
        svg .cell.open { fill: url(#scs-cross); stroke: var(--open); stroke-width: 1; }
        ul.legend { list-style: none; padding: 0; margin: 4px 0 0; color: var(--muted); font-size: 12px; }
        ul.legend li { display: inline-block; margin-right: 16px; }
        .key { display: inline-block; width: 14px; height: 10px; margin-right: 6px; vertical-align: middle;
          border-radius: 2px; }
        .key.band { background: var(--band); border: 1px solid var(--band-edge); }
        .key.normal { background: #e3f4ea; border: 1px solid var(--band-edge); }
        .key.spread { background: var(--amplitude); opacity: 0.8; }
        .key.spread.outside, .key.cell.short { opacity: 1; border: 1px solid var(--alert);
          background: repeating-linear-gradient(-45deg, var(--alert) 0 2px, #fff 2px 4px); }
        .key.spread.battery { background: var(--battery); opacity: 0.7; }
        .key.cell { width: 14px; height: 14px; }
        .key.cell.normal { background: var(--amplitude); border: 0; }
        .key.cell.open { border: 1px solid var(--open); background: var(--open);
          background-image: linear-gradient(45deg, #fff 1px, transparent 1px), linear-gradient(-45deg, #fff 1px, transparent 1px);
          background-size: 5px 5px; }
        .key.line { height: 3px; }
        .key.line.amplitude { background: var(--amplitude); }
        .key.line.impedance { background: var(--impedance); }
        .key.line.battery { background: var(--battery); }
        .key.alert { width: 10px; border-radius: 50%; background: var(--alert); }
        .verdict { font-weight: 600; }
        .verdict.ok { color: var(--amplitude); }
        .verdict.warning { color: var(--warning); }
        .verdict.error { color: var(--alert); }
        table { border-collapse: collapse; margin: 8px 0; font-size: 13px; display: block; max-width: 100%;
          overflow-x: auto; }
        caption { text-align: left; color: var(--muted); padding-bottom: 4px; }
        th, td { text-align: left; padding: 4px 12px 4px 0; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { color: var(--muted); font-weight: 600; }
        td { overflow-wrap: break-word; }
        td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr.error td:nth-child(4) { color: var(--alert); font-weight: 600; }
        tr.warning td:nth-child(4) { color: var(--warning); font-weight: 600; }
        details { margin: 8px 0; }
        details.data table { max-height: 24em; overflow-y: auto; }
        summary { cursor: pointer; color: var(--muted); font-weight: 600; }
        /* A chart is 960 units wide: below the full width its labels are drawn larger, so that each
           range's narrowest window still shows them at 11 px or more. */
        @media (max-width: 1103px) { svg text.tick { font-size: 15px; } }
        @media (max-width: 800px) {
          svg text.tick { font-size: 19px; }
          svg text.tick.time { transform: translateY(6px); }
          svg text.tick.minor { display: none; }
        }
        @media (max-width: 640px) {
          body { padding: 12px 12px 32px; }
          h1 { font-size: 20px; }
          .figures { grid-template-columns: repeat(auto-fill, minmax(140px, 1fr)); }
          svg text.tick { font-size: 30px; }
          svg text.tick.time { transform: translateY(12px); }
        }
        @media print {
          body { max-width: none; padding: 0; font-size: 11pt; }
          /* A4 prints a 960-unit chart at about 0.73 of its size: 15 units make 11 px labels. */
          svg text.tick { font-size: 15px; }
          h2, h3, h4, figcaption { break-after: avoid; }
          figure, .figures, tr { break-inside: avoid; }
          details.data, summary { display: none; }
        }
        """

    /// The printed pages' running header (`header`, generation time, version) and page numbers, in
    /// paged-media margin boxes, which Chromium prints since version 131, from its own print dialog as
    /// well as in print-to-PDF.
    package static func printedPages(header: String, generated: String) -> String {
        let small = "font: 9pt system-ui, sans-serif; color: #52606d;"
        return """
            @page { size: A4; margin: 16mm 12mm;
              @top-left { content: \(cssString(header)); \(small) }
              @top-right { content: \(cssString("generated \(generated) · scs \(SCSVersion.text)")); \(small) }
              @bottom-right { content: "Page " counter(page) " of " counter(pages); \(small) } }
            """
    }

    /// `text` as a quoted CSS string with every character but letters, digits and spaces written as
    /// a hex escape, so that nothing in it can end the string, the rule or the `<style>` element.
    private static func cssString(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic && scalar.isASCII || ("0"..."9").contains(scalar) || scalar == " " {
                quoted.unicodeScalars.append(scalar)
            } else {
                quoted += "\\" + String(scalar.value, radix: 16) + " "
            }
        }
        return quoted + "\""
    }
}
