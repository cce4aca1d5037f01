"""The drafter's development corpus (tests/draft_corpus/) is well-formed, and the evaluator's arithmetic is right.

The drafter's scores are not asserted here: `python -m cityiso.draft --evaluate` reports them (README of the corpus)."""

import csv
import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from cityiso.data.descriptor import read_package
from cityiso.draft import command as cli
from cityiso.draft import evaluate as ev
from cityiso.ids import slug
from cityiso.paths import DATA_DIR

CORPUS = Path(__file__).with_name("draft_corpus")
DOCS = sorted(p for p in CORPUS.glob("*.txt"))
NAME = re.compile(r"^\d{3}_[a-z0-9-]+\.txt$")
TOP_KEYS = {"situations", "about", "published", "offices", "certificates", "events", "findings"}
OFFICE_KEYS = {"id", "kind", "place", "voivodeship"}
CERT_KEYS = {"office", "family", "standard_as_written", "standard_id", "body_id", "issued_on", "valid_until"}
CERT_KEYS |= {"validity_years"}
EVENT_KEYS = {"kind", "is_planned", "event_on", "body_id", "units_audited", "units"}
FINDING_KEYS = {"quote", "kind", "voice", "clause", "theme"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# Bodies the register does not hold: the id a curator would propose (tests/draft_corpus/README.md).
PROPOSED_BODIES = {"lrqa", "germanischer-lloyd", "ccj-wat", "wccd"}


def _csv(name: str) -> list[dict]:
    with (DATA_DIR / f"{name}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _enum(table: str, column: str) -> list[str]:
    return read_package(DATA_DIR).resource(table).field(column).enum


def _yaml(doc: Path) -> dict:
    return yaml.safe_load(doc.with_name(doc.stem + ".expected.yaml").read_text(encoding="utf-8"))


def _date_ok(value) -> bool:
    s = ev._s(value)
    if not s:
        return True
    if not DATE.match(s):
        return False
    parts = [int(x) for x in s.split("-")] + [1, 1]
    dt.date(parts[0], parts[1], parts[2])  # a calendar date
    return True


def test_the_corpus_has_thirty_documents_each_with_its_expected_rows() -> None:
    assert len(DOCS) >= 30
    for doc in DOCS:
        assert NAME.match(doc.name), doc.name
        assert doc.with_name(doc.stem + ".expected.yaml").exists(), doc.name
    orphans = [p.name for p in CORPUS.glob("*.expected.yaml") if not p.with_name(p.name[:-14] + ".txt").exists()]
    assert not orphans


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.stem[:3])
def test_expected_rows_parse_and_use_the_packages_codes(doc: Path) -> None:
    y = _yaml(doc)
    text = doc.read_text(encoding="utf-8")
    assert isinstance(y, dict) and set(y) <= TOP_KEYS, set(y) - TOP_KEYS
    assert y["situations"], "every document names the situations it covers"
    standards = {r["standard_id"]: r["family"] for r in _csv("standards")}
    bodies = {r["body_id"] for r in _csv("certification_bodies")} | PROPOSED_BODIES
    clauses = {r["clause"] for r in _csv("clauses") if r["standard_id"] == "iso9001-2015"}
    themes = {r["theme_id"] for r in _csv("themes")}
    offices = y.get("offices") or []
    ids = [o["id"] for o in offices]
    assert ev._s(y.get("about")) in {"", *ids}
    assert _date_ok(y.get("published"))
    for o in offices:
        assert set(o) == OFFICE_KEYS
        assert o["kind"] in _enum("offices", "office_kind")
        assert o["voivodeship"] in _enum("offices", "voivodeship")
        suffix = {"county_office": "-powiat", "municipal_office": "-gmina"}.get(o["kind"], "")
        assert o["id"] == slug(o["place"]) + suffix, "the id the drafter proposes for a new office"
    for c in y.get("certificates") or []:
        assert set(c) <= CERT_KEYS, set(c) - CERT_KEYS
        assert ev._s(c.get("office")) in {"", *ids}
        assert c["family"] in _enum("certificates", "family")
        sid = ev._s(c.get("standard_id"))
        assert not sid or standards[sid] == c["family"]
        written = ev._s(c.get("standard_as_written"))
        assert not written or ev.locate(text, written), written
        assert ev._s(c.get("body_id")) in {"", *bodies}
        assert _date_ok(c.get("issued_on")) and _date_ok(c.get("valid_until"))
        assert c.get("validity_years") in (None, "") or isinstance(c["validity_years"], int)
    for e in y.get("events") or []:
        assert set(e) <= EVENT_KEYS, set(e) - EVENT_KEYS
        assert e["kind"] in _enum("events", "kind")
        assert isinstance(e.get("is_planned", False), bool)
        assert _date_ok(e.get("event_on"))
        assert ev._s(e.get("body_id")) in {"", *bodies}
        assert e.get("units_audited") in (None, "") or isinstance(e["units_audited"], int)
    for f in y.get("findings") or []:
        assert set(f) == FINDING_KEYS
        assert f["kind"] in _enum("findings", "kind")
        assert f["voice"] in _enum("findings", "voice")
        assert ev._s(f["clause"]) in {"", *clauses}
        assert f["theme"] in themes


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.stem[:3])
def test_every_quoted_passage_stands_in_its_document(doc: Path) -> None:
    text = doc.read_text(encoding="utf-8")
    for f in _yaml(doc).get("findings") or []:
        for part in f["quote"].split(" [...] "):
            assert ev.locate(text, part), part


