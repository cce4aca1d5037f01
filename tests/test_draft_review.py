"""The curator's review page (curate/review.py): accept, edit and reject drafted rows and write them into a copy of
data/ with a validated build; the public app never lists or serves it."""

import csv
import shutil
from pathlib import Path

import pytest
from streamlit import config as st_config
from streamlit.testing.v1 import AppTest

from cityiso.draft.core import draft
from cityiso.draft.known import known
from cityiso.draft.save import highlight_html
from cityiso.labels import t
from cityiso.paths import DATA_DIR, ROOT

TEXT = (
    "Audyt w Częstochowie\n\n"
    "W dniu 12 marca 2021 r. auditorzy Polskiego Centrum Badań i Certyfikacji przeprowadzili audyt nadzoru "
    "w Urzędzie Miasta Częstochowy. Audytorzy docenili:\n"
    "- zaangażowanie kierownictwa w doskonalenie usług,\n"
    "- nowoczesne e-usługi dla mieszkańców.\n"
)


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of data/ the page writes into, the database it builds in tmp (never data/cityiso.duckdb), and
    Streamlit told it serves on loopback to loopback names (the page refuses to run otherwise)."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target, ignore=shutil.ignore_patterns("*.duckdb*", ".*.tmp*", ".cityiso-*"))
    monkeypatch.setenv("CITYISO_DATA", str(target))
    monkeypatch.setenv("CITYISO_DB", str(tmp_path / "served" / "cityiso.duckdb"))
    known.cache_clear()
    before = {o: st_config.get_option(o) for o in ("server.address", "server.allowedHosts")}
    st_config.set_option("server.address", "127.0.0.1")
    st_config.set_option("server.allowedHosts", ["127.0.0.1", "localhost"])
    yield target
    for option, value in before.items():
        st_config.set_option(option, value)


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _drafted(at: AppTest) -> AppTest:
    at.text_area(key="pasted").set_value(TEXT)
    at.text_input(key="file_name").set_value("czestochowa_audyt_2021.txt")
    return at.button(key="draft").click().run()


def test_accept_edit_reject_writes_valid_rows(data_copy: Path) -> None:
    """Accepted and edited rows land in the CSV files, the rejected one does not, the document is saved, the
    build passes."""
    at = _drafted(AppTest.from_file(str(ROOT / "curate" / "review.py"), default_timeout=60).run())
    assert not at.exception
    assert at.get("html"), "the highlighted text is shown"
    at.radio(key="decision-findings-0").set_value("edit").run()
    at.text_input(key="edit-findings-0-text_en").set_value("Management's commitment to better services").run()
    at.radio(key="decision-findings-1").set_value("reject").run()
    at.button(key="kb_accept_rest").click().run()  # every row not decided yet: accepted
    at.button(key="write").click().run()
    assert not at.exception
    assert [s.value for s in at.success], [e.value for e in at.error]
    findings = [r for r in _rows(data_copy / "findings.csv") if r["source_id"] == "czestochowa-audyt-2021"]
    assert [r["text_en"] for r in findings] == ["Management's commitment to better services"]
    (event,) = [r for r in _rows(data_copy / "events.csv") if r["source_id"] == "czestochowa-audyt-2021"]
    assert (event["kind"], event["event_on"], event["body_id"]) == ("surveillance", "2021-03-12", "pcbc")
    assert (data_copy / "sources" / "czestochowa_audyt_2021.txt").read_text(encoding="utf-8") == TEXT


def test_failed_build_rolls_back_and_names_the_row(data_copy: Path) -> None:
    """A finding without its English gloss fails the build: the message stands by that row, nothing is written."""
    before = {p.name: p.read_bytes() for p in data_copy.glob("*.csv")}
    at = _drafted(AppTest.from_file(str(ROOT / "curate" / "review.py"), default_timeout=60).run())
    at.button(key="kb_accept_rest").click().run()  # every row not decided yet: accepted
    at.button(key="write").click().run()
    assert not at.exception
    assert any("findings.csv" in e.value and "text" in e.value for e in at.error), [e.value for e in at.error]
    assert {p.name: p.read_bytes() for p in data_copy.glob("*.csv")} == before
    assert not (data_copy / "sources" / "czestochowa_audyt_2021.txt").exists()


def test_public_app_has_no_review_page(monkeypatch: pytest.MonkeyPatch, data_copy: Path) -> None:
    """Without CITYISO_CURATE the dashboard registers no review page (and the script is outside pages/); with it,
    the page opens."""
    monkeypatch.delenv("CITYISO_CURATE", raising=False)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    assert not at.exception
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("curate/review.py")
    assert not list((ROOT / "pages").glob("*review*"))
    monkeypatch.setenv("CITYISO_CURATE", "1")
    curator = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    curator.switch_page("curate/review.py").run()
    assert not curator.exception
    assert [x.value for x in curator.title] == [t("review.title", "pl")]


def test_highlighted_text_is_escaped_never_markup() -> None:
    """The pasted text and the drafted values are data: tags in them reach the page as text, inside the marks."""
    pasted = (
        "<script>alert(1)</script> Urząd Miasta <b>Testowo</b> otrzymał certyfikat ISO 9001:2015 "
        'w dniu 20 września 2016 r. <img src=x onerror="alert(2)"> Audytorzy docenili:\n'
        "- zaangażowanie <i>kierownictwa</i>,\n"
    )
    shown = highlight_html(pasted, draft(pasted, source_id="x"))
    for raw in ("<script", "<b>", "<i>", "<img", 'onerror="'):
        assert raw not in shown
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown and "&lt;img src=x onerror=" in shown
    assert "<mark" in shown  # the drafted values are still marked
