"""Many documents at once (issue 19): the queue's state, refusing a text the data folder already holds, merge offers
for an office, a certificate or an event the data holds, and a merge written as further evidence, never a duplicate.
Every data folder here is the fixture package (tests/fixture_package.py) written to tmp; the documents are invented."""

import csv
import re
from pathlib import Path

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from streamlit import config as st_config
from streamlit.testing.v1 import AppTest

from cityiso.data.database import build
from cityiso.data.descriptor import package
from cityiso.draft.known import known
from cityiso.draft.merge import find_matches, merge_rows, same_date
from cityiso.draft.output import plain_rows
from cityiso.draft.queue import (
    REFUSED,
    REVIEWED,
    SAVED,
    WAITING,
    Document,
    Queue,
    names_taken,
    normalised_hash,
    read_document,
    saved_name,
    texts_in_data,
    unique_name,
)
from cityiso.draft.save import document_name_problem, write_accepted
from cityiso.paths import ROOT
from tests.fixture_package import DOCUMENTS, write_package

# The fixture's city hall had its second surveillance audit in October 2018 (event tst-surv-2): told again here.
SURVEILLANCE = (
    "Audyt nadzoru w Testowie\n\n"
    "Polska Jednostka Testowa przeprowadziła w październiku 2018 r. audyt nadzoru w Urzędzie Miasta Testowo. "
    "Audytorzy docenili sprawną obsługę mieszkańców.\n"
)
# A later audit the data does not hold.
LATER = (
    "Kolejny audyt w Testowie\n\n"
    "Polska Jednostka Testowa przeprowadziła 5 listopada 2019 r. audyt nadzoru w Urzędzie Miasta Testowo.\n"
)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    known.cache_clear()
    folder = write_package(tmp_path)
    yield folder
    known.cache_clear()


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _doc(data: Path, name: str, text: str) -> Document:
    doc = read_document(name, text.encode("utf-8"), data, "en")
    assert doc.status == WAITING, doc.reason
    return doc


# --- The queue ----------------------------------------------------------------------------------------------------


def test_a_document_is_queued_once_by_its_normalised_text(data: Path) -> None:
    queue = Queue()
    first, new = queue.add(_doc(data, "a.txt", SURVEILLANCE))
    assert new and queue.current == first.key
    again, new = queue.add(_doc(data, "b.txt", "  " + SURVEILLANCE.replace(" ", "\n  ", 3) + "\n\n"))
    assert not new and again is first, "the same text wrapped anew is the same document"
    assert normalised_hash("a  b\n c") == normalised_hash("a b c") != normalised_hash("a bc")
    assert list(queue.documents) == [first.key]


def test_progress_moves_from_waiting_to_reviewed_to_saved(data: Path) -> None:
    queue = Queue()
    one, _ = queue.add(_doc(data, "jeden.txt", SURVEILLANCE))
    two, _ = queue.add(_doc(data, "dwa.txt", LATER))
    refused, _ = queue.add(read_document("zly.txt", b"\xff\xfe", data, "en"))
    assert refused.status == REFUSED and "UTF-8" in refused.reason
    assert queue.progress() == (0, 3)
    assert queue.current == one.key, "the first document stays current"
    rows = one.rows(data)
    assert rows[0] == ("sources", 0) and ("events", 0) in rows
    queue.decide("accept", data)
    assert one.decisions == {("sources", 0): "accept"} and queue.row == 1, "a decision moves to the next row"
    queue.move_row(-1, data)
    queue.decide("reject", data)
    assert one.decisions[("sources", 0)] == "reject" and one.status == WAITING
    queue.decide_rest("accept", data)
    assert one.status == REVIEWED and one.decisions[("sources", 0)] == "reject", "the rest, not what was decided"
    assert queue.progress() == (1, 3)
    queue.move_document(1)
    assert queue.current == two.key and queue.row == 0
    queue.move_document(1)
    assert queue.current == two.key, "a refused document is never current"
    queue.move_document(-1)
    assert queue.current == one.key
    one.status = SAVED
    queue.next_open()
    assert queue.current == two.key
    queue.decide("accept", data)
    assert one.decisions[("sources", 0)] == "reject", "a saved document's decisions stay"
    assert queue.counts() == {WAITING: 1, REVIEWED: 0, SAVED: 1, REFUSED: 1}