def _readme_table() -> dict[str, set[str]]:
    """situation code -> the document numbers the README's table names for it."""
    rows = {}
    for line in (CORPUS / "README.md").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\| `([a-z0-9_]+)` \|[^|]*\|([^|]*)\|$", line)
        if m:
            rows[m.group(1)] = set(re.findall(r"\d{3}", m.group(2)))
    return rows


def test_every_situation_of_the_readme_is_covered_and_the_table_matches_the_documents() -> None:
    table = _readme_table()
    assert table, "the README's situations table"
    covered: dict[str, set[str]] = {}
    for doc in DOCS:
        for s in _yaml(doc)["situations"]:
            covered.setdefault(s, set()).add(doc.name[:3])
    assert set(covered) <= set(table), f"situations not in the README: {set(covered) - set(table)}"
    for situation, docs in table.items():
        assert covered.get(situation), f"no document covers {situation}"
        assert docs == covered[situation], f"{situation}: README {sorted(docs)}, documents {sorted(covered[situation])}"


# ---- the evaluator's arithmetic, on an invented pair -------------------------------------------------------------

TEXT = "Audytorzy docenili sprawną obsługę klientów. Audyt odbył się 14 października 2019 r."


def _pair() -> tuple[ev.Expected, ev.Expected]:
    office = [{"id": "nowe-miasto", "kind": "city_hall", "place": "Nowe Miasto", "voivodeship": "mazowieckie"}]
    cert = {"office": "nowe-miasto", "family": "ISO 9001", "standard_as_written": "ISO 9001", "standard_id": ""}
    cert |= {"body_id": "pcbc", "issued_on": "", "valid_until": "2022-10-13", "validity_years": ""}
    event = {"kind": "surveillance", "is_planned": "false", "event_on": "2019-10-14", "body_id": "pcbc"}
    event |= {"units_audited": "", "units": []}
    finding = {"quote": "Audytorzy docenili sprawną obsługę klientów.", "kind": "praise", "voice": "auditor"}
    finding |= {"clause": "8", "theme": "customer_focus"}
    expected = ev.Expected("x", TEXT, "nowe-miasto", office, "", [cert], [event], [finding])
    drafted = ev.Expected(
        "x",
        TEXT,
        "nowe-miasto",
        office,
        "",
        [cert, cert | {"valid_until": "2019-10-14"}],  # one right expiry, one wrong
        [event, event | {"kind": "recertification", "event_on": "2019"}],  # one right event, one wrong
        [finding | {"span": (0, 44), "clause": "9", "voice": "office"}],  # paired; clause and voice wrong
    )
    return drafted, expected


def test_one_right_and_one_wrong_value_give_precision_one_half() -> None:
    drafted, expected = _pair()
    doc = ev.compare(drafted, expected)
    assert doc["valid_until"] == (1, 2, 1)
    assert doc["valid_until_extra"] == ["2019-10-14"]
    assert doc["event_kind"] == (1, 2, 1)
    assert doc["event_date"] == (1, 2, 1)
    assert doc["office"] == (1, 1, 1)
    assert doc["finding"] == (1, 1, 1)
    assert doc["clause"] == (0, 1, 1)
    assert doc["voice"] == (0, 1, 1)
    assert doc["auditor_praise"] == (0, 0, 1)
    fields = ev.score({"x": doc})
    assert fields["valid_until"]["precision"] == 0.5 and fields["valid_until"]["recall"] == 1.0
    assert fields["event_kind"]["precision"] == 0.5
    assert fields["clause"]["precision"] == 0.0 and fields["clause"]["recall"] == 0.0
    assert fields["published"]["precision"] is None  # nothing drafted, nothing expected


def test_a_draft_equal_to_the_expected_rows_scores_one_everywhere() -> None:
    _, expected = _pair()
    same = ev.Expected(**{**expected.__dict__, "findings": [f | {"span": None} for f in expected.findings]})
    fields = ev.score({"x": ev.compare(same, expected)})
    assert all(f["precision"] in (1.0, None) and f["recall"] in (1.0, None) for f in fields.values())
    assert Counter(f["precision"] for f in fields.values())[1.0] >= 15


