"""The HTML report of `scs analyze --html` as a browser shows and prints it (issue 20 item 2).

scripts/test-browser writes the reports; each is looked at from 1280 down to 390 px and printed to PDF,
and the screenshots and PDFs are kept under .build/browser-artifacts/ for a person to look at.
"""

import re
import subprocess
from pathlib import Path

import pytest

from conftest import REPORTS

CHECKS = (Path(__file__).parent / "page_checks.js").read_text()
PAGES = sorted(REPORTS.glob("*.html"))
# Desktop, each edge below which the style sheet draws chart labels larger, a tablet, a phone.
WIDTHS = [1280, 1104, 801, 768, 641, 390]


def measure(page, report, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(report.resolve().as_uri())
    return page.evaluate(CHECKS)


@pytest.fixture(params=PAGES, ids=[p.stem for p in PAGES])
def report(request):
    return request.param


def test_the_reports_to_look_at_were_written():
    assert len(PAGES) >= 3, f"scripts/test-browser writes the reports into {REPORTS}"


@pytest.mark.parametrize("width", WIDTHS)
def test_the_page_fits_the_width_and_no_text_is_smaller_than_11_px(page, report, width, artifacts):
    result = measure(page, report, width)
    if width in (1280, 390):
        page.screenshot(path=str(artifacts / f"{report.stem}-{width}.png"), full_page=True)
    assert result["scrollWidth"] <= result["viewport"], "the page scrolls sideways"
    small = [f"{t['what']}: {t['size']:.1f} px" for t in result["texts"] if t["size"] < 10.95]
    assert small == []
    # Unfolded, the data tables scroll inside their own box, never the page.
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    result = page.evaluate(CHECKS)
    assert result["scrollWidth"] <= result["viewport"], "an unfolded table makes the page scroll sideways"
    assert [t for t in result["texts"] if t["size"] < 10.95] == []


def test_every_text_has_aa_contrast_and_every_chart_mark_3_to_1(page, report):
    result = measure(page, report, 1280)
    faint = [f"{t['what']}: {t['contrast']:.2f}" for t in result["texts"] if t["contrast"] < t["needed"]]
    assert faint == []
    pale = sorted({f"{m['what']}: {m['contrast']:.2f}" for m in result["marks"] if m["contrast"] < 3})
    assert pale == []


def test_every_chart_has_a_data_table_with_caption_and_headers(page, report):
    charts = measure(page, report, 1280)["charts"]
    assert charts, "no chart at all"
    missing = [c["what"] for c in charts if not (c["hasTable"] and c["hasCaption"] and c["hasHeaders"] and c["rows"])]
    assert missing == []


def test_the_printed_pages_carry_the_running_header_and_page_numbers(page, report, artifacts):
    page.goto(report.resolve().as_uri())
    page.emulate_media(media="print")
    pdf = artifacts / f"{report.stem}.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")
    serial, version = page.evaluate(
        "['scs-serial', 'generator'].map((n) => document.querySelector(`meta[name=${n}]`)?.content)"
    )
    assert serial and version and version.startswith("scs ")
    for number, content in enumerate(pages, start=1):
        assert f"serial {serial}" in content, f"page {number} has no running header"
        assert version in content, f"page {number} does not name {version}"
        assert re.search(r"generated \d{4}-\d\d-\d\d \d\d:\d\d UTC", content), f"page {number}: no time"
        assert f"Page {number} of {len(pages)}" in content, f"page {number} is not numbered"
