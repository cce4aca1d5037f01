"""Printing the office profile in Chromium: the PDF holds the office and its findings and none of the widgets, and
nothing on paper reaches past the printable width (the print style asks for A4 landscape, 10 mm margins).

A real print lays the page out at the paper's width and runs no script meanwhile: the charts keep the size they
were drawn at on screen. The width check does the same: with print media emulated it narrows the document to the
paper's width and measures in the same script, before any resize observer can redraw a chart."""

import io
import re
import shutil
import subprocess
import unicodedata

import pytest
from pypdf import PdfReader

from cityiso.labels import t
from tests.browser.conftest import ARTIFACTS, open_page, screenshot, wait_for_charts, wait_until_idle

pytestmark = pytest.mark.browser

# The paper as the print style's @page asks for it (as Chromium's print dialog takes it).
PAPER = {"prefer_css_page_size": True}
PRINTABLE_PX = (297 - 2 * 10) / 25.4 * 96  # A4 landscape is 297 mm wide, less 10 mm margins; a CSS pixel is 1/96 inch
PAGE_POINTS = (297 / 25.4 * 72, 210 / 25.4 * 72)

OFFICE = "Testowo (Urząd Miasta Testowo)"
QUOTE = "zaangażowanie kierownictwa w doskonalenie usług"
# Widgets the screen shows: none may be printed (a label is a line of its own; "Urząd" alone is the picker's).
WIDGETS = (
    "[data-testid='stSidebar'], header, [data-testid='stToolbar'], [data-testid='stSelectbox'], "
    "[data-testid='stButton'], [data-testid='stDownloadButton'], [data-testid='stElementToolbar'], "
    ".modebar-container, [data-testid='stExpander'] summary"
)

# Every chart's svgs carry a viewBox of the size they are drawn at: the print style can scale them to the paper.
FITTED = """() => [...document.querySelectorAll('.js-plotly-plot svg.main-svg')].every(
    s => s.getAttribute('viewBox') === `0 0 ${s.getAttribute('width')} ${s.getAttribute('height')}`)"""

# Every text of the charts (titles, ticks, legend, the source line at the right edge).
CHART_TEXTS = """() => [...document.querySelectorAll('.js-plotly-plot svg.main-svg text')]
    .map(e => e.textContent.trim()).filter(Boolean)"""

# With the document as wide as the paper's printable area: each visible element's box, cut to the boxes of the
# ancestors that clip it (a scrolling table's hidden columns are not on paper, the table's own box is), the
# elements whose content scrolls sideways (a hidden part of it is left off the paper), and the charts that reach
# below their own block (into what follows).
ON_PAPER = """(width) => {
  const root = document.documentElement, before = root.style.width;
  root.style.width = width + 'px';
  const outside = [], scrolling = [];
  for (const el of document.querySelectorAll('body *')) {
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden') continue;
    let {left, right, width: w, height: h} = el.getBoundingClientRect();
    if (!w || !h) continue;
    for (let a = el.parentElement; a; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible') {
        const box = a.getBoundingClientRect();
        left = Math.max(left, box.left);
        right = Math.min(right, box.right);
      }
    }
    const name = (el.dataset.testid || el.tagName.toLowerCase()) + ' ' + (el.innerText || '').slice(0, 60);
    // Wholly left of the page is a hidden helper (Plotly measures text in an svg at -10000 px): never printed.
    if (right > Math.max(left, 0) && (left < -0.5 || right > width + 0.5)) outside.push([name, left, right]);
    if (style.overflowX !== 'visible' && style.overflowX !== 'hidden' && el.scrollWidth > el.clientWidth + 1)
      scrolling.push([name, el.scrollWidth, el.clientWidth]);
  }
  // A chart scaled to the paper grows taller or shorter: its block must grow with it, not let it run under the next.
  const overlapping = [...document.querySelectorAll('.js-plotly-plot')].map(plot => {
    const block = plot.closest("[data-testid='stElementContainer']").getBoundingClientRect();
    return [plot.getBoundingClientRect().bottom, block.bottom];
  }).filter(([chart, block]) => chart > block + 0.5);
  root.style.width = before;
  return {outside, scrolling, overlapping};
}"""


def print_ready(page, server: str, lang: str) -> None:
    """The profile of the city hall opened on screen (1366x768, a laptop), drawn, then print media emulated."""
    page.set_viewport_size({"width": 1366, "height": 768})
    open_page(page, server, "office", office="testowo", lang=lang)
    wait_for_charts(page, 1)
    page.wait_for_function("() => !document.querySelector(\"[data-testid='stSkeleton']\")")
    page.emulate_media(media="print")
    wait_until_idle(page)
    page.wait_for_function(FITTED)


