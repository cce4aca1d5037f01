"""The drafter on short invented sentences, one pattern each, and on invented documents it has never seen."""

import datetime as dt
import json
from pathlib import Path

import pytest

from cityiso.draft import findings, text
from cityiso.draft.command import main
from cityiso.draft.core import draft
from cityiso.draft.dates import find_dates
from cityiso.draft.known import known
from cityiso.draft.names import bodies, offices

DOCS = Path(__file__).with_name("draft_documents")
# The register the drafts are matched against: frozen in tests/, never data/ (a curator adding a row changes nothing).
REGISTER = Path(__file__).with_name("draft_register")
INVENTED = sorted(DOCS.glob("*.txt"))


@pytest.mark.parametrize(
    ("sentence", "value", "words"),
    [
        ("W marcu 2015 roku odbył się audyt.", "2015-03", "W marcu 2015 roku"),
        ("Sesja odbyła się 20 kwietnia 2015 r.", "2015-04-20", "20 kwietnia 2015 r."),
        ("Certyfikat ważny do 30.09.2012r.", "2012-09-30", "do 30.09.2012r."),
        ("Pierwszy certyfikat otrzymał w 2010 roku.", "2010", "w 2010 roku"),
        ("Kolejny audit odbędzie się w październiku 2020 r.", "2020-10", "w październiku 2020 r."),
        ("Odebrał go w dniu 30 listopada.", None, "w dniu 30 listopada"),
    ],
)
def test_date_forms(sentence: str, value: str | None, words: str) -> None:
    """A Polish date form gives its value at the written precision; no year is ever supplied."""
    (found,) = find_dates(sentence)
    assert (found.value, found.words) == (value, words)


def test_this_year_comes_from_publication() -> None:
    """'br.' takes the publication's year, marked as inferred."""
    (found,) = find_dates("Audyt zaplanowano na 20 września br.", dt.date(2017, 6, 1))
    assert found.value == "2017-09-20" and found.relative and "2017" in found.reason


def test_declined_body_name() -> None:
    """A declined form not in body_aliases.csv resolves to the body by its lemmas."""
    (m,) = bodies("Dziękujemy Polskiemu Centrum Badań i Certyfikacji SA za audyt.", known(REGISTER))
    assert (m.value, m.words) == ("pcbc", "Polskiemu Centrum Badań i Certyfikacji SA")


def test_declined_office_name() -> None:
    """'Urzędowi Miasta Legionowo' is Legionowo's city hall; an unknown place is proposed as a new office."""
    k = known(REGISTER)
    (leg,) = offices("Przyznano Urzędowi Miasta Legionowo certyfikat.", k)
    assert (leg.value, leg.extra[0]) == ("legionowo", "city_hall")
    (new,) = offices("Audyt w Urzędzie Gminy w Pcimiu.", k)
    assert (new.value, new.extra[:2]) == (None, ("municipal_office", "Pcim"))


def test_bullet_list_of_praise_is_one_finding_per_item() -> None:
    """Each bullet under an evaluative lead is one praise finding, without its dash or trailing comma."""
    t = "Audytorzy docenili:\n- zaangażowanie kierownictwa,\n- nowoczesne e-usługi dla mieszkańców.\nKoniec."
    found = findings.bullet_lists(t, known(REGISTER))
    assert [t[f.item[0] : f.item[1]] for f in found] == [
        "zaangażowanie kierownictwa",
        "nowoczesne e-usługi dla mieszkańców",
    ]
    assert {f.kind for f in found} == {"praise"} and {f.voice for f in found} == {"auditor"}


def test_office_priorities_are_not_findings() -> None:
    """A list of the office's own priorities is not a finding."""
    t = "Dla urzędu priorytetem są:\n• przyjazna obsługa,\n• terminowość."
    assert findings.bullet_lists(t, known(REGISTER)) == []


