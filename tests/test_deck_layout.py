"""The deck's layout, re-opened from its files: in the PPTX deck and the PDF handout, at both screen sizes, in both
languages, for a deck of a few offices (tests/fixture_package.py, with one certificate of no dated evidence: the
timeline's note) and a summary deck (tests/national_fixture.py), between them every chart kind: no text box overlaps
another shape or leaves its slide, and each text fits its box. Long texts (a takeaway naming many offices, a long
title, a footer of many sources) shrink or take more lines and push the chart smaller.

Then what is drawn, read back from the rendered pages (text positions through pypdf's visitor, glyph widths from the
page's own font where the machine has it): on the handout's pages, including the text inside each chart, and on the
PPTX deck as LibreOffice renders it (skipped where it is not installed), no two runs of text overlap, none leaves
the page, each axis title stands clear of every other text, and every legend entry is drawn inside the chart's room.
Each deck is built and rendered once for the module (the renders take most of its time)."""

import datetime as dt
import functools
import glob
import html
import io
import itertools
import math
import re
import shutil
import subprocess
import textwrap
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import plotly.graph_objects as go
import pytest
from PIL import ImageFont
from pptx import Presentation
from pptx.util import Emu
from pypdf import PdfReader

from cityiso.build import build
from cityiso.deck import fit
from cityiso.deck.layout import HEIGHT, WIDTH, layout, screen_fonts
from cityiso.deck.slides import Slide, build_deck
from cityiso.figures import images
from cityiso.queries import OfficeFilter, run
from tests.fixture_package import write_package
from tests.national_fixture import build_national

needs_browser = pytest.mark.skipif(
    images.find_browser() is None, reason="no Chrome/Chromium for Kaleido: apt-get install chromium"
)
LONG = (
    "Częstochowa: ISO 9001:2015, ostatni dowód: 2019 · Legionowo: ISO 9001:2008, ważny do 28 maja 2018 · "
    "Starogard Gdański: ISO 9001:2015, ostatni dowód: 2016 · Zabrze: 3. cykl certyfikacji, ważny do kwietnia 2018"
)


def undated_certificate(rows: dict, documents: dict) -> None:
    """The city hall's older ISO 9001 certificate, named by its portal with no date: the timeline names it in a
    note instead of drawing it."""
    rows["certificates"].append(
        dict(
            certificate_id="tst-9001-undated",
            office_id="testowo",
            family="ISO 9001",
            standard_as_written="ISO 9001",
            edition_basis="unknown",
            edition_reason="The text names no edition.",
            source_id="portal",
            quote="certyfikaty ISO 9001:2015 oraz PN-EN ISO 37120",
        )
    )