def test_merge_is_offered_only_for_a_row_that_matches(data: Path) -> None:
    queue = Queue()
    doc, _ = queue.add(_doc(data, "jeden.txt", SURVEILLANCE))
    queue.decide("merge", data)  # the sources row matches nothing
    assert doc.decisions == {}
    rows = doc.rows(data)
    queue.row = rows.index(("events", 0))
    queue.decide("merge", data)
    assert doc.decisions == {("events", 0): "merge"}


# --- Refusals -----------------------------------------------------------------------------------------------------


def test_a_text_already_in_the_data_is_refused_with_its_file_and_source(data: Path) -> None:
    rewrapped = "\n".join(DOCUMENTS["portal.txt"].split(" ")) + "\n\n"
    doc = read_document("portal_kopia.txt", rewrapped.encode("utf-8"), data, "en")
    assert doc.status == REFUSED and doc.draft is None
    assert "already in the data as portal.txt (source portal)" in doc.reason.replace("\\", "")
    assert texts_in_data(data)[normalised_hash(DOCUMENTS["starostwo.txt"])] == ("starostwo.txt", "starostwo")


@pytest.mark.parametrize(
    ("name", "data_bytes", "why"),
    [
        ("a.txt", b"Tekst\x1bz ESC", "control character"),
        ("a.txt", b"\xff", "UTF-8"),
        ("../a.txt", SURVEILLANCE.encode(), "plain name"),
        ("a.txt", b" \n\t", "no text"),
        ("a.txt", b"a" * 1_000_001, "too long"),
    ],
)
def test_a_document_that_cannot_be_drafted_is_refused(data: Path, name: str, data_bytes: bytes, why: str) -> None:
    doc = read_document(name, data_bytes, data, "en")
    assert doc.status == REFUSED and doc.draft is None and why in doc.reason


@pytest.mark.parametrize(
    ("upload", "saved"),
    [
        ("komunikat.txt", "komunikat.txt"),
        ("Testowo_Audyt_2018.v2.pdf", "Testowo_Audyt_2018.v2.txt"),  # a plain name is kept
        ("Komunikat prasowy 2021.html", "komunikat-prasowy-2021.txt"),
        ("a..b.txt", "a-b.txt"),
        ("Urząd Łódź 2015.txt", "urzad-lodz-2015.txt"),
        ("../../etc/passwd", "passwd.txt"),
        ("..\\x.pdf", "x.txt"),
        (".ukryty.txt", "ukryty.txt"),
        ("-rf.txt", "rf.txt"),
        ("x\u202etxt.exe.txt", "xtxt-exe.txt"),
        ("...", "dokument.txt"),
    ],
)
def test_an_upload_is_saved_under_a_plain_txt_name(upload: str, saved: str) -> None:
    assert saved_name(upload) == saved
    assert document_name_problem(saved_name(upload)) is None


def _package_file_rule() -> re.Pattern:
    return re.compile(package().resource("sources").field("file").pattern)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=150))
def test_any_upload_gets_a_name_the_data_package_accepts(upload: str) -> None:
    """The name the page proposes is one the build takes (sources.file's pattern in datapackage.json)."""
    saved = saved_name(upload)
    assert document_name_problem(saved) is None and _package_file_rule().fullmatch(saved), saved


@pytest.mark.parametrize(
    "name",
    ["łódź-audyt-2021.txt", "Żyrardów.txt", "zabrze_2015.txt", "a.txt", "Raport.v2.txt", "x y.txt", "-x", "a..b.txt"],
)
def test_the_page_refuses_every_name_the_data_package_refuses(name: str) -> None:
    """The page may be stricter (it refuses 'a..b.txt' too), never laxer."""
    if not _package_file_rule().fullmatch(name):
        assert document_name_problem(name) is not None, name


