"""A chart saved as an image (the deck's per-chart PNG/SVG, a page chart's static export) shows its title and its
source line with the date of the data; the source line fits a half-width chart."""

import io
import json
import os
import re
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET

import pandas as pd
import plotly.graph_objects as go
import pytest
from PIL import Image

from cityiso.figures import images
from cityiso.figures.common import SOURCE_WIDTH, for_slide, frame, note_below, with_title_and_source
from cityiso.figures.praise import category_bars
from cityiso.paths import ROOT
from tests.conftest import broken_browser

TITLE = "Ustalenia według rozdziałów"
SOURCE = "Źródło: cityiso, 12 dokumentów źródłowych; dane z 2 grudnia 2026."

needs_browser = pytest.mark.skipif(
    images.find_browser() is None, reason="no Chrome/Chromium for Kaleido: apt-get install chromium"
)


def _clauses() -> dict:
    return {
        "office_id": ["a", "b"],
        "office_label": ["Łódź", "Zabrze"],
        "clause": [5, 7],
        "clause_pl": ["Przywództwo", "Wsparcie"],
        "clause_en": ["Leadership", "Support"],
        "count_findings": [3, 1],
        "share_of_events": [0.5, 0.5],
    }


def clause_bars():
    return category_bars(pd.DataFrame(_clauses()), "clause", "pl", "count", TITLE, SOURCE)


def svg_text(svg: bytes) -> str:
    """Every text node of an SVG, joined by spaces (a line broken into tspans reads as one)."""
    root = ET.fromstring(svg)
    return " ".join(
        " ".join(t.strip() for t in node.itertext() if t.strip()) for node in root.iter() if node.tag.endswith("}text")
    )


def test_source_line_breaks_to_fit_a_half_width_chart() -> None:
    fig = clause_bars()
    source = next(a for a in fig.layout.annotations if a.name == "source_line")
    lines = source.text.split("<br>")
    assert len(lines) == 2 and all(len(line) <= SOURCE_WIDTH for line in lines)
    assert " ".join(lines) == SOURCE
    # The bottom margin grows by the second line; a short source line stays on one.
    short = category_bars(pd.DataFrame(_clauses()), "clause", "pl", "count", TITLE, "Źródło: test")
    assert fig.layout.margin.b > short.layout.margin.b
    assert [a.text for a in short.layout.annotations if a.name == "source_line"] == ["Źródło: test"]
    assert with_title_and_source(fig) is fig  # a page's figure: framed already, left as it is


def test_source_line_hangs_where_the_plot_leaves_room() -> None:
    def side(fig) -> str:
        return next(a.xanchor for a in fig.layout.annotations if a.name == "source_line")

    assert side(clause_bars()) == "right"  # under the bars, over the corner under the category labels
    two = go.Figure([go.Bar(x=[1], y=["a"]), go.Bar(x=[2], y=["a"])])
    assert side(frame(two, "T", SOURCE, legend="right")) == "left"  # a legend at the right narrows the plot
    heat = go.Figure(go.Heatmap(z=[[1, 2]], y=["Dolnośląskie"]))
    assert side(frame(heat, "T", SOURCE)) == "center"  # category labels left, a colour bar right


def test_a_slide_figure_on_its_own_gets_its_title_and_source_line_back() -> None:
    slide = for_slide(clause_bars(), 1280, 720)
    assert slide.layout.title.text == ""
    alone = with_title_and_source(slide)
    assert TITLE in alone.layout.title.text and SOURCE in alone.layout.title.text
    assert alone.layout.height > slide.layout.height and alone.layout.margin.t > slide.layout.margin.t
    assert slide.layout.title.text == ""  # the slide's own figure is left alone


@needs_browser
def test_deck_chart_svg_has_title_and_source_text_and_the_slide_image_has_neither() -> None:
    slide = for_slide(clause_bars(), 1280, 720)
    alone = svg_text(images.image_bytes(slide, "svg", titled=True))
    assert TITLE in alone and SOURCE in alone
    embedded = svg_text(images.image_bytes(slide, "svg"))  # for a PPTX or PDF slide, which has its own
    assert TITLE not in embedded and "Źródło" not in embedded