def test_heading_gives_clause() -> None:
    """'w zakresie wsparcia:' over a bullet gives clause 7 from the codebook's headings."""
    t = "W raporcie doceniono:\nw zakresie wsparcia:\n- rozwój systemów informatycznych;"
    (f,) = findings.bullet_lists(t, known(REGISTER))
    assert f.heading_clause[0] == "7"


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("Nie stwierdzono niezgodności.", 0),
        ("Audyt zakończył się bez niezgodności.", 0),
        ("Stwierdzono 2 niezgodności drobne.", 2),
    ],
)
def test_nonconformities(sentence: str, count: int) -> None:
    """What a sentence says about nonconformities: none or a number."""
    (n,) = findings.nonconformities(text.sentences(sentence))
    assert n.count == count


def test_page_debris_left_out() -> None:
    """Widgets, footers and contact lines are debris; the text's sentences are not."""
    t = (
        "Newsletter\nUdostępnij na Facebooku\n"
        "Urząd Miasta Testowo otrzymał certyfikat ISO 9001:2015.\ntel.: 58 530 6060"
    )
    assert [p.text for p in text.debris(t)] == ["Newsletter", "Udostępnij na Facebooku", "tel.: 58 530 6060"]


def _values(d):
    for rows in d.tables.values():
        for row in rows:
            yield from row.items()


@pytest.mark.parametrize("path", [*INVENTED, *sorted(Path("data/sources").glob("*.txt"))], ids=lambda p: p.name)
def test_every_span_is_verbatim(path: Path) -> None:
    """Every drafted value's span lies in the text; as-written values and quotes are the text itself."""
    t = path.read_text(encoding="utf-8")
    d = draft(t, source_id="x", data_dir=REGISTER)
    for column, v in _values(d):
        s, e = v.span
        assert 0 <= s < e <= len(t), column
        if column.endswith("_as_written") or column in ("office_name", "standard_as_written"):
            assert " ".join(str(v.value).split()) == " ".join(t[s:e].split()), column
        if column == "quote":
            parts = v.parts or [v.span]
            assert v.value == " [...] ".join(" ".join(t[a:b].split()) for a, b in parts)


def test_body_news_item() -> None:
    """A body's news item: a new office, the second surveillance audit, its date, praise and no nonconformities."""
    d = draft((DOCS / "body_news.txt").read_text(encoding="utf-8"), source_id="x", data_dir=REGISTER)
    (event,) = d.tables["events"]
    assert {c: event[c].value for c in ("kind", "surveillance_ordinal", "event_on", "body_id")} == {
        "kind": "surveillance",
        "surveillance_ordinal": 2,
        "event_on": "2021-03-12",
        "body_id": "tuv-nord",
    }
    assert event["nonconformities_count"].value == 0
    assert len(d.tables["findings"]) == 2
    assert d.tables["offices"][0]["office_kind"].value == "municipal_office"


def test_two_certificates_and_a_yearless_plan() -> None:
    """Two standards at once are two certificates; 'br.' without a publication date leaves the date empty."""
    d = draft((DOCS / "two_certificates.txt").read_text(encoding="utf-8"), source_id="x", data_dir=REGISTER)
    assert sorted(c["family"].value for c in d.tables["certificates"]) == ["ISO 14001", "ISO 9001"]
    planned = [e for e in d.tables["events"] if e["is_planned"].value == "true"]
    assert planned and "event_on" not in planned[0]
    dated = draft(
        (DOCS / "two_certificates.txt").read_text(encoding="utf-8"), published=dt.date(2019, 6, 10), data_dir=REGISTER
    )
    assert any(e.get("event_on") and e["event_on"].value == "2019-09-20" for e in dated.tables["events"])


def test_truncated_page() -> None:
    """A page that stops mid-sentence is marked truncated; its menu lines are debris."""
    d = draft((DOCS / "truncated.txt").read_text(encoding="utf-8"), source_id="x", data_dir=REGISTER)
    assert d.tables["sources"][0]["is_truncated"].value == "true"
    assert {p.text for p in d.debris} >= {"Menu", "Szukaj"}
    (cert,) = d.tables["certificates"]
    assert (cert["cycle_number"].value, cert["validity_years"].value) == (2, 3)


