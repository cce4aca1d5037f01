"""Curated text is data, never markup: the escaping functions, and every page on a database full of hostile text."""

import random
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from cityiso.build import build
from cityiso.paths import ROOT
from cityiso.safe_text import WORD_JOINER, code, html, md
from tests.fixture_package import write_package
from tests.plain_tables import plain_table_bodies

PAYLOADS = [
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<meta http-equiv="refresh" content="0;url=http://evil.example">',
    "<style>body{display:none}</style>",
    '<form action="http://evil.example"><input name="x"><button>OK</button></form>',
    "<img src=x onerror=alert(1)>",
    "**bold** __bold__ *em* _em_ ~~struck~~ `code`",
    "[link](http://evil.example) [ref][1]\n\n[1]: http://evil.example",
    "![img](http://evil.example/x.png)",
    "# heading",
    "## heading\n===\n---",
    "- item\n+ item\n* item\n1. item\n2) item",
    "> quote",
    "    indented code",
    "```\nfenced\n```",
    "| a | b |\n|---|---|",
    "$x^2$ and $$y$$",
    ":red[coloured] :material/home: :smile:",
    "&lt;b&gt; &amp; &#60;script&#62; &nbsp;",
    "http://evil.example www.evil.example someone@evil.example",
    "line\nbreak\r\nand  \ntrailing spaces\\",
    "\\*not em\\* \\",
    "<!-- comment --> <![CDATA[x]]>",
    "Zabrze: 30 września 2016, ISO 9001:2015 (3.)",
]
# The markup a payload must not turn into, as Streamlit's Markdown would see it.
HTML_TAG = re.compile(r"<[a-zA-Z!/]")
# The frontend's GFM autolink-literal patterns, applied to text after escapes are resolved.
AUTOLINK = re.compile(r"(https?://|www(?=\.))[-.\w]+|[-.\w+]+@[-\w]+(\.[-\w]+)+", re.IGNORECASE)


def unescape_markdown(text: str) -> str:
    """What a CommonMark reader shows for text that md() escaped: entities decoded, escapes resolved."""
    text = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def collapse(text: str) -> str:
    return re.sub(r"[ \t\r\n\f\v\u2028\u2029\x85]+", " ", text)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_md_shows_the_text_and_nothing_else(payload: str) -> None:
    escaped = md(payload)
    # No raw HTML, no line structure (headings, lists, code blocks, tables need a new line).
    assert not HTML_TAG.search(escaped)
    assert "\n" not in escaped and "\r" not in escaped
    # Every character that is markup anywhere in a line is escaped or is part of a character reference md() wrote,
    # and the first character cannot open a block (list item, setext underline, thematic break, numbered item).
    rest = re.sub(r"&(lt|gt|amp);|\\[!-/:-@\[-`{-~]", "", escaped)
    assert not re.search(r"[\\`*_{}\[\]()#!|~$:<>&]", rest), rest
    assert not re.match(r" ?([-+=]|\d+[.)]( |$))", escaped), escaped
    # A reader sees the value itself (whitespace collapsed as Markdown does), with no link made of it.
    shown = unescape_markdown(escaped)
    assert not AUTOLINK.search(shown)
    assert shown.replace(WORD_JOINER, "") == collapse(payload)


def test_md_round_trips_random_punctuation() -> None:
    alphabet = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ \n\tazZ09ął"
    rng = random.Random(20241201)
    for _ in range(2000):
        value = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        shown = unescape_markdown(md(value)).replace(WORD_JOINER, "")
        assert shown == collapse(value), value


@pytest.mark.parametrize("value", [None, 3, 2.5])
def test_md_and_html_take_any_value(value) -> None:
    assert md(value) == ("" if value is None else str(value))
    assert html(value) == ("" if value is None else str(value))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_html_escapes_every_tag_and_attribute_quote(payload: str) -> None:
    escaped = html(payload)
    assert "<" not in escaped and ">" not in escaped and '"' not in escaped and "'" not in escaped
    assert re.sub(r"&(lt|gt|amp|quot|#x27);", "", escaped).count("&") == 0