@pytest.fixture(scope="module")
def few_fetch(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("few_layout")
    problems = build(write_package(root, undated_certificate), root / "cityiso.duckdb")
    assert not problems, problems
    with duckdb.connect(str(root / "cityiso.duckdb"), read_only=True) as con:
        yield lambda name, **params: run(con, name, **params)


@pytest.fixture(scope="module")
def summary_fetch(tmp_path_factory: pytest.TempPathFactory):
    db = build_national(tmp_path_factory.mktemp("national_layout"))
    with duckdb.connect(str(db), read_only=True) as con:
        yield lambda name, **params: run(con, name, **params)


# The decks the checks below read: each kind (a few offices, the summary of many), language and size twice over, in
# four cases (every pair of kind, language and size is in one of them), since each deck costs seconds to draw, and
# the tightest of all, a few offices' long names in Polish on the small slide.
CASES = [
    ("few", "pl", (1920, 1080)),
    ("few", "pl", (1280, 720)),
    ("few", "en", (1280, 720)),
    ("summary", "pl", (1280, 720)),
    ("summary", "en", (1920, 1080)),
]
CASE_IDS = [f"{kind}-{lang}-{width}x{height}" for kind, lang, (width, height) in CASES]
EACH_CASE = pytest.mark.parametrize(("kind", "lang", "size"), CASES, ids=CASE_IDS)


@dataclass
class Deck:
    """One deck kind in one language at one size: its slides and their exports, each made once when first asked."""

    slides: list[Slide]
    made: dict[str, bytes] = field(default_factory=dict)

    @property
    def pptx(self) -> bytes:
        from cityiso.deck.pptx import deck_pptx

        if "pptx" not in self.made:
            self.made["pptx"] = deck_pptx(self.slides)
        return self.made["pptx"]

    @property
    def pdf(self) -> bytes:
        from cityiso.deck.pdf import handout_pdf

        if "pdf" not in self.made:
            self.made["pdf"] = handout_pdf(self.slides)
        return self.made["pdf"]


@pytest.fixture(scope="module")
def deck_of(few_fetch, summary_fetch):
    """The deck of one kind in one language at one size. Every test of the same case reads the same slides and the
    same exports, so each is built and rendered once (build_deck is deterministic; the exports only read the
    slides)."""
    kinds = {
        "few": (few_fetch, ["testowo", "testowo-powiat"], dt.date(2012, 6, 1)),
        "summary": (summary_fetch, OfficeFilter(), dt.date(2018, 6, 1)),
    }
    built: dict[tuple, Deck] = {}

    def deck(kind: str, lang: str, size: tuple) -> Deck:
        if (kind, lang, size) not in built:
            fetch, offices, as_of = kinds[kind]
            built[kind, lang, size] = Deck(build_deck(fetch, offices, lang, as_of=as_of, size=size))
        return built[kind, lang, size]

    return deck


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
@EACH_CASE
def test_pptx_boxes_stay_apart_and_inside(deck_of, kind: str, lang: str, size: tuple) -> None:
    deck = deck_of(kind, lang, size)
    check_pptx(deck.pptx, deck.slides)


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
@EACH_CASE
def test_pdf_text_stays_off_the_chart_and_on_the_page(deck_of, kind: str, lang: str, size: tuple) -> None:
    deck = deck_of(kind, lang, size)
    check_pdf(deck.pdf, deck.slides)


@needs_browser
def test_pdf_of_long_texts_still_fits() -> None:
    from cityiso.deck.pdf import handout_pdf

    slides = long_slides()
    check_pdf(handout_pdf(slides), slides)


# What is drawn: every piece of text on a rendered page ---------------------------------------------------------------

ASCENT, DESCENT = 0.74, 0.22  # a glyph's reach above and below its baseline, in em (DejaVu Sans: 0.76 and 0.24)
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts")
NO_LEGEND = {"heatmap", "choropleth", "histogram2d", "contour"}  # trace types Plotly leaves out of a legend


@functools.cache
def _face(name: str) -> ImageFont.FreeTypeFont | None:
    """The font a PDF names (its subset's prefix dropped) from the machine's fonts, at 100 px; None if not found."""
    for folder in FONT_DIRS:
        for path in sorted(glob.glob(f"{folder}/**/{name}.ttf", recursive=True)):
            return ImageFont.truetype(path, 100)
    return None


def advance(text: str, em: float, font) -> float:
    """How far `text` runs at `em` points in the page's font: the font's own widths where the machine has it (both
    Chromium and LibreOffice set the deck in DejaVu Sans here), else fit's DejaVu widths a little narrowed (they are
    a few per cent wide; narrower errs towards passing)."""
    name = str(font.get("/BaseFont", "")).split("+")[-1] if font else ""
    face = _face(name) if name else None
    return face.getlength(text) * em / 100 if face else 0.92 * fit.text_width(text, em)


@dataclass(frozen=True)
class Run:
    """A piece of text as drawn: its text, its box (left, top, right, bottom; points from the page's top left, from
    ascender to descender) and its size in points."""

    text: str
    box: tuple[float, float, float, float]
    em: float
    clip: tuple[float, float, float, float] | None = None  # the clipping area it is drawn in (None: the page)


PAINT = {"n", "f", "F", "f*", "S", "s", "B", "B*", "b", "b*"}  # operators that end a path (and set a pending clip)


class Clipping:
    """The clipping area of a page's content as pypdf reads it: the box of each path that becomes a clip (W, W*),
    narrowed by each new one and restored with the graphics state (q, Q), in points from the page's foot."""

    def __init__(self) -> None:
        self.area: tuple | None = None
        self.saved: list = []
        self.path: tuple | None = None
        self.clips = False

    def _extend(self, points: list, cm: list) -> None:
        xs = [x * cm[0] + y * cm[2] + cm[4] for x, y in points]
        ys = [x * cm[1] + y * cm[3] + cm[5] for x, y in points]
        old = self.path or (min(xs), min(ys), max(xs), max(ys))
        self.path = (min(old[0], *xs), min(old[1], *ys), max(old[2], *xs), max(old[3], *ys))

    def before(self, operator, operands, cm, tm) -> None:
        op = operator.decode() if isinstance(operator, bytes) else operator
        if op == "re":
            x, y, w, h = map(float, operands)
            self._extend([(x, y), (x + w, y + h)], cm)
        elif op in ("m", "l", "c", "v", "y"):
            values = list(map(float, operands))
            self._extend(list(zip(values[::2], values[1::2], strict=True)), cm)
        elif op in ("W", "W*"):
            self.clips = True
        elif op in PAINT:
            if self.clips and self.path:
                a, p = self.area, self.path
                self.area = p if a is None else (max(a[0], p[0]), max(a[1], p[1]), min(a[2], p[2]), min(a[3], p[3]))
            self.path, self.clips = None, False

    def after(self, operator, operands, cm, tm) -> None:  # after: text drawn before a Q is handed over in the Q
        op = operator.decode() if isinstance(operator, bytes) else operator
        if op == "q":
            self.saved.append(self.area)
        elif op == "Q":
            self.area = self.saved.pop() if self.saved else None


def runs(page) -> list[Run]:
    """Every piece of text drawn on the page, turned text (a y axis's title) included; pieces drawn one after another
    on one baseline join into one piece."""
    page_height = float(page.mediabox.height)
    found: list[Run] = []
    clipping = Clipping()

    def visit(text, cm, tm, font, size) -> None:
        text = unicodedata.normalize("NFKC", text)
        if not text.strip():
            return
        m = _times(tm, cm)
        em = size * math.hypot(m[2], m[3])
        along, up = math.hypot(m[0], m[1]), math.hypot(m[2], m[3])
        ux, uy, vx, vy = m[0] / along, m[1] / along, m[2] / up, m[3] / up  # the baseline's direction, and up
        lead = advance(text[: len(text) - len(text.lstrip())], em, font)
        text = text.strip()
        x, y, wide = m[4] + ux * lead, m[5] + uy * lead, advance(text, em, font)
        corners = [
            (x + ux * a * wide + vx * b * em, y + uy * a * wide + vy * b * em)
            for a in (0, 1)
            for b in (-DESCENT, ASCENT)
        ]
        box = (
            min(c[0] for c in corners),
            page_height - max(c[1] for c in corners),
            max(c[0] for c in corners),
            page_height - min(c[1] for c in corners),
        )
        area = clipping.area
        clip = None if area is None else (area[0], page_height - area[3], area[2], page_height - area[1])
        last = found[-1] if found else None
        if (
            last is not None
            and abs(uy) < 1e-6
            and abs(last.em - em) < 0.01 * em
            and abs(last.box[3] - box[3]) < 0.1 * em
            and abs(box[0] - last.box[2]) < 0.5 * em
            and last.clip == clip
        ):  # the next piece of the same line
            joined = (last.box[0], min(last.box[1], box[1]), max(last.box[2], box[2]), max(last.box[3], box[3]))
            found[-1] = Run(f"{last.text} {text}", joined, em, clip)
        else:
            found.append(Run(text, box, em, clip))

    page.extract_text(visitor_text=visit, visitor_operand_before=clipping.before, visitor_operand_after=clipping.after)
    return found


def inset(box: tuple, by: float) -> tuple:
    return (box[0] + by, box[1] + by, box[2] - by, box[3] - by)


def inside(box: tuple, room: tuple, slack: float = 0.5) -> bool:
    return (
        box[0] >= room[0] - slack
        and box[1] >= room[1] - slack
        and box[2] <= room[2] + slack
        and box[3] <= room[3] + slack
    )


def cut(piece: Run) -> bool:
    """Some of the run lies outside its clipping area, by more than the measure's error (half a point, and 2 % of its
    length: the widths have no kerning; a row cut at the foot loses its descenders, a fifth of its size)."""
    box, area = piece.box, piece.clip
    spare_x, spare_y = 0.5 + 0.02 * (box[2] - box[0]), 0.5 + 0.02 * (box[3] - box[1])
    return not (
        box[0] >= area[0] - spare_x
        and box[2] <= area[2] + spare_x
        and box[1] >= area[1] - spare_y
        and box[3] <= area[3] + spare_y
    )


def check_drawn(page, where: str) -> list[Run]:
    """No piece of text leaves the page or its clipping area (a cut row of text) or overlaps another (by more than
    half a point each way)."""
    found = runs(page)
    whole = (0, 0, float(page.mediabox.width), float(page.mediabox.height))
    for piece in found:
        assert inside(piece.box, whole), f"{where}: {piece.text!r} leaves the page"
        assert piece.clip is None or not cut(piece), f"{where}: {piece.text!r} is cut"
    for a, b in itertools.combinations(found, 2):
        assert not overlaps(inset(a.box, 0.5), inset(b.box, 0.5)), f"{where}: {a.text!r} over {b.text!r}"
    return found


def plain(text: str | None) -> str:
    """Plotly's text as drawn: no tags, entities read."""
    return html.unescape(re.sub(r"<[^>]+>", "", str(text or "")))


def legend_entries(fig: go.Figure) -> list[str]:
    """The names a figure's legend shows (Plotly draws a legend for two traces or more, unless told)."""
    shown = [t for t in fig.data if t.showlegend or (t.showlegend is None and t.type not in NO_LEGEND)]
    if fig.layout.showlegend is False or (fig.layout.showlegend is None and len(shown) < 2):
        return []
    return [plain(t.name) for t in shown if t.name]


def axis_titles(fig: go.Figure) -> list[str]:
    axes = [fig.layout[k] for k in fig.layout if re.fullmatch(r"[xy]axis\d*", k)]
    return [plain(a.title.text) for a in axes if a.visible is not False and a.title.text]


def check_chart_drawing(page, slide: Slide, where: str) -> None:
    """On a handout page: the texts, the chart's own included, apart and on the page; what the chart draws lies in
    its room; its axis titles stand clear of every other text (a fifth of their size at least) and every legend
    entry is drawn, in the room (a row cut at the room's foot is missing or outside it)."""
    found = check_drawn(page, where)
    if slide.figure is None:
        return
    points = float(page.mediabox.width) / WIDTH
    body = layout(slide)["body"]
    room = (body.left * points, body.top * points, body.right * points, body.bottom * points)
    drawn = [r for r in found if room[1] <= (r.box[1] + r.box[3]) / 2 <= room[3]]
    for piece in drawn:
        assert inside(piece.box, room, 1), f"{where}: {piece.text!r} runs out of the chart's room"
    words = squeezed("".join(r.text for r in drawn))
    for entry in legend_entries(slide.figure):
        assert squeezed(entry) in words, f"{where}: legend entry {entry!r} not drawn in the chart's room"
    for title in axis_titles(slide.figure):
        runs_of_title = [r for r in drawn if squeezed(r.text) == squeezed(title)]
        assert runs_of_title, f"{where}: axis title {title!r} not drawn in the chart's room"
        for piece, other in itertools.product(runs_of_title, found):
            if other is not piece:
                clear = inset(piece.box, -0.2 * piece.em)
                assert not overlaps(clear, other.box), f"{where}: axis title {title!r} touches {other.text!r}"


@needs_browser
@EACH_CASE
def test_handout_draws_every_text_apart_on_the_page_and_in_its_room(deck_of, kind: str, lang: str, size: tuple) -> None:
    deck = deck_of(kind, lang, size)
    reader = PdfReader(io.BytesIO(deck.pdf))
    for number, (page, slide) in enumerate(zip(reader.pages, deck.slides, strict=True), start=1):
        check_chart_drawing(page, slide, f"handout page {number} ({slide.key}, {lang}, {size[0]})")


@pytest.fixture(scope="module")
def office_render(deck_of, tmp_path_factory: pytest.TempPathFactory):
    """The PDF LibreOffice renders of each case's PPTX deck (one soffice run for them all), by case. The test is
    skipped where LibreOffice is not installed."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("no LibreOffice to render the PPTX deck (apt-get install libreoffice-impress-nogui)")
    folder = tmp_path_factory.mktemp("office")
    decks = [folder / f"{kind}_{lang}_{size[0]}.pptx" for kind, lang, size in CASES]
    for path, case in zip(decks, CASES, strict=True):
        path.write_bytes(deck_of(*case).pptx)
    profile = f"-env:UserInstallation={(folder / 'profile').as_uri()}"  # its own profile: no lock with another run
    command = [soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", str(folder), *map(str, decks)]
    subprocess.run(command, check=True, capture_output=True, timeout=600)
    return lambda kind, lang, size: Path(folder / f"{kind}_{lang}_{size[0]}.pdf").read_bytes()


@needs_browser
@EACH_CASE
def test_pptx_as_libreoffice_draws_it_keeps_texts_apart_and_off_the_chart(
    deck_of, office_render, kind: str, lang: str, size: tuple
) -> None:
    """The deck's text boxes as LibreOffice sets their text (its own line breaks and shrinking): no piece overlaps
    another, leaves the slide or lies on the chart's picture, and every text is there. (The picture is the chart
    drawn at the same pixels as the handout's, layout.chart_pixels: the handout's test reads what it draws.)"""
    deck = deck_of(kind, lang, size)
    reader = PdfReader(io.BytesIO(office_render(kind, lang, size)))
    shown = Presentation(io.BytesIO(deck.pptx)).slides
    for number, (page, slide, shapes) in enumerate(zip(reader.pages, deck.slides, shown, strict=True), start=1):
        where = f"rendered slide {number} ({slide.key}, {lang}, {size[0]})"
        found = check_drawn(page, where)
        points = float(page.mediabox.width) / WIDTH
        for chart in (s for s in shapes.shapes if s.name == "chart"):
            edges = (chart.left, chart.top, chart.left + chart.width, chart.top + chart.height)
            picture = tuple(Emu(v).pt * points for v in edges)
            for piece in found:
                assert not overlaps(inset(piece.box, 0.5), picture), f"{where}: {piece.text!r} over the chart"
        words = squeezed("".join(r.text for r in found))
        for part in (slide.title, slide.takeaway, slide.footer, *slide.bullets):
            assert squeezed(part) in words, f"{where}: {part!r} not drawn"


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


@pytest.mark.parametrize("screen", [(1366, 768), (1920, 1080)])
def test_screen_fonts_shrink_long_texts_and_leave_the_chart_what_is_left(screen: tuple[int, int]) -> None:
    """The presentation page's type: a long title and takeaway get smaller type than short ones and take room
    from the chart; many points get smaller type; the chart never drops under 200 px nor over 62% of the screen."""
    short = screen_fonts(Slide("cycles", "Certyfikaty", "Zabrze: 3. cykl", "Źródła: x"), screen)
    long = screen_fonts(long_slides()[1], screen)
    assert long["title"] <= short["title"] and long["takeaway"] < short["takeaway"]
    assert long["chart"] < short["chart"] <= round(0.62 * screen[1])
    points = Slide(
        "title", "Urzędy", "", "Źródła: x", bullets=[f"Urząd {n}: " + "ważny certyfikat " * 6 for n in range(12)]
    )
    assert screen_fonts(points, screen)["bullets"] < round(0.019 * screen[0])
    assert min(screen_fonts(s, screen)["chart"] for s in long_slides()) >= 200