def test_json_output_shape(capsys: pytest.CaptureFixture) -> None:
    """--json prints tables of rows whose drafted values are {value, span, confidence, reason}."""
    assert main([str(DOCS / "body_news.txt"), "--json", "--data", str(REGISTER)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"input", "source_id", "tables", "debris"}
    columns = {t: set(known(REGISTER).columns(t)) for t in out["tables"]}
    for table, rows in out["tables"].items():
        for row in rows:
            assert set(row) <= columns[table], table
            for v in row.values():
                assert {"value", "span", "confidence", "reason"} <= set(v)
                assert len(v["span"]) == 2 and 0 <= v["confidence"] <= 1


def test_out_dir_writes_csv_in_descriptor_order(tmp_path: Path) -> None:
    """--out writes one CSV per table with the descriptor's header, plus drafts.json."""
    assert main([str(DOCS / "body_news.txt"), "--out", str(tmp_path), "--data", str(REGISTER)]) == 0
    header = (tmp_path / "events.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",") == known(REGISTER).columns("events")
    assert (tmp_path / "drafts.json").exists()


@pytest.mark.parametrize(
    ("sentence", "published", "value"),
    [
        ("W ubiegłym miesiącu odbył się audyt.", dt.date(2022, 1, 10), "2021-12"),
        ("W zeszłym roku odbył się audyt.", dt.date(2022, 1, 10), "2021"),
        ("W ubiegłym miesiącu odbył się audyt.", None, None),
    ],
)
def test_date_relative_to_publication(sentence: str, published: dt.date | None, value: str | None) -> None:
    """'W ubiegłym miesiącu' counts back from publication (the whole date inferred); unknown without it."""
    (found,) = find_dates(sentence, published)
    assert (found.value, found.words, found.inferred_part) == (value, sentence.split(" odbył")[0], "whole")
    assert found.reason


def test_publication_date_line() -> None:
    """A page's 'Data publikacji: dd.mm.yyyy' line dates the source, with its words."""
    t = "Aktualności\nData publikacji: 12.05.2021\nUrząd Gminy Testowo otrzymał certyfikat ISO 9001:2015."
    d = draft(t, source_id="x", data_dir=REGISTER)
    src = d.tables["sources"][0]
    assert (src["published_on"].value, src["published_on_as_written"].value) == ("2021-05-12", "12.05.2021")


def test_cookie_banner_and_breadcrumb_are_debris() -> None:
    """A cookie banner and a breadcrumb trail are debris, and the title is the first heading after them."""
    t = (
        "Ta strona korzysta z plików cookies, aby ułatwić korzystanie z serwisu.\n"
        "Strona główna » Aktualności » Certyfikat ISO\n"
        "Certyfikat ISO dla urzędu\n"
        "Urząd Gminy Testowo otrzymał certyfikat ISO 9001:2015."
    )
    assert len(text.debris(t)) == 2
    assert text.title(t).text == "Certyfikat ISO dla urzędu"


def test_validity_in_a_sentence_of_its_own() -> None:
    """With one certificate, 'Certyfikat jest ważny na okres 3 lat.' after the grant is its validity."""
    t = "Urząd Gminy Testowo otrzymał certyfikat ISO 9001:2015. Certyfikat jest ważny na okres 3 lat."
    (cert,) = draft(t, source_id="x", data_dir=REGISTER).tables["certificates"]
    assert (cert["validity_years"].value, cert["validity_as_written"].value) == (3, "na okres 3 lat")


def test_new_certificate_after_an_audit_is_granted() -> None:
    """'Nowy certyfikat jest ważny do ...' after a recertification audit: granted, its expiry; the text dates the
    audit, not the issue, so the issue date stays empty with the audit's date as its lower bound."""
    t = (
        "W dniu 3.02.2020 r. odbył się audyt recertyfikacyjny ISO 9001:2015 w Urzędzie Gminy Testowo. "
        "Nowy certyfikat jest ważny do 2.02.2023 r."
    )
    d = draft(t, source_id="x", data_dir=REGISTER)
    (event,) = d.tables["events"]
    (cert,) = d.tables["certificates"]
    assert (event["kind"].value, event["outcome"].value) == ("recertification", "granted")
    assert "issued_on" not in cert
    assert (cert["valid_until"].value, cert["issued_on_not_before"].value) == ("2023-02-02", "2020-02-03")


def test_nonconformities_words_leave_out_a_dialogue_dash() -> None:
    """A quoted speaker's '– Nie stwierdzono żadnych niezgodności.' is zero, its words without the dash."""
    t = "– Nie stwierdzono żadnych niezgodności."
    (n,) = findings.nonconformities(text.sentences(t))
    assert (n.count, t[n.span[0] : n.span[1]]) == (0, "Nie stwierdzono żadnych niezgodności.")


def test_marshal_office_place_in_the_nominative() -> None:
    """'Urzędzie Marszałkowskim Województwa Pomorskiego' serves Województwo Pomorskie."""
    (m,) = offices("Audyt w Urzędzie Marszałkowskim Województwa Pomorskiego.", known(REGISTER))
    assert m.extra[:2] == ("marshal_office", "Województwo Pomorskie")


def test_list_of_certified_offices() -> None:
    """A list naming one office per item is one certificate per office, each with its own expiry; the source is
    about no single office."""
    t = (
        "SGS Polska przyznało certyfikaty ISO 9001:2015 urzędom:\n"
        "- Urząd Gminy w Pcimiu – ważny do 1.03.2024 r.,\n"
        "- Urząd Miasta Zabrze – ważny do 2.04.2024 r.\n"
    )
    d = draft(t, source_id="x", data_dir=REGISTER)
    assert "office_id" not in d.tables["sources"][0]
    assert [(c["office_id"].value, c["valid_until"].value, c["body_id"].value) for c in d.tables["certificates"]] == [
        ("pcim-gmina", "2024-03-01", "sgs"),
        ("zabrze", "2024-04-02", "sgs"),
    ]
    assert [o["place"].value for o in d.tables["offices"]] == ["Pcim"]


@pytest.mark.parametrize(
    ("finding", "clause", "sub"),
    [
        ("regularne szkolenia podnoszące kompetencje pracowników", "7", "7.2"),
        ("nowy budynek urzędu i nowoczesny sprzęt komputerowy", "7", "7.1.3"),
        ("coroczne ankiety badające zadowolenie klientów", "9", "9.1.2"),
        ("skuteczne działania korygujące po wykrytych niezgodnościach", "10", "10.2"),
    ],
)
def test_clause_from_the_standards_own_words(finding: str, clause: str, sub: str) -> None:
    """A finding in the words of an ISO 9001:2015 sub-clause gets its heading, the sub-clause named in the reason."""
    got, score, why = findings.Suggester(known(REGISTER)).clause(finding)
    assert (got, sub in why) == (clause, True), why
    assert score > 0


def test_no_clause_when_no_words_are_shared() -> None:
    """A finding sharing no word with any clause gets none."""
    assert findings.Suggester(known(REGISTER)).clause("zielone skwery przy ratuszu")[0] is None


@pytest.mark.parametrize(
    ("sentence", "office_id", "kind"),
    [
        ("Urząd Miasta Racibórz otrzymał certyfikat ISO 9001.", "raciborz", "city_hall"),
        ("Starostwo Powiatowe w Raciborzu otrzymało certyfikat ISO 9001.", "raciborz-powiat", "county_office"),
        ("Urząd Gminy Pcim otrzymał certyfikat ISO 9001.", "pcim-gmina", "municipal_office"),
    ],
)
def test_two_offices_of_one_town_get_two_ids(sentence: str, office_id: str, kind: str) -> None:
    """A new office's proposed id is its place, with its kind for all but a city hall: Racibórz's city hall and its
    county office never share one."""
    d = draft(sentence, source_id="x", url=None, published=None, file_name="x.txt")
    (office,) = d.tables["offices"]
    assert (office["office_id"].value, office["office_kind"].value) == (office_id, kind)