def test_uploads_whose_names_make_one_slug_get_two_names(data: Path) -> None:
    """'Raport z audytu.txt' and 'Raport z audytu!.txt' (different texts) would both be raport-z-audytu.txt: the
    second is raport-z-audytu-2.txt; a name the data folder's sources/ holds is taken too (its document is another
    text)."""
    queue = Queue()
    taken = names_taken(data, queue)
    assert "portal.txt" in taken  # a document of the fixture package
    first = read_document("Raport z audytu.txt", SURVEILLANCE.encode("utf-8"), data, "en", upload=True, taken=taken)
    queue.add(first)
    second = read_document("raport_z_audytu.txt", LATER.encode("utf-8"), data, "en", upload=True, taken=taken)
    third = read_document("Raport (z audytu).pdf.txt", LATER.encode() + b" x", data, "en", upload=True, taken=taken)
    other = read_document("portal.html", LATER.encode("utf-8") + b" y", data, "en", upload=True, taken=taken)
    assert (first.name, second.name, third.name) == (
        "raport-z-audytu.txt",
        "raport_z_audytu.txt",
        "raport-z-audytu-pdf.txt",
    )
    assert other.name == "portal-2.txt" and other.draft.source_id == "portal-2"
    again = read_document("Raport z audytu!.txt", LATER.encode() + b" z", data, "en", upload=True, taken=taken)
    assert again.name == "raport-z-audytu-2.txt"
    assert names_taken(data, queue) >= {"raport-z-audytu.txt", "portal.txt"}
    assert unique_name("portal.txt", {"portal.txt", "portal-2.txt"}) == "portal-3.txt"
    long = "a" * 96 + ".txt"
    assert len(unique_name(long, {long})) <= 100 and document_name_problem(unique_name(long, {long})) is None


def test_an_upload_with_polish_letters_in_its_name_is_saved_and_built(tmp_path: Path, data: Path) -> None:
    doc = read_document("Urząd Łódź 2015.txt", SURVEILLANCE.encode("utf-8"), data, "en", upload=True)
    assert doc.status == WAITING, doc.reason
    assert (doc.name, doc.draft.source_id) == ("urzad-lodz-2015.txt", "urzad-lodz-2015")
    rows = {}
    for table in doc.draft.tables:
        cells = plain_rows(doc.draft, table, data)
        for c in cells if table == "findings" else []:
            c["text_en"] = "A finding, glossed"
        if cells:
            rows[table] = list(enumerate(cells))
    written = write_accepted(data, doc.text, doc.name, rows, tmp_path / "served.duckdb")
    assert written.problems == []
    assert (data / "sources" / "urzad-lodz-2015.txt").read_text(encoding="utf-8") == doc.text


# --- Matching -----------------------------------------------------------------------------------------------------


def test_an_event_matches_at_the_precision_written() -> None:
    assert same_date("2018-10", "2018-10-15") and same_date("2018", "2018-10") and same_date("2018-10-12", "2018-10-15")
    assert not same_date("2018-10", "2018-11-01") and not same_date("2018-10-01", "2018-10-20")
    assert not same_date("", "2018") and not same_date("2018-13", "2018-13")


def test_a_drafted_event_matches_the_one_the_data_holds(data: Path) -> None:
    doc = _doc(data, "jeden.txt", SURVEILLANCE)
    found = doc.matches(data)
    assert found[("events", 0)].record_id == "tst-surv-2"
    assert "Surveillance audit" in found[("events", 0)].reason("en")
    assert list(found) == [("events", 0)]
    assert _doc(data, "dwa.txt", LATER).matches(data) == {}, "a year later is another audit"