@needs_browser
def test_page_chart_svg_has_title_and_source_text() -> None:
    text = svg_text(images.image_bytes(clause_bars(), "svg", width=520, height=500))
    assert TITLE in text
    assert re.sub(r"\s+", " ", text).count("dane z 2 grudnia 2026.") == 1 and "Źródło: cityiso" in text


def ink_rows(png: bytes) -> list[int]:
    """Rows of a PNG holding dark pixels (text), top to bottom."""
    image = Image.open(io.BytesIO(png)).convert("L")
    width, height = image.size
    pixels = image.load()
    return [y for y in range(height) if any(pixels[x, y] < 110 for x in range(0, width // 2))]


@needs_browser
def test_deck_chart_png_shows_title_and_source_above_the_chart() -> None:
    slide = for_slide(clause_bars(), 1280, 720)
    plain, titled = images.image_bytes(slide, "png"), images.image_bytes(slide, "png", titled=True)
    added = Image.open(io.BytesIO(titled)).size[1] - Image.open(io.BytesIO(plain)).size[1]
    assert added > 40
    # Two bands of text in the strip added on top, the title's and the source line's, with white between them
    # (a gap of a few rows inside a line is the space under an accent, as in "Ź").
    rows = [y for y in ink_rows(titled) if y < added]
    bands = [y for i, y in enumerate(rows) if i == 0 or y > rows[i - 1] + 4]
    assert len(bands) == 2, bands
    assert not [y for y in ink_rows(plain) if y < 12]  # the slide's image starts with blank margin


@needs_browser
def test_a_pdf_export_is_the_whole_figure_on_a_page_of_its_size() -> None:
    """Kaleido prints a PDF with 0.1 inch margins unless told otherwise: the figure then came out shifted right and
    down by 0.1 inch and its last 0.2 inch were cut (a legend's last row, the x axis's title, in the handout)."""
    from pypdf import PdfReader

    fig = go.Figure(layout={"width": 800, "height": 300, "margin": {"l": 0, "r": 0, "t": 0, "b": 0}})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    for x, y in ((0, 1), (1, 0)):  # a word in the top left and one in the bottom right corner
        corner = {"x": x, "y": y, "xanchor": "left" if x == 0 else "right", "yanchor": "top" if y == 1 else "bottom"}
        fig.add_annotation(text=f"corner{x}{y}", xref="paper", yref="paper", showarrow=False, borderpad=0, **corner)
    page = PdfReader(io.BytesIO(images.image_bytes(fig, "pdf"))).pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx((600, 225), abs=1)
    found = {}

    def visit(text, cm, tm, *_) -> None:  # where the text starts on the page: (x, y from the foot), in points
        found[text.strip()] = (tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5])

    page.extract_text(visitor_text=visit)
    assert set(found) >= {"corner01", "corner10"}  # nothing cut
    assert found["corner01"][0] < 2  # from the page's very left, not 7 points in
    assert found["corner10"][1] < 5  # its baseline a descender above the page's foot, not 7 points higher


def test_a_note_under_the_plot_leaves_the_slide_chart_for_its_text_and_comes_back_in_a_saved_image() -> None:
    """A note hung under the plot at a fixed depth (the timeline's undated certificates) fell on the slide's larger
    axis title and legend: the slide's figure has none, its meta keeps it, and a chart saved alone shows it again."""
    fig = clause_bars()
    note_below(fig, "Bez daty: 1 — Łódź · ISO 9001:?", 40, 11, name="undated_note")
    slide = for_slide(fig, 1920, 1080)
    assert not [a for a in slide.layout.annotations if (a.yshift or 0) < 0]
    assert slide.layout.meta["notes"] == ["Bez daty: 1 — Łódź · ISO 9001:?"]
    assert "Bez daty: 1 — Łódź · ISO 9001:?" in with_title_and_source(slide).layout.title.text


def test_slide_axes_set_their_title_standoff_whatever_the_default_template() -> None:
    """Streamlit makes its own Plotly template the default once imported; it sets no title standoff, and Plotly
    then put a y axis title over the tick labels: a slide's axes carry their own."""
    slide = for_slide(clause_bars(), 1280, 720)
    for axis in (slide.layout.xaxis, slide.layout.yaxis):
        assert axis.title.standoff and axis.automargin is True and axis.ticklabelstandoff


@pytest.mark.parametrize("how", ["crashes", "hangs"])
def test_a_browser_that_crashes_or_hangs_turns_export_off_instead_of_waiting(tmp_path, how: str) -> None:
    """Kaleido waits for ever on a browser that died at its start: a render that does not answer in time says that
    export is off, and every later one says so at once (each session would otherwise hang on it). In a process of its
    own: Kaleido's render server is one per process."""
    code = textwrap.dedent(
        """
        import json, time
        import plotly.graph_objects as go
        from cityiso.figures import images
        said = []
        for _ in range(2):
            start = time.monotonic()
            try:
                images.image_bytes(go.Figure(), "png", width=16, height=16, timeout_s=4)
                said.append(["drawn", time.monotonic() - start])
            except images.ExportUnavailable as exc:
                said.append([str(exc), time.monotonic() - start])
        print(json.dumps(said), flush=True)
        # Kaleido's own exit handler would still wait for a browser that hangs (the app's server is stopped by its
        # process group); this process has said what it must.
        import os; os._exit(0)
        """
    )
    env = {**os.environ, "BROWSER_PATH": str(broken_browser(tmp_path, how))}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    (first, first_s), (second, second_s) = json.loads(out.stdout.strip().splitlines()[-1])
    expected = "Chromium stopped (it could not start" if how == "crashes" else "did not answer within 4 s"
    assert expected in first and first_s < 30, (first, first_s)
    assert second == first and second_s < 1


def _bars(i: int) -> go.Figure:
    return go.Figure(go.Bar(x=["a", "b", "c"], y=[i, 2 * i + 1, 3]), layout={"title": {"text": f"figure {i}"}})


@needs_browser
def test_a_figure_drawn_after_others_in_the_reused_tab_comes_out_as_drawn_first() -> None:
    """The browser's tab draws many images between reloads: what one figure leaves must not change the next."""
    shapes = [_bars(1), clause_bars(), _bars(2), for_slide(clause_bars(), 1280, 720)]
    first = [images.image_bytes(f, "png", width=400, height=300) for f in shapes]
    again = [images.image_bytes(f, "png", width=400, height=300) for f in reversed(shapes)][::-1]
    assert again == first
    assert len(set(first)) == len(first)  # four different pictures, not one image handed back four times


@needs_browser
def test_the_tab_is_reloaded_every_so_many_images_and_after_one_that_failed(monkeypatch) -> None:
    """Reloading the tab after every image (Kaleido's own way) cost about half of each image's time; it is reloaded
    every RELOAD_EVERY images and before the next image after one that failed. If Kaleido stops calling the methods
    the renderer overrides, the reloads counted here stop too."""
    from kaleido._kaleido_tab._tab import _KaleidoTab

    from cityiso.figures import renderer

    images.image_bytes(_bars(0), "png", width=64, height=64)  # the browser open
    start = images._renderer.reloads
    monkeypatch.setattr(renderer, "RELOAD_EVERY", 3)
    images._renderer._kaleido.since_reload = 0
    for i in range(7):
        images.image_bytes(_bars(i), "png", width=64, height=64)
    assert images._renderer.reloads - start == 2  # before the 4th and the 7th image

    async def fails(*args, **kwargs):
        raise RuntimeError("the page broke")

    with monkeypatch.context() as patch:
        patch.setattr(_KaleidoTab, "_calc_fig", fails)
        with pytest.raises(images.ExportUnavailable, match="the page broke"):
            images.image_bytes(_bars(1), "png", width=64, height=64)
    before = images._renderer.reloads
    good = images.image_bytes(_bars(1), "png", width=64, height=64)
    assert images._renderer.reloads == before + 1
    assert Image.open(io.BytesIO(good)).size == (64, 64)