def test_no_page_or_helper_renders_raw_html_from_markdown() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in [
            ROOT / "dashboard.py",
            *sorted((ROOT / "pages").glob("*.py")),
            *sorted((ROOT / "cityiso").rglob("*.py")),
        ]
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if "unsafe_allow_html" in line
    ]
    assert not offenders


# --- Pages on a database whose curated text is hostile --------------------------------------------------------------

HOSTILE = (
    '<iframe srcdoc="<script>alert(1)</script>"></iframe><meta http-equiv="refresh" content="0;url=http://x.example">'
    "<style>body{display:none}</style><form action=http://x.example><input></form> **bold** [link](http://x.example) "
    "![img](http://x.example/i.png) # heading"
)


# What HOSTILE's tags (or a link) would become if HTML showing it left it unescaped.
RAW_TAGS = ("<iframe", "<meta", "<style", "<form", "<script", "<img", "<a ", "<input")


def build_hostile_db(tmp_path: Path) -> Path:
    """The fixture package (tests/fixture_package.py) with HOSTILE in its curated text, built into a database.

    The one place that knows the data format: finding tst-f1's texts and quote (HOSTILE appended to the portal's
    document, as a quote must stand verbatim there), the portal source's title and note, the theme label of
    leadership, clause 5's label, the city hall's place and office name (its quote, HOSTILE, names it), and the
    curator's note on its ISO 9001 certificate."""

    def edit(rows: dict, documents: dict) -> None:
        def row(table: str, **key: str) -> dict:
            (hit,) = [r for r in rows[table] if all(r.get(k) == v for k, v in key.items())]
            return hit

        documents["portal.txt"] += "\n" + HOSTILE + "\n"
        row("findings", finding_id="tst-f1").update(text_pl=HOSTILE, text_en=HOSTILE, quote=HOSTILE)
        row("sources", source_id="portal").update(title=HOSTILE, note=HOSTILE)
        row("themes", theme_id="leadership").update(label_pl=HOSTILE, label_en=HOSTILE)
        row("clauses", standard_id="iso9001-2015", clause="5").update(label_pl=HOSTILE, label_en=HOSTILE)
        row("offices", office_id="testowo").update(place=HOSTILE, office_name=HOSTILE, quote=HOSTILE)
        row("certificates", certificate_id="tst-9001").update(note=HOSTILE)

    out = tmp_path / "hostile.duckdb"
    problems = build(write_package(tmp_path, edit), out)
    assert not problems, "\n".join(map(str, problems))
    return out


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_hostile_db(tmp_path_factory.mktemp("hostile"))


def open_hostile(db: Path, monkeypatch: pytest.MonkeyPatch, page: str, **params: str) -> AppTest:
    monkeypatch.setenv("CITYISO_DB", str(db))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(f"pages/{page}.py")
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def rendered_markdown(at: AppTest) -> list[str]:
    """Every string the page hands to Streamlit's Markdown renderer (text elements, labels, notices)."""
    texts = [m.value for kind in ("markdown", "caption", "title", "header", "subheader") for m in at.get(kind)]
    texts += [e.value for kind in ("info", "warning", "error", "success") for e in at.get(kind)]
    texts += [e.proto.label for e in at.get("expander")]
    texts += [m.label for m in at.metric]
    return texts


def assert_shown_literally(texts: list[str], tables: list[str] = (), in_markdown: bool = True) -> None:
    """HOSTILE occurs only in its escaped form, in Markdown (`texts`: there at least once unless `in_markdown` is
    false) and in the plain tables' HTML (`tables`), and nothing it contains could become markup."""
    joined = "\n".join(texts)
    html_joined = "\n".join(tables)
    assert md(HOSTILE) in joined or not in_markdown, "the hostile text should be shown (escaped)"
    for raw in ("<iframe", "<meta", "<style", "<form", "**bold**", "[link](", "![img]"):
        assert raw not in joined, raw
    for raw in RAW_TAGS:
        assert raw not in html_joined, raw
    assert not re.search(r"(?<!\\)# heading", joined)


