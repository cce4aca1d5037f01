"""The deck's layout, re-opened from its files: in the PPTX deck and the PDF handout, at both screen sizes, in both
languages, for a deck of a few offices (tests/fixture_package.py) and a summary deck (tests/national_fixture.py),
no text box overlaps another shape or leaves its slide, and each text fits its box. Long texts (a takeaway naming
many offices, a long title, a footer of many sources) shrink or take more lines and push the chart smaller."""

import datetime as dt
import io
import itertools
import math
import textwrap
import unicodedata

import duckdb
import plotly.graph_objects as go
import pytest
from pptx import Presentation
from pypdf import PdfReader

from cityiso.deck.layout import HEIGHT, WIDTH, layout
from cityiso.deck.slides import Slide, build_deck
from cityiso.figures import images
from cityiso.queries import OfficeFilter, run
from tests.national_fixture import build_national

needs_browser = pytest.mark.skipif(
    images.find_browser() is None, reason="no Chrome/Chromium for Kaleido: apt-get install chromium"
)
SIZES = [(1920, 1080), (1280, 720)]
LANGS = ["pl", "en"]
LONG = (
    "Częstochowa: ISO 9001:2015, ostatni dowód: 2019 · Legionowo: ISO 9001:2008, ważny do 28 maja 2018 · "
    "Starogard Gdański: ISO 9001:2015, ostatni dowód: 2016 · Zabrze: 3. cykl certyfikacji, ważny do kwietnia 2018"
)


@pytest.fixture(scope="module")
def few_fetch(package_con: duckdb.DuckDBPyConnection):
    return lambda name, **params: run(package_con, name, **params)


@pytest.fixture(scope="module")
def summary_fetch(tmp_path_factory: pytest.TempPathFactory):
    db = build_national(tmp_path_factory.mktemp("national_layout"))
    with duckdb.connect(str(db), read_only=True) as con:
        yield lambda name, **params: run(con, name, **params)


@pytest.fixture(scope="module", params=["few", "summary"])
def deck_kind(request: pytest.FixtureRequest, few_fetch, summary_fetch):
    if request.param == "few":
        return few_fetch, ["testowo", "testowo-powiat"], dt.date(2012, 6, 1)
    return summary_fetch, OfficeFilter(), dt.date(2018, 6, 1)


@pytest.fixture(scope="module")
def deck_of(deck_kind):
    """The slides of one deck kind in one language at one size. The PPTX test and the PDF test of the same
    combination lay out the same slides, so each combination is built once (build_deck is deterministic and the
    exports only read the slides)."""
    fetch, offices, as_of = deck_kind
    built: dict[tuple, list[Slide]] = {}

    def slides(lang: str, size: tuple) -> list[Slide]:
        if (lang, size) not in built:
            built[lang, size] = build_deck(fetch, offices, lang, as_of=as_of, size=size)
        return built[lang, size]

    return slides


def long_slides() -> list[Slide]:
    """Texts longer than any the data gives today: a cover of many names, a takeaway of four offices twice over, a
    footer at its 140-character cut, seven long points."""
    footer = "Źródła: " + "Urząd Miasta Częstochowy nadał z certyfikatem ISO; URZĄD MIASTA Z NOWYM CERTYFIKATEM"[:139]
    footer += "… · dane z 2 grudnia 2026"
    figure = go.Figure(go.Bar(x=["a", "b"], y=[1, 2]), layout={"width": 1766, "height": 670})
    points = [f"Punkt {i}: " + "usprawnienie obsługi interesantów w wydziale komunikacji " * 2 for i in range(7)]
    return [
        Slide("title", "Certyfikacja ISO: " + ", ".join(["Starogard Gdański (Urząd Miasta)"] * 5), LONG, footer),
        Slide(
            "cycles",
            "Certyfikaty i zdarzenia w czasie: " + "bardzo długi tytuł " * 4,
            LONG + " · " + LONG,
            footer,
            figure=figure,
        ),
        Slide("findings", "Co docenili audytorzy: Starogard Gdański (Urząd Miasta)", LONG, footer, bullets=points),
    ]