def test_matching_offices_certificates_and_events_by_their_rules(data: Path) -> None:
    rows = {
        "offices": [
            {"office_id": "testowo", "place": "Gdzieś", "office_kind": "city_hall"},
            {"office_id": "nowe-testowo", "place": "testowo", "office_kind": "county_office"},
            {"office_id": "inne", "place": "Testowo", "office_kind": "municipal_office"},
        ],
        "certificates": [
            # the county office's ISO 9001 registration, named; and by dates: the city hall's 2016-2019 certificate
            {"office_id": "nowe-testowo", "family": "ISO 9001", "registration_id": "pow-qms"},
            {"office_id": "testowo", "family": "ISO 9001", "valid_until": "2019-09"},
            {"office_id": "testowo", "family": "ISO 9001", "issued_on": "2020-01-10"},
            {"office_id": "testowo", "family": "ISO 14001", "issued_on": "2016-09-20"},
        ],
        "events": [
            {"office_id": "testowo", "kind": "handover", "event_on": "2016-09-23"},
            {"office_id": "testowo", "kind": "unspecified", "event_on": "2016-09"},
            {"office_id": "testowo", "kind": "recertification", "event_on": "2016-09-20"},
            {"office_id": "testowo", "kind": "handover", "event_on": "2016-09-30"},
            {"office_id": "nowe-testowo", "kind": "recertification", "event_on": "2012"},
        ],
    }
    found = {key: m.record_id for key, m in find_matches(rows, data).items()}
    assert found == {
        ("offices", 0): "testowo",
        ("offices", 1): "testowo-powiat",
        ("certificates", 0): "pow-9001-2000",
        ("certificates", 1): "tst-9001",
        ("events", 0): "tst-handover",
        ("events", 1): "tst-handover",
        ("events", 4): "pow-recert-2012",
    }


# --- Merging writes further evidence --------------------------------------------------------------------------------


def test_a_merged_event_becomes_further_evidence_and_its_findings_follow(tmp_path: Path, data: Path) -> None:
    queue = Queue()
    doc, _ = queue.add(_doc(data, "testowo_audyt_2018.txt", SURVEILLANCE))
    for row in doc.rows(data):
        queue.decide("merge" if row == ("events", 0) else "accept", data, row=row)
    rows, merges = doc.accepted(data)
    assert merges == {("events", 0): "tst-surv-2"}
    rows = merge_rows(rows, merges, data, doc.draft.source_id)
    assert "events" not in rows
    (finding,) = [cells for _i, cells in rows["findings"]]
    assert finding["event_id"] == "tst-surv-2"
    finding["text_en"] = "Efficient service for residents"
    (_, evidence) = rows["further_evidence"][0]
    assert evidence["record_table"] == "events" and evidence["record_id"] == "tst-surv-2"
    assert evidence["source_id"] == "testowo-audyt-2018" and "październiku 2018" in evidence["quote"]
    assert set(evidence["fields"].split()) >= {"kind", "event_on", "body_id"}
    events_before = _rows(data / "events.csv")
    written = write_accepted(data, doc.text, doc.name, rows, tmp_path / "served.duckdb")
    assert written.problems == []
    assert _rows(data / "events.csv") == events_before, "no second event"
    further = [r for r in _rows(data / "further_evidence.csv") if r["source_id"] == "testowo-audyt-2018"]
    assert [(r["record_table"], r["record_id"]) for r in further] == [("events", "tst-surv-2")]
    with duckdb.connect(str(tmp_path / "served.duckdb"), read_only=True) as con:
        assert con.execute("select count(*) from events where event_id = 'tst-surv-2'").fetchone() == (1,)
        assert con.execute("select event_id from findings where source_id = 'testowo-audyt-2018'").fetchall() == [
            ("tst-surv-2",)
        ]