@pytest.mark.parametrize(
    ("page", "params"),
    [
        ("overview", {"lang": "en"}),  # curated text in its lists of events only: plain tables
        ("office", {"office": "testowo", "lang": "pl"}),
        ("office", {"office": "testowo", "lang": "en"}),
        ("sources", {"lang": "pl"}),
        ("sources", {"lang": "en"}),
        ("cycles", {"offices": "testowo", "lang": "en", "tables": "certificates,events"}),
        ("compare", {"offices": "testowo,testowo-powiat", "lang": "en"}),
    ],
)
def test_hostile_curated_text_renders_literally(hostile_db: Path, monkeypatch, page: str, params: dict) -> None:
    at = open_hostile(hostile_db, monkeypatch, page, **params)
    tables = plain_table_bodies(at)
    assert_shown_literally(rendered_markdown(at), tables, in_markdown=page != "overview")
    # Every page here shows curated text in a plain table: an office's name, a certificate's note, a clause's label.
    assert html(HOSTILE) in "\n".join(tables), "a plain table should show the hostile text (escaped)"


def test_presentation_escapes_curated_text_in_its_html(hostile_db: Path, monkeypatch) -> None:
    at = open_hostile(hostile_db, monkeypatch, "presentation", offices="testowo", lang="en", present="true")
    slides = ["\n".join(h.proto.body for h in at.get("html"))]
    while not at.button(key="next").disabled:
        at.button(key="next").click().run()
        slides.append("\n".join(h.proto.body for h in at.get("html")))
    joined = "\n".join(slides)
    assert html(HOSTILE) in joined, "a slide should show the hostile text (escaped)"
    for raw in ("<iframe", "<meta", "<form", "<script", "<input"):
        assert raw not in joined, raw
    # The page's own stylesheet is the only <style> element on each slide.
    assert all(slide.count("<style>") == 1 for slide in slides)


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_office_profile_escapes_curated_text_in_its_findings_html(hostile_db: Path, monkeypatch, lang: str) -> None:
    """The office profile lists its findings as HTML (Markdown was slow to draw): every value in it is escaped."""
    at = open_hostile(hostile_db, monkeypatch, "office", office="testowo", lang=lang)
    bodies = [h.proto.body for h in at.get("html") if "office-findings" in h.proto.body]
    assert bodies, "the office's findings should be listed"
    joined = "\n".join(bodies)
    assert html(HOSTILE) in joined, "a finding should show the hostile text (escaped)"
    for raw in RAW_TAGS:
        assert raw not in joined, raw
    assert not any(h.proto.unsafe_allow_javascript for h in at.get("html") if "office-findings" in h.proto.body)


def test_presentation_setup_lists_slide_titles_as_text(hostile_db: Path, monkeypatch) -> None:
    from cityiso.figures import images

    monkeypatch.setattr(images, "find_browser", lambda: "/usr/bin/chromium")
    at = open_hostile(hostile_db, monkeypatch, "presentation", offices="testowo", lang="en")
    assert_shown_literally(rendered_markdown(at))


@pytest.mark.parametrize(
    ("value", "span"), [("a.txt", "`a.txt`"), ("a`b", "``a`b``"), ("`x`", "`` `x` ``"), ("", "` `")]
)
def test_code_span_fences_any_backticks(value: str, span: str) -> None:
    assert code(value) == span


def test_plain_table_is_escaped_html_that_marks_numbers() -> None:
    """A plain table's headers and cells are literal text; a missing value is an empty cell; a numeric column (and
    no other) aligns right."""
    import pandas as pd

    from cityiso.app.ui import plain_table_html
    from tests.plain_tables import tables_in

    table = pd.DataFrame({HOSTILE: ["<b>a</b> & b", None, "c"], "count": [1, 2, 3], "flag": [True, False, True]})
    body = plain_table_html(table)
    for raw in (*RAW_TAGS, "<b>"):
        assert raw not in body, raw
    assert html(HOSTILE) in body and "<td>&lt;b&gt;a&lt;/b&gt; &amp; b</td>" in body
    assert body.count('class="number"') == 4  # the count's header and its three cells; a flag is no number
    assert "<td></td>" in body
    (shown,) = tables_in(body)  # as a visitor reads it
    assert list(shown.columns) == [HOSTILE, "count", "flag"]
    assert shown.values.tolist() == [["<b>a</b> & b", "1", "True"], ["", "2", "False"], ["c", "3", "True"]]