def pdf_lines(pdf: bytes) -> list[str]:
    """The PDF's text, line by line (NFKC: Chromium writes ligatures such as "ﬁ")."""
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    return [line.strip() for line in unicodedata.normalize("NFKC", text).splitlines()]


def save_pdf(pdf: bytes, name: str) -> None:
    """The PDF as a test artefact, and its pages as PNG when pdftoppm (poppler-utils) is there, for a person."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.pdf"
    path.write_bytes(pdf)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "80", str(path), str(ARTIFACTS / name)], check=True)


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_printed_profile_shows_the_office_and_no_widget(page, server: str, lang: str) -> None:
    print_ready(page, server, lang)
    chart_texts = page.evaluate(CHART_TEXTS)
    hidden = page.evaluate(
        "(sel) => [...document.querySelectorAll(sel)].filter(e => e.getClientRects().length > 0)"
        ".map(e => e.dataset.testid || e.className)",
        WIDGETS,
    )
    pdf = page.pdf(**PAPER)
    save_pdf(pdf, f"office_print_{lang}")
    screenshot(page, f"office_print_{lang}_1366x768")
    lines = pdf_lines(pdf)
    text = " ".join(lines)

    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(PAGE_POINTS, abs=1)

    assert OFFICE in text and "Urząd Miasta Testowo" in text
    assert QUOTE in text
    assert not hidden, f"widgets laid out on paper: {hidden}"
    for label in (t("office.pick", lang), t("download_csv", lang), t("language", lang), t("nav.overview", lang)):
        assert label not in lines, f"the widget label {label!r} is printed"
    # Text beyond the paper's edge is left out of the PDF: every word of the chart (its legend and the source line
    # at its right edge among them) must be there.
    flat = re.sub(r"\s+", "", text)
    cut = [s for s in chart_texts if re.sub(r"\s+", "", s) not in flat]
    assert not cut, f"chart text missing from the PDF (cut at the edge?): {cut}"
    assert re.search(r"2 (dokumenty źródłowe|source documents)", text)  # the office's own two documents
    # Four A4 pages at most for an office like those of the curated data (the README says so), and the first page
    # is no longer left blank: the status and the cycle chart (at most 90 mm tall on paper) share it.
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) <= 4, f"{len(pages)} pages"
    first = unicodedata.normalize("NFKC", pages[0].extract_text())
    assert OFFICE in first and t("cycles.chart", lang) in first


def test_printing_straight_from_a_wide_screen_keeps_the_whole_chart(page, server: str) -> None:
    """As Ctrl+P does: no media emulated first, so the chart keeps the width it was drawn at on a 1920 px screen
    (wider than the paper) and is scaled, not cut."""
    page.set_viewport_size({"width": 1920, "height": 1080})
    open_page(page, server, "office", office="testowo", lang="en")
    wait_for_charts(page, 1)
    page.wait_for_function("() => !document.querySelector(\"[data-testid='stSkeleton']\")")
    drawn = page.evaluate("() => Number(document.querySelector('.js-plotly-plot svg.main-svg').getAttribute('width'))")
    assert drawn > PRINTABLE_PX  # else nothing here would need scaling
    chart_texts = page.evaluate(CHART_TEXTS)
    pdf = page.pdf(**PAPER)
    save_pdf(pdf, "office_print_from_1920")
    flat = re.sub(r"\s+", "", " ".join(pdf_lines(pdf)))
    assert [s for s in chart_texts if re.sub(r"\s+", "", s) not in flat] == []


def test_printed_profile_fits_the_paper_width(page, server: str) -> None:
    print_ready(page, server, "pl")
    on_paper = page.evaluate(ON_PAPER, PRINTABLE_PX)
    assert not on_paper["outside"], f"boxes past the printable width ({PRINTABLE_PX:.0f} px): {on_paper['outside']}"
    assert not on_paper["overlapping"], f"charts taller than their block (bottoms): {on_paper['overlapping']}"


def test_printed_tables_show_every_column(page, server: str) -> None:
    """The profile's tables are HTML tables that wrap their cells (ui.plain_table), never a grid that scrolls sideways
    and loses its right-hand columns on paper."""
    print_ready(page, server, "pl")
    assert not page.evaluate(ON_PAPER, PRINTABLE_PX)["scrolling"]
