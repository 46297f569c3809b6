/// The style sheet of the HTML report, inline so that the page needs nothing else; system fonts only.
enum AnalysisHTMLStyle {
    static let css = """
        :root { --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --therapy: #2f6fb3; --amplitude: #1f7a4d;
          --band: #c9ecd7; --battery: #7a4fb3; --charging: #f0b429; --alert: #d64545; --warning: #c77c02; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 1040px; padding: 24px 32px 48px; color: var(--ink); background: #fff;
          font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        h1 { font-size: 24px; margin: 0 0 4px; }
        h2 { font-size: 20px; margin: 32px 0 4px; padding-top: 16px; border-top: 2px solid var(--line);
          overflow-wrap: anywhere; }
        h3 { font-size: 16px; margin: 28px 0 8px; }
        h4 { font-size: 13px; margin: 0; color: var(--muted); font-weight: 600; }
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
        .figure-card.error { border-color: var(--alert); }
        .figure-card.error .value { color: var(--alert); }
        .badge { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: 12px; }
        .badge.warning { background: #fff3c4; color: #8d5a00; }
        figure { margin: 0 0 12px; }
        figcaption { color: var(--muted); margin-bottom: 4px; }
        svg.chart { display: block; width: 100%; height: auto; }
        svg .grid { stroke: var(--line); stroke-width: 1; }
        svg .grid.time { stroke-dasharray: 2 3; }
        svg .frame { fill: none; stroke: #9fb3c8; stroke-width: 1; }
        svg text.tick { fill: var(--muted); font-size: 11px; }
        svg .bar.therapy { fill: var(--therapy); }
        svg .bar.charging { fill: var(--charging); }
        svg .mean { stroke: var(--ink); stroke-width: 1.5; stroke-dasharray: 6 4; }
        svg .band { fill: var(--band); }
        svg .normal { fill: #e3f4ea; }
        svg .spread { fill: var(--amplitude); opacity: 0.45; }
        svg .spread.outside { fill: var(--alert); opacity: 0.8; }
        svg .spread.battery { fill: var(--battery); opacity: 0.35; }
        svg polyline { fill: none; stroke-width: 2; stroke-linejoin: round; }
        svg .line.amplitude { stroke: var(--amplitude); fill: none; }
        svg circle.line.amplitude { fill: var(--amplitude); }
        svg .line.impedance { stroke: #334e68; fill: none; }
        svg circle.line.impedance { fill: #334e68; }
        svg .line.battery { stroke: var(--battery); fill: none; }
        svg circle.line.battery { fill: var(--battery); }
        svg .threshold { stroke: var(--alert); stroke-width: 1.2; stroke-dasharray: 5 3; }
        svg circle.alert { fill: var(--alert); stroke: #fff; stroke-width: 1; }
        .contacts { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 8px 16px; }
        .contact.alerted h4 { color: var(--alert); }
        ul.legend { list-style: none; padding: 0; margin: 4px 0 0; color: var(--muted); font-size: 12px; }
        ul.legend li { display: inline-block; margin-right: 16px; }
        .key { display: inline-block; width: 14px; height: 10px; margin-right: 6px; vertical-align: middle;
          border-radius: 2px; }
        .key.band { background: var(--band); }
        .key.normal { background: #e3f4ea; border: 1px solid #b7e1c7; }
        .key.spread { background: var(--amplitude); opacity: 0.45; }
        .key.spread.outside { background: var(--alert); opacity: 0.8; }
        .key.spread.battery { background: var(--battery); opacity: 0.35; }
        .key.line { height: 3px; }
        .key.line.amplitude { background: var(--amplitude); }
        .key.line.impedance { background: #334e68; }
        .key.line.battery { background: var(--battery); }
        .key.alert { width: 10px; border-radius: 50%; background: var(--alert); }
        .key.bar.charging { background: var(--charging); opacity: 0.55; }
        .verdict { font-weight: 600; }
        .verdict.ok { color: var(--amplitude); }
        .verdict.warning { color: var(--warning); }
        .verdict.error { color: var(--alert); }
        table { border-collapse: collapse; margin: 8px 0; font-size: 13px; }
        th, td { text-align: left; padding: 4px 12px 4px 0; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { color: var(--muted); font-weight: 600; }
        td { overflow-wrap: anywhere; }
        td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
        tr.error td:nth-child(4) { color: var(--alert); font-weight: 600; }
        tr.warning td:nth-child(4) { color: var(--warning); font-weight: 600; }
        details { margin: 8px 0; }
        summary { cursor: pointer; color: var(--muted); font-weight: 600; }
        @media print { body { max-width: none; padding: 0; } }
        """
}