def test_evaluate_reads_a_corpus_folder_and_the_cli_writes_json(tmp_path: Path) -> None:
    (tmp_path / "001_x.txt").write_text(TEXT + "\nUrząd Miasta Nowe Miasto\n", encoding="utf-8")
    expected = {
        "situations": ["x"],
        "about": "nowe-miasto",
        "offices": [{"id": "nowe-miasto", "kind": "city_hall", "place": "Nowe Miasto", "voivodeship": "mazowieckie"}],
        "events": [{"kind": "surveillance", "is_planned": False, "event_on": dt.date(2019, 10, 14)}],
        "findings": [
            {"quote": "Audytorzy docenili sprawną obsługę klientów.", "kind": "praise", "voice": "auditor"}
            | {"clause": 8, "theme": "customer_focus"}
        ],
    }
    (tmp_path / "001_x.expected.yaml").write_text(yaml.safe_dump(expected, allow_unicode=True), encoding="utf-8")
    assert ev.folder_kind(tmp_path) == "corpus" and ev.folder_kind(DATA_DIR) == "package"
    result = ev.evaluate(tmp_path)
    assert result["kind"] == "corpus" and list(result["documents"]) == ["001_x"]
    assert result["fields"]["event_date"]["expected"] == 1 and result["fields"]["finding"]["expected"] == 1
    out = tmp_path / "out.json"
    assert cli.main(["--evaluate", str(tmp_path), "--json-out", str(out)]) == 0
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written[str(tmp_path)]["fields"]["office"]["expected"] == 1


def test_a_corpus_file_scores_only_the_parts_it_speaks_for(tmp_path: Path) -> None:
    """`scored: [findings]` leaves offices, certificates and events unscored (nothing expected is not nothing
    drafted); every field belongs to exactly one part; a part the evaluator does not know is refused by file."""
    assert sorted(f for fields in ev.PARTS.values() for f in fields) == sorted(ev.FIELDS)
    (tmp_path / "001_x.txt").write_text(TEXT + "\nUrząd Miasta Nowe Miasto\n", encoding="utf-8")
    finding = {"quote": "Audytorzy docenili sprawną obsługę klientów.", "kind": "praise", "voice": "auditor"}
    expected = {"scored": ["findings"], "findings": [finding | {"clause": "8", "theme": "customer_focus"}]}
    (tmp_path / "001_x.expected.yaml").write_text(yaml.safe_dump(expected, allow_unicode=True), encoding="utf-8")
    fields = ev.evaluate(tmp_path)["fields"]
    assert all(fields[f]["drafted"] == 0 and fields[f]["precision"] is None for f in ev.PARTS["offices"])
    assert all(fields[f]["drafted"] == 0 for f in ev.PARTS["certificates"] + ev.PARTS["events"])
    assert fields["finding"]["expected"] == 1 and fields["finding"]["drafted"] >= 1
    (tmp_path / "001_x.expected.yaml").write_text(yaml.safe_dump({"scored": ["offices", "praise"]}), encoding="utf-8")
    with pytest.raises(ValueError, match=r"001_x\.expected\.yaml: scored must be"):
        ev.evaluate(tmp_path)


def test_a_folder_of_neither_kind_is_refused(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text(TEXT, encoding="utf-8")
    with pytest.raises(ValueError, match="neither a data package"):
        ev.folder_kind(tmp_path)
    with pytest.raises(SystemExit):
        cli.main(["--evaluate", str(tmp_path), "--json-out", str(tmp_path / "out.json")])


def test_evaluate_reads_the_seed_package() -> None:
    result = ev.evaluate(DATA_DIR)
    assert result["kind"] == "package" and len(result["documents"]) >= 5
    assert result["fields"]["finding"]["expected"] == sum(1 for _ in _csv("findings"))


LIST = "Audytorzy docenili:\n- rzetelne prowadzenie rejestru wniosków,\n- czytelne karty usług.\n"


@pytest.mark.parametrize(
    ("drafted", "expected", "same"),
    [
        ("rzetelne prowadzenie rejestru wniosków", "- rzetelne prowadzenie rejestru wniosków,", True),
        ("- czytelne karty  usług.", "czytelne karty\nusług", True),
        ("rzetelne prowadzenie rejestru", "- rzetelne prowadzenie rejestru wniosków,", False),
        ("Audytorzy docenili: - czytelne karty usług", "- czytelne karty usług.", False),
        ("Czytelne karty usług", "czytelne karty usług", False),
    ],
)
def test_a_quote_is_the_whole_item_with_or_without_its_marker_and_list_punctuation(
    drafted: str, expected: str, same: bool
) -> None:
    """Quotes are compared whitespace aside and without a list item's dash or its trailing comma or full stop (both
    are the whole item verbatim); a shorter or longer passage, or another letter case, is another quote."""
    f = {"kind": "praise", "voice": "auditor", "clause": "", "theme": "customer_focus"}
    span = ev.locate(LIST, expected.strip("-,. \n"))
    got = ev.compare_findings(
        ev.Expected("x", LIST, findings=[f | {"quote": drafted, "span": span}]),
        ev.Expected("x", LIST, findings=[f | {"quote": expected}]),
    )
    assert got["finding"] == (1, 1, 1)
    assert got["quote"] == (int(same), 1, 1)
    assert bool(got["quote_missed"]) is not same