def test_merging_points_links_and_units_at_the_existing_rows(data: Path) -> None:
    """A merged office, certificate and event: every row naming them names the existing ones; a link the data holds
    is left out; an audited unit it holds becomes further evidence."""
    (data / "audited_units.csv").write_text(
        "event_id,unit_name,unit_name_as_written,source_id,quote\n"
        "tst-surv-2,Wydział Testów,Testów,portal,II audyt nadzoru odbył się w październiku 2018 r.\n",
        encoding="utf-8",
    )
    rows = {
        "sources": [(0, {"source_id": "nowy", "office_id": "nowe"})],
        "offices": [(0, {"office_id": "nowe", "quote": "Urząd Miasta Testowo"})],
        "certificates": [(0, {"certificate_id": "nowy-cert-1", "office_id": "nowe", "quote": "ISO 9001:2015"})],
        "events": [(0, {"event_id": "nowy-event-1", "office_id": "nowe", "quote": "audyt"})],
        "event_certificates": [(0, {"event_id": "nowy-event-1", "certificate_id": "nowy-cert-1"})],
        "audited_units": [
            (0, {"event_id": "nowy-event-1", "unit_name": "Wydział Testów", "quote": "Wydział Testów"}),
            (1, {"event_id": "nowy-event-1", "unit_name": "Wydział Nowy", "quote": "Wydział Nowy"}),
        ],
    }
    merges = {("offices", 0): "testowo", ("certificates", 0): "tst-9001", ("events", 0): "tst-surv-2"}
    out = merge_rows(rows, merges, data, "nowy")
    assert out["sources"] == [(0, {"source_id": "nowy", "office_id": "testowo"})]
    assert "offices" not in out and "certificates" not in out and "events" not in out
    assert "event_certificates" not in out, "tst-surv-2 and tst-9001 are linked already"
    assert out["audited_units"] == [
        (1, {"event_id": "tst-surv-2", "unit_name": "Wydział Nowy", "quote": "Wydział Nowy"})
    ]
    assert [(e["record_table"], e["record_id"], e["evidence_id"]) for _i, e in out["further_evidence"]] == [
        ("offices", "testowo", "nowy-offices-1"),
        ("certificates", "tst-9001", "nowy-certificates-1"),
        ("events", "tst-surv-2", "nowy-events-1"),
        ("audited_units", "tst-surv-2/Wydział Testów", "nowy-audited_units-1"),
    ]


# --- The page, under AppTest --------------------------------------------------------------------------------------