def overlaps(a: tuple, b: tuple) -> bool:
    """Two (left, top, right, bottom) boxes share some area."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


# PPTX -----------------------------------------------------------------------------------------------------------


def needed_height_pt(shape) -> float:
    """A rough height of a text box's text, independent of the layout's own estimate: an average glyph of 0.55 em,
    lines 1.2 em apart (PowerPoint's single spacing), paragraph spacing, the frame's insets."""
    frame = shape.text_frame
    width = shape.width.pt - frame.margin_left.pt - frame.margin_right.pt
    total = frame.margin_top.pt + frame.margin_bottom.pt
    for paragraph in frame.paragraphs:
        size = (paragraph.runs[0].font.size or paragraph.font.size).pt
        lines = len(textwrap.wrap(paragraph.text, max(1, int(width / (size * 0.55))))) or 1
        total += lines * size * 1.2 + (paragraph.space_after.pt if paragraph.space_after else 0)
    return total


def check_pptx(data: bytes, slides: list[Slide]) -> None:
    deck = Presentation(io.BytesIO(data))
    width, height = deck.slide_width, deck.slide_height
    assert len(deck.slides) == len(slides)
    for number, (pptx_slide, slide) in enumerate(zip(deck.slides, slides, strict=True), start=1):
        where = f"slide {number} ({slide.key})"
        boxes = {s.name: (s.left, s.top, s.left + s.width, s.top + s.height) for s in pptx_slide.shapes}
        assert {"title", "takeaway", "footer"} <= set(boxes), where
        assert ("chart" in boxes) == (slide.figure is not None), where
        for name, (left, top, right, bottom) in boxes.items():
            assert 0 <= left < right <= width and 0 <= top < bottom <= height, f"{where}: {name} leaves the slide"
        texts = [s for s in pptx_slide.shapes if s.has_text_frame]
        for text, other in itertools.product(texts, pptx_slide.shapes):
            if text.shape_id != other.shape_id:
                assert not overlaps(boxes[text.name], boxes[other.name]), f"{where}: {text.name} over {other.name}"
        for text in texts:
            assert needed_height_pt(text) <= text.height.pt + 0.5, f"{where}: {text.name} does not fit its box"
            assert text.text_frame.word_wrap is True, where


@needs_browser
@pytest.mark.parametrize("size", SIZES, ids=["1920x1080", "1280x720"])
@pytest.mark.parametrize("lang", LANGS)
def test_pptx_boxes_stay_apart_and_inside(deck_of, lang: str, size: tuple) -> None:
    from cityiso.deck.pptx import deck_pptx

    slides = deck_of(lang, size)
    check_pptx(deck_pptx(slides), slides)


@needs_browser
def test_pptx_of_long_texts_still_fits() -> None:
    from cityiso.deck.pptx import deck_pptx

    slides = long_slides()
    data = deck_pptx(slides)
    check_pptx(data, slides)
    chart = next(s for s in Presentation(io.BytesIO(data)).slides[1].shapes if s.name == "chart")
    assert chart.height.pt >= 200  # still a chart, though the texts above it take more room


# PDF ------------------------------------------------------------------------------------------------------------


def _times(m: list, n: list) -> list:
    return [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]


def fragments(page) -> list[tuple[float, float, float, str]]:
    """Each piece of text on the page: its baseline's start (x, y from the top, in points), its size, its text."""
    found = []
    top = float(page.mediabox.height)

    def visit(text, cm, tm, font, size) -> None:
        if text.strip():
            m = _times(tm, cm)
            found.append((m[4], top - m[5], size * math.hypot(m[2], m[3]), unicodedata.normalize("NFKC", text)))

    page.extract_text(visitor_text=visit)
    return found


def squeezed(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def check_pdf(data: bytes, slides: list[Slide]) -> None:
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == len(slides)
    for number, (page, slide) in enumerate(zip(reader.pages, slides, strict=True), start=1):
        where = f"page {number} ({slide.key})"
        page_width, page_height = float(page.mediabox.width), float(page.mediabox.height)
        scale = page_width / WIDTH
        body = layout(slide)["body"]
        chart = [body.left * scale, body.top * scale, body.right * scale, body.bottom * scale]
        outside, inside = [], []
        for x, y, size, text in fragments(page):
            assert x >= 0 and y - 0.8 * size >= 0 and y + 0.25 * size <= page_height, f"{where}: {text!r} off the page"
            assert x + 0.45 * size * len(text.rstrip()) <= page_width, f"{where}: {text!r} runs off the page"
            in_chart = slide.figure is not None and chart[1] <= y <= chart[3]
            (inside if in_chart else outside).append((x, y, size, text))
        # The slide's own texts lie wholly outside the chart's room: glyphs from ascender to descender.
        for x, y, size, text in outside:
            glyphs = (x, y - 0.8 * size, page_width, y + 0.25 * size)
            assert slide.figure is None or not overlaps(glyphs, chart), f"{where}: {text!r} over the chart"
        words = squeezed("".join(f[3] for f in outside))
        for part in (slide.title, slide.takeaway, slide.footer, *slide.bullets):
            assert squeezed(part) in words, f"{where}: {part!r} not found outside the chart"
        if slide.figure is not None:
            assert inside, f"{where}: the chart's labels are not in its room"
            assert all(chart[0] <= x <= chart[2] for x, *_ in inside), where


@needs_browser
@pytest.mark.parametrize("size", SIZES, ids=["1920x1080", "1280x720"])
@pytest.mark.parametrize("lang", LANGS)
def test_pdf_text_stays_off_the_chart_and_on_the_page(deck_of, lang: str, size: tuple) -> None:
    from cityiso.deck.pdf import handout_pdf

    slides = deck_of(lang, size)
    check_pdf(handout_pdf(slides), slides)


@needs_browser
def test_pdf_of_long_texts_still_fits() -> None:
    from cityiso.deck.pdf import handout_pdf

    slides = long_slides()
    check_pdf(handout_pdf(slides), slides)


# The layout alone ------------------------------------------------------------------------------------------------


def test_layout_stacks_title_takeaway_body_footer_inside_the_slide() -> None:
    for slide in long_slides():
        parts = layout(slide)
        boxes = [parts[k] if k == "body" else parts[k].box for k in ("title", "takeaway", "body", "footer")]
        assert all(b.top >= 0 and b.bottom <= HEIGHT and b.left >= 0 and b.right <= WIDTH for b in boxes)
        assert all(a.bottom <= b.top for a, b in itertools.pairwise(boxes)), slide.key
    short = layout(Slide("cycles", "Certyfikaty", "Zabrze: 3. cykl", "Źródła: x"))
    long = layout(long_slides()[1])
    assert long["takeaway"].size < short["takeaway"].size  # a long takeaway is set smaller...
    assert long["body"].height < short["body"].height  # ...and still takes more room from the chart
