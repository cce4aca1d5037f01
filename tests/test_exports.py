"""Exports of the fixture package's deck (tests/fixture_package.py), re-opened: the PPTX deck, the PDF handout,
chart images and the command line."""

import datetime as dt
import io
import re
import unicodedata
from pathlib import Path
from xml.etree.ElementTree import canonicalize

import duckdb
import pytest
from pptx import Presentation
from pypdf import PdfReader

from cityiso.deck import __main__ as export
from cityiso.deck.slides import build_deck
from cityiso.figures import images
from cityiso.queries import run

needs_browser = pytest.mark.skipif(
    images.find_browser() is None, reason="no Chrome/Chromium for Kaleido: apt-get install chromium"
)


CITY = "Testowo (Urząd Miasta Testowo)"
COUNTY = "Testowo (Starostwo Powiatowe w Testowie)"


@pytest.fixture(scope="module")
def slides(package_con: duckdb.DuckDBPyConnection) -> list:
    """Both offices of Testowo in June 2012: title, map, cycles, clauses, themes, heatmap, two praise slides."""
    return build_deck(
        lambda name, **p: run(package_con, name, **p), ["testowo", "testowo-powiat"], "pl", as_of=dt.date(2012, 6, 1)
    )


def shape_text(slide, name: str) -> str:
    return next(s for s in slide.shapes if s.name == name).text_frame.text


