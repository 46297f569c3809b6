// In-page measurements for test_report.py: what a person sees, from the computed style.
(() => {
  const parse = (text) => {
    const m = text && text.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const over = (top, under) => ({
    r: top.r * top.a + under.r * (1 - top.a),
    g: top.g * top.a + under.g * (1 - top.a),
    b: top.b * top.a + under.b * (1 - top.a),
    a: 1,
  });
  const luminance = (c) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  };
  const ratio = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const opacity = (el) => {
    let o = 1;
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
    return o;
  };
  const background = (el) => {
    const layers = [];
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) layers.push(c);
    }
    return layers.reverse().reduce((under, top) => over(top, under), { r: 255, g: 255, b: 255, a: 1 });
  };
  // An SVG text's background is the last shape drawn before it whose box holds the text's centre (a
  // filled contact of a lead diagram, say), laid over the page's background. Boxes are compared in the
  // SVG's own units, so this holds for text scrolled out of the window too.
  const underSVGText = (el, page) => {
    const t = el.getBBox();
    const [cx, cy] = [t.x + t.width / 2, t.y + t.height / 2];
    let shape = null;
    for (const e of el.ownerSVGElement.querySelectorAll("rect, circle, ellipse, path, polygon")) {
      if (el.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING) break;
      if (e.closest("defs, pattern")) continue;
      const b = e.getBBox();
      if (cx >= b.x && cx <= b.x + b.width && cy >= b.y && cy <= b.y + b.height) shape = e;
    }
    const fill = shape ? parse(getComputedStyle(shape).fill) : null;
    if (!fill) return page;
    return over({ ...fill, a: fill.a * opacity(shape) * Number(getComputedStyle(shape).fillOpacity) }, page);
  };
  const visible = (el) => {
    const s = getComputedStyle(el);
    return s.visibility !== "hidden" && s.display !== "none" && el.getClientRects().length > 0;
  };
  const ownText = (el) =>
    [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== "");
  const describe = (el) => `${el.tagName.toLowerCase()}.${el.getAttribute("class") || ""} "${(el.textContent || "").trim().slice(0, 40)}"`;

  const texts = [];
  for (const el of document.body.querySelectorAll("*")) {
    if (!ownText(el) || !visible(el) || el.closest("title, style, script")) continue;
    if (el.closest("details:not([open])") && !el.closest("summary")) continue;
    const s = getComputedStyle(el);
    const isSVG = el instanceof SVGElement;
    const scale = isSVG && el.getScreenCTM() ? el.getScreenCTM().a : 1;
    const size = parseFloat(s.fontSize) * scale;
    const bg = isSVG && el.tagName === "text" ? underSVGText(el, background(el)) : background(el);
    const ink = parse(isSVG ? s.fill : s.color);
    const colour = over({ ...ink, a: ink.a * opacity(el) }, bg);
    const bold = Number(s.fontWeight) >= 700;
    const large = size >= 24 || (bold && size >= 18.66);
    texts.push({ what: describe(el), size, contrast: ratio(colour, bg), needed: large ? 3 : 4.5 });
  }

  const marks = [];
  for (const el of document.querySelectorAll("svg.chart rect, svg.chart circle, svg.chart line, svg.chart polyline, svg.chart path")) {
    const cls = el.getAttribute("class") || "";
    if (/\b(grid|hit)\b/.test(cls) || !visible(el)) continue;
    const s = getComputedStyle(el);
    const bg = background(el.ownerSVGElement);
    const best = ["fill", "stroke"]
      .map((p) => parse(s[p]))
      .filter((c) => c && c.a > 0)
      .map((c) => ratio(over({ ...c, a: c.a * opacity(el) * Number(s.fillOpacity) }, bg), bg));
    if (best.length) marks.push({ what: `${el.tagName}.${cls}`, contrast: Math.max(...best) });
  }

  const charts = [...document.querySelectorAll("svg.chart")].map((svg) => {
    const figure = svg.closest("figure");
    const table = figure && figure.querySelector("details table");
    return {
      what: svg.getAttribute("aria-label"),
      hasTable: !!table,
      hasCaption: !!(table && table.querySelector("caption") && table.querySelector("caption").textContent.trim()),
      hasHeaders: !!(table && table.querySelector("thead th")),
      rows: table ? table.querySelectorAll("tbody tr").length : 0,
    };
  });

  return {
    scrollWidth: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
    texts,
    marks,
    charts,
  };
})()