@pytest.fixture
def page_data(data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CITYISO_DATA", str(data))
    monkeypatch.setenv("CITYISO_DB", str(tmp_path / "served" / "cityiso.duckdb"))
    before = {o: st_config.get_option(o) for o in ("server.address", "server.allowedHosts")}
    st_config.set_option("server.address", "127.0.0.1")
    st_config.set_option("server.allowedHosts", ["127.0.0.1", "localhost"])
    yield data
    for option, value in before.items():
        st_config.set_option(option, value)


def test_the_page_queues_many_uploads_and_saves_one_with_a_merge(page_data: Path, tmp_path: Path) -> None:
    at = AppTest.from_file(str(ROOT / "curate" / "review.py"), default_timeout=60)
    at.session_state["lang"] = "en"
    at.run()
    uploader = at.file_uploader(key="upload")
    for name, text in (
        ("testowo_audyt_2018.txt", SURVEILLANCE),
        ("testowo_audyt_2019.txt", LATER),
        ("portal_kopia.txt", DOCUMENTS["portal.txt"]),
    ):
        uploader.upload(name, text.encode("utf-8"), "text/plain")
    at.run()
    at.button(key="draft").click().run()
    assert not at.exception, [e.message for e in at.exception]
    shown = " ".join(m.value for m in at.markdown).replace("\\", "")
    assert "0 of 3 reviewed" in shown and "already in the data as portal.txt (source portal)" in shown
    assert any("matches the existing row" in i.value for i in at.info)
    at.radio(key="decision-events-0").set_value("merge").run()
    at.radio(key="decision-findings-0").set_value("reject").run()
    at.button(key="kb_accept_rest").click().run()
    at.button(key="write").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert [s.value for s in at.success], [e.value for e in at.error]
    shown = " ".join(m.value for m in at.markdown).replace("\\", "")
    assert "1 of 3 reviewed · 1 saved · 1 refused" in shown
    further = [r for r in _rows(page_data / "further_evidence.csv") if r["source_id"] == "testowo-audyt-2018"]
    assert [r["record_id"] for r in further] == ["tst-surv-2"]
    assert not [r for r in _rows(page_data / "events.csv") if r["source_id"] == "testowo-audyt-2018"]
    assert build(page_data, tmp_path / "check.duckdb") == []
    assert at.radio(key="decision-sources-0").value is None, "the next document is current, nothing decided"


def test_a_refused_document_is_queued_again_once_it_can_be_drafted(data: Path) -> None:
    queue = Queue()
    bad, _ = queue.add(read_document("../zla.txt", SURVEILLANCE.encode(), data, "en"))
    assert bad.status == REFUSED and queue.current is None
    good, new = queue.add(read_document("dobra.txt", SURVEILLANCE.encode(), data, "en"))
    assert new and good.status == WAITING
    assert list(queue.documents.values()) == [good] and queue.current == good.key


def test_a_text_saved_meanwhile_is_refused_at_save(page_data: Path) -> None:
    """Another session saved the same text after this one queued it: the save refuses, nothing is written."""
    at = AppTest.from_file(str(ROOT / "curate" / "review.py"), default_timeout=60)
    at.session_state["lang"] = "en"
    at.run()
    at.text_area(key="pasted").set_value(LATER)
    at.text_input(key="file_name").set_value("testowo_audyt_2019.txt")
    at.button(key="draft").click().run()
    (page_data / "sources" / "inny.txt").write_text(LATER, encoding="utf-8")
    before = {p.name: p.read_bytes() for p in page_data.glob("*.csv")}
    at.button(key="kb_accept_rest").click().run()
    at.button(key="write").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert any("already in the data as inny.txt" in e.value.replace("\\", "") for e in at.error)
    assert {p.name: p.read_bytes() for p in page_data.glob("*.csv")} == before
    assert not (page_data / "sources" / "testowo_audyt_2019.txt").exists()


def test_a_saved_page_is_read_by_read_input_and_saved_as_its_text(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Coded against cityiso.draft.inputs.read_input(name, data) -> Input(text, url, title, published, origin, kind),
    faked here: its text (stray control characters as spaces) is drafted and saved under NAME.txt, its address and
    date passed to the drafter; a file it cannot read is refused."""
    import datetime as dt
    from types import SimpleNamespace

    import cityiso.draft.queue as queue_module

    calls = []

    def fake(name: str, raw: bytes):
        calls.append(name)
        if raw == b"broken":
            raise ValueError("not a page")
        text = SURVEILLANCE.replace("\n\n", "\r\n\x0c\r\n")
        return SimpleNamespace(
            text=text,
            url="https://testowo.example/audyt",
            title="t",
            published=dt.date(2018, 11, 2),
            origin="html",
            kind="page",
        )

    monkeypatch.setattr(queue_module, "read_input", fake)
    doc = read_document("Audyt w Testowie.html", b"<html>...</html>", data, "en", upload=True)
    assert calls == ["Audyt w Testowie.html"]
    assert doc.status == WAITING and doc.name == "audyt-w-testowie.txt"
    assert "\x0c" not in doc.text and "\r" not in doc.text and doc.key == normalised_hash(SURVEILLANCE)
    (source,) = doc.cells(data)["sources"]
    assert (source["url"], source["file"]) == ("https://testowo.example/audyt", "audyt-w-testowie.txt")
    broken = read_document("zly.pdf", b"broken", data, "en", upload=True)
    assert broken.status == REFUSED and "could not be read" in broken.reason


def test_every_review_key_clicks_a_button_the_page_draws(page_data: Path) -> None:
    """The script's keys are review_keys.KEYS, each clicks a button the page draws, and the page lists them."""
    import re

    from cityiso.app.review_keys import KEYS, SCRIPT
    from cityiso.labels import t

    block = re.search(r"const ACTIONS = \{(.*?)\};", SCRIPT, re.S).group(1)
    assert dict(re.findall(r'(\w): "(\w+)"', block)) == KEYS
    at = AppTest.from_file(str(ROOT / "curate" / "review.py"), default_timeout=60)
    at.session_state["lang"] = "en"
    at.run()
    at.text_area(key="pasted").set_value(SURVEILLANCE)
    at.text_input(key="file_name").set_value("testowo_audyt_2018.txt")
    at.button(key="draft").click().run()
    drawn = {b.key for b in at.button}
    assert set(KEYS.values()) <= drawn
    assert t("queue.keys", "en") in [c.value for c in at.caption]
    for key in KEYS:
        assert re.search(rf"(?<!\w){key} ", t("queue.keys", "en")) or f"/ {key} " in t("queue.keys", "en"), key