@needs_browser
def test_pptx_has_every_slide_with_title_takeaway_footer_and_charts(slides: list) -> None:
    from cityiso.deck.pptx import deck_pptx

    deck = Presentation(io.BytesIO(deck_pptx(slides)))
    assert len(deck.slides) == len(slides) == 8
    assert shape_text(deck.slides[0], "title") == f"Certyfikacja ISO: {CITY}, {COUNTY}"
    assert shape_text(deck.slides[7], "bullets") == "• Sprawna obsługa interesantów"
    for pptx_slide, slide in zip(deck.slides, slides, strict=True):
        assert shape_text(pptx_slide, "title") == slide.title
        assert shape_text(pptx_slide, "takeaway") == slide.takeaway
        assert shape_text(pptx_slide, "footer") == slide.footer
        pictures = [s for s in pptx_slide.shapes if s.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
        assert len(pictures) == (1 if slide.figure is not None else 0), slide.title
        if pictures:
            assert pictures[0].image.size[0] >= 3000  # rendered at twice the slide's pixel size: sharp


@needs_browser
def test_pdf_handout_has_a_page_per_slide_with_its_text(slides: list) -> None:
    from cityiso.deck.pdf import handout_pdf

    reader = PdfReader(io.BytesIO(handout_pdf(slides)))
    assert len(reader.pages) == len(slides)
    # Chromium's PDF sets "fi" as a ligature; NFKC turns it back into two letters.
    texts = [unicodedata.normalize("NFKC", page.extract_text()) for page in reader.pages]
    for text, slide in zip(texts, slides, strict=True):
        assert slide.title.split(":")[0] in text
        assert "Źródła: „Audit w Testowie”; „ISO w urzędzie”; „ISO w starostwie”" in text
    assert "ISO 9001:2015, ważny do 19 września 2019" in texts[2]
    assert "• Zaangażowanie kierownictwa" in texts[6] and "Wzór dla innych" not in texts[6]  # auditors only
    assert reader.metadata.title == slides[0].title


@needs_browser
def test_pptx_and_pdf_keep_the_chosen_order(package_con: duckdb.DuckDBPyConnection) -> None:
    """The auditors' praise first and the status map last, as chosen: the PowerPoint's titles and the handout's
    pages in that order."""
    from cityiso.deck.pdf import handout_pdf
    from cityiso.deck.pptx import deck_pptx

    fetch = lambda name, **p: run(package_con, name, **p)  # noqa: E731
    slides = build_deck(fetch, ["testowo", "testowo-powiat"], "en", ["findings", "map"], as_of=dt.date(2012, 6, 1))
    titles = [
        f"ISO certification: {CITY}, {COUNTY}",
        f"What the auditors praised: {CITY}",
        f"What the auditors praised: {COUNTY}",
        "Offices' certification status",
    ]
    deck = Presentation(io.BytesIO(deck_pptx(slides)))
    assert [shape_text(s, "title") for s in deck.slides] == titles
    pages = [unicodedata.normalize("NFKC", p.extract_text()) for p in PdfReader(io.BytesIO(handout_pdf(slides))).pages]
    assert len(pages) == len(titles)
    # Each page starts with its slide's title (a long title wraps onto a second line).
    assert [" ".join(page.split())[: len(title)] for page, title in zip(pages, titles, strict=True)] == titles


@needs_browser
def test_command_line_writes_each_format(package_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    db = ["--db", str(package_db)]
    deck = tmp_path / "deck.pptx"
    assert export.main(["--format", "pptx", "--out", str(deck), "--offices", "testowo", "--lang", "en", *db]) == 0
    assert len(Presentation(str(deck)).slides) == 6  # title, map, cycles, clauses, themes, what the auditors praised
    assert export.main(["--format", "pdf", "--out", str(tmp_path / "h.pdf"), *db, "--charts", "cycles"]) == 0
    assert len(PdfReader(str(tmp_path / "h.pdf")).pages) == 2
    for fmt, magic in (("png", b"\x89PNG"), ("svg", b"<svg")):
        folder = tmp_path / fmt
        assert export.main(["--format", fmt, "--out", str(folder), "--offices", "testowo-powiat", *db]) == 0
        files = sorted(p.name for p in folder.iterdir())
        assert files == [f"01_map.{fmt}", f"02_cycles.{fmt}", f"03_clauses.{fmt}", f"04_themes.{fmt}"]
        assert all(magic in (folder / f).read_bytes()[:200] for f in files)
    folder = tmp_path / "ordered"
    assert export.main(["--format", "svg", "--out", str(folder), *db, "--charts", "themes,map,themes"]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["01_themes.svg", "02_map.svg"]  # as asked, each once
    assert "wrote" in capsys.readouterr().out


@needs_browser
def test_command_line_exports_one_family(package_db: Path, tmp_path: Path) -> None:
    """ISO 14001 at the county office: no auditor praised anything about it, so no praise slides."""
    deck = tmp_path / "iso14001.pptx"
    args = ["--format", "pptx", "--out", str(deck), "--offices", "testowo-powiat", "--family", "ISO 14001"]
    assert export.main([*args, "--as-of", "2018-01-01", "--lang", "en", "--db", str(package_db)]) == 0
    slides = Presentation(str(deck)).slides
    assert len(slides) == 3
    assert shape_text(slides[1], "takeaway") == "ISO 14001, status on 1 January 2018: valid (approximate): 1"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--offices", "warszawa"], "unknown office id(s): warszawa (known: testowo, testowo-powiat)"),
        (["--charts", "pie"], "unknown chart(s): pie"),
        (["--family", "ISO 50001"], "unknown family: ISO 50001 (known: ISO 14001, ISO 37120, ISO 9001)"),
    ],
)
def test_command_line_names_a_bad_argument(package_db: Path, tmp_path: Path, capsys, args: list, message: str) -> None:
    code = export.main(["--format", "pptx", "--out", str(tmp_path / "x.pptx"), "--db", str(package_db), *args])
    assert code == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x.pptx").exists()


def test_command_line_without_database(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    code = export.main(["--format", "pdf", "--out", str(tmp_path / "x.pdf"), "--db", str(tmp_path / "none.duckdb")])
    assert code == 2
    assert "python -m cityiso.build" in capsys.readouterr().err


def test_without_a_browser_the_command_says_so(package_db: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setattr(images, "find_browser", lambda: None)
    code = export.main(["--format", "png", "--out", str(tmp_path / "png"), "--db", str(package_db)])
    assert code == 3
    err = capsys.readouterr().err
    assert "Image export needs Chrome or Chromium" in err and "apt-get install chromium" in err
    assert not list((tmp_path / "png").glob("*.png"))


def same_drawing(a: bytes, b: bytes) -> bool:
    """Two SVGs of one figure: equal as XML (C14N: attributes in one order; a reused tab may write the root's
    attributes in another order) once the random id Plotly gives each render's defs and clip paths is aligned."""
    ids = re.compile(rb'defs-([0-9a-f]{6})"')
    first, second = ids.search(a), ids.search(b)
    if not (first and second):
        return False
    return canonicalize(a.replace(first.group(1), b"ID").decode()) == canonicalize(
        b.replace(second.group(1), b"ID").decode()
    )


@needs_browser
def test_concurrent_exports_each_get_their_own_figure() -> None:
    """Kaleido renders one figure at a time: images rendered from several threads at once must not get mixed."""
    from concurrent.futures import ThreadPoolExecutor

    import plotly.graph_objects as go

    def figure(i: int) -> go.Figure:
        return go.Figure(go.Bar(x=["a", "b"], y=[i, i + 1]), layout={"title": {"text": f"unique-title-{i:02d}"}})

    figures = [figure(i) for i in range(6)]
    alone = [images.image_bytes(f, "svg", width=300, height=200) for f in figures]
    for _ in range(2):
        with ThreadPoolExecutor(max_workers=6) as pool:
            together = list(pool.map(lambda f: images.image_bytes(f, "svg", width=300, height=200), figures))
        for i, svg in enumerate(together):
            titles = [t for t in (f"unique-title-{j:02d}" for j in range(6)) if t.encode() in svg]
            assert titles == [f"unique-title-{i:02d}"], (i, titles)
            assert same_drawing(svg, alone[i])
