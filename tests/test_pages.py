"""Every page under AppTest, in Polish and English, on the fixture package (tests/fixture_package.py).

Expected values are read off the fixture's rows: two offices of Testowo, a city hall (ISO 9001:2015 valid
20.09.2016-19.09.2019 and ISO 37120 handed over the same day, no end stated; a 2nd surveillance audit in October
2018 with two auditors' praises and the certification body's own remark) and a county office (ISO 9001:2000 from
15.03.2002 and ISO 9001:2008 from 2009 to 14.03.2015 on one registration; a recertification in March 2012 with one
praise; an undated lapse; ISO 14001 issued "in 2016 or 2017"; a surveillance planned for "20 września br.")."""

import base64
import datetime as dt
import io
import json
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from cityiso.app import ui
from cityiso.build import build
from cityiso.data.descriptor import package
from cityiso.figures import images
from cityiso.labels import format_date
from cityiso.paths import ROOT
from cityiso.queries import OfficeFilter
from cityiso.safe_text import html, md
from tests.fixture_package import write_package
from tests.plain_tables import plain_tables

# The two offices share their place, so the app names each by its place and its office name.
CITY = "Testowo (Urząd Miasta Testowo)"
COUNTY = "Testowo (Starostwo Powiatowe w Testowie)"
DAY = 86_400_000  # a day in milliseconds, the unit of a timeline bar's length


def build_package(root: Path, edit: Callable | None = None) -> Path:
    """The fixture package, changed by `edit(rows, documents)`, built into root/cityiso.duckdb."""
    out = root / "cityiso.duckdb"
    problems = build(write_package(root, edit), out)
    assert not problems, "\n".join(map(str, problems))
    return out


def event(rows: dict, event_id: str) -> dict:
    return next(r for r in rows["events"] if r["event_id"] == event_id)


@pytest.fixture(scope="module")
def undated_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The county's recertification (with its one praise) undated: the text no longer gives "w marcu 2012 r."."""

    def edit(rows: dict, documents: dict) -> None:
        event(rows, "pow-recert-2012").update(event_on="", event_on_as_written="")

    return build_package(tmp_path_factory.mktemp("undated"), edit)


@pytest.fixture(scope="module")
def quiet_county_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The county office without findings: its one praise removed, its recertification reporting none."""

    def edit(rows: dict, documents: dict) -> None:
        rows["findings"] = [f for f in rows["findings"] if f["finding_id"] != "pow-f1"]
        event(rows, "pow-recert-2012")["findings_status"] = "not_reported"

    return build_package(tmp_path_factory.mktemp("quiet"), edit)


def _plain(value):
    """Plotly 7 sends numeric arrays base64-encoded ({dtype, bdata}): turn them into plain lists, recursively."""
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, dict) and "bdata" in value and "dtype" in value:
        array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
        if "shape" not in value:
            return array.tolist()
        shape = value["shape"]  # "2, 26" in a 2-D array's spec
        return array.reshape([int(n) for n in str(shape).split(",")] if isinstance(shape, str) else shape).tolist()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def figures(at: AppTest) -> list[dict]:
    """Each chart on the page as the figure dict it was drawn from."""
    return [_plain(json.loads(chart.proto.spec)) for chart in at.get("plotly_chart")]


def trace_names(fig: dict) -> list[str]:
    return [trace.get("name") for trace in fig["data"]]


def trace(fig: dict, name: str) -> dict:
    (found,) = [t for t in fig["data"] if t.get("name") == name]
    return found


def bars_by_office(fig: dict) -> dict[str, dict]:
    """A bar chart with one trace per office as {office: {category: value}}."""
    return {t["name"]: dict(zip(t["y"], t["x"], strict=True)) for t in fig["data"]}


def markdown_text(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def findings_lists(at: AppTest) -> list[str]:
    """The office profile's lists of findings, one HTML body per clause."""
    return [h.proto.body for h in at.get("html") if "class='office-findings'" in h.proto.body]


# --- Overview --------------------------------------------------------------------------------------------------------

OVERVIEW_LABELS = {
    "pl": ("Urzędy w zestawieniu", "Z ważnym certyfikatem", "Audyty", "Obszary docenione"),
    "en": ("Offices tracked", "Holding a valid certificate", "Audits", "Praised items"),
}


@pytest.mark.parametrize(
    ("lang", "family", "as_of", "values"),
    [
        # The city hall's 9001 is valid on exact dates; the county's 2008 certificate ran out on 14.03.2015.
        # Audits of ISO 9001: the county's transition (2009) and recertification (2012), the city's surveillance
        # (2018); the handover is no audit. Praised by auditors: 2 at the surveillance, 1 at the recertification.
        # Audits and praise are counted up to the chosen day: in October 2016 the 2018 surveillance is to come.
        ("pl", "ISO 9001", "2016-10-01", ["2", "1 (+0)", "2", "1"]),
        # In 2005 only the county's ISO 9001:2000 certificate: an issue date alone shows it valid only approximately.
        ("en", "ISO 9001", "2005-06-01", ["2", "0 (+1)", "0", "0"]),
        # The city hall's 9001 expired on 19.09.2019 and nothing followed.
        ("en", "ISO 9001", "2019-10-01", ["2", "0 (+0)", "3", "3"]),
        # ISO 37120: exact dates show it valid on the handover day only (no end stated), then approximately.
        ("en", "ISO 37120", "2016-09-20", ["2", "1 (+0)", "0", "0"]),
        ("pl", "ISO 37120", "2016-10-01", ["2", "0 (+1)", "0", "0"]),
        # ISO 14001 "in 2016 or 2017": approximate; its only audit is still planned, so no audits and no praise.
        ("en", "ISO 14001", "2018-01-01", ["2", "0 (+1)", "0", "0"]),
    ],
)
def test_overview_headline_figures_per_family(open_page, lang: str, family: str, as_of: str, values: list) -> None:
    at = open_page(lang=lang, as_of=as_of, family=family)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == dict(zip(OVERVIEW_LABELS[lang], values, strict=True))
    day = format_date(dt.date.fromisoformat(as_of), "day", lang)
    counted = {"pl": f"Audyty i obszary docenione do {day}.", "en": f"Audits and praised items up to {day}."}[lang]
    assert [c.value for c in at.caption if c.value.startswith(counted)]


def test_overview_map_places_every_office_by_status(open_page) -> None:
    at = open_page(lang="en", as_of="2019-10-01")
    status_map, trend = figures(at)[:2]
    placed = {t["name"]: t["customdata"] for t in status_map["data"] if t.get("customdata")}
    assert placed == {"expired": ["testowo", "testowo-powiat"]}
    # The two offices of one town are labelled apart on the map.
    labels = {
        office: label
        for t in status_map["data"]
        if t.get("customdata")
        for office, label in zip(t["customdata"], t["text"], strict=True)
    }
    assert labels == {"testowo": CITY, "testowo-powiat": COUNTY}
    assert "ISO 9001 · Status on: 1 October 2019" in status_map["layout"]["title"]["text"]
    assert status_map["layout"]["annotations"][0]["text"].startswith("Source: cityiso, 3 source documents")
    # Auditors' praise by year and clause: the body's remark (no clause, not the auditors' voice) is not counted;
    # the county's 2008 clause 7.2 is charted under its 2015 heading 8.
    bars = {t["name"]: dict(zip(t["x"], t["y"], strict=True)) for t in trend["data"] if t["type"] == "bar"}
    assert bars == {"5 Leadership": {2018: 1}, "7 Support": {2018: 1}, "8 Customer-related processes": {2012: 1}}
    audits = next(t for t in trend["data"] if t["type"] == "scatter")
    assert dict(zip(audits["x"], audits["y"], strict=True)) == {2009: 1, 2012: 1, 2018: 1}
    # The undated lapse is no audit and no praise: the activity chart leaves nothing out, the kinds caption counts it.
    captions = [c.value for c in at.caption]
    assert not [c for c in captions if c.startswith("Not in the chart")]
    assert [c for c in captions if c.endswith("by kind: Certification not renewed: 1.")]


def test_overview_activity_stops_at_the_chosen_day(open_page) -> None:
    """In October 2016 the 2018 surveillance and what the auditors praised at it have not happened yet."""
    trend = figures(open_page(lang="en", as_of="2016-10-01"))[1]
    bars = {t["name"]: dict(zip(t["x"], t["y"], strict=True)) for t in trend["data"] if t["type"] == "bar"}
    assert bars == {"8 Customer-related processes": {2012: 1}}
    audits = next(t for t in trend["data"] if t["type"] == "scatter")
    assert dict(zip(audits["x"], audits["y"], strict=True)) == {2009: 1, 2012: 1}


TREND_TITLES = {
    "family": "Offices with a valid certificate: standards",
    "office_kind": "Share certified: kinds of office",
    "voivodeship": "Share certified: voivodeships",
    "flows": "New, returned, lost, recertified",
}


def test_overview_draws_one_trend_and_each_other_one_on_a_click(open_page) -> None:
    """The trends are one chart at a time (the standards first), each of the others a click away and in the URL."""
    at = open_page(lang="en", as_of="2019-10-01")

    def trends_drawn() -> list[str]:
        titles = [f["layout"]["title"]["text"].split("<br>")[0] for f in figures(at)]
        return [title for title in titles if title in TREND_TITLES.values()]

    assert trends_drawn() == [TREND_TITLES["family"]]
    for code, title in reversed(TREND_TITLES.items()):
        at.segmented_control(key="trends").set_value(code).run()
        assert trends_drawn() == [title]
        assert at.query_params["trends"] in (code, [code])
    assert trends_drawn() == [TREND_TITLES["family"]]
    linked = open_page(lang="en", as_of="2019-10-01", trends="flows")
    assert [f["layout"]["title"]["text"].split("<br>")[0] for f in figures(linked)][2] == TREND_TITLES["flows"]


def event_lists(at: AppTest) -> list[pd.DataFrame]:
    """The overview's lists of the latest and the next events: plain tables, each shown when not empty."""
    return [table for table in plain_tables(at) if "Rodzaj" in table.columns]


def test_overview_lists_latest_and_next_events(open_page) -> None:
    at = open_page(lang="pl", as_of="2016-10-01")
    latest, upcoming = event_lists(at)
    assert not at.dataframe  # no data grid at first sight: the browser loads none of its code
    assert latest["Data"].tolist() == ["20 września 2016", "marzec 2012", "2009"]
    assert latest["Urząd"].tolist() == [CITY, COUNTY, COUNTY]
    assert upcoming["Data"].tolist() == ["październik 2018"]
    assert upcoming["Rodzaj"].tolist() == ["Audyt nadzoru"]


def test_overview_lists_the_planned_audit_as_next(open_page) -> None:
    at = open_page(lang="pl", as_of="2017-06-30", family="ISO 14001")
    (upcoming,) = event_lists(at)  # no latest event of ISO 14001 by then: that list shows no table
    # "20 września br." in a text of June 2017: the year is inferred, so the date carries "~".
    assert upcoming["Data"].tolist() == ["~20 września 2017"]
    assert upcoming["Rodzaj"].tolist() == ["Audyt nadzoru (planowany)"]


def test_overview_peers_chart_cites_the_offices_it_draws(open_page) -> None:
    """The chart of audits at offices of the chosen office's kind covers every office of that kind, whatever the
    page's filter: its source line counts their documents (the city hall's two), not the filter's (the county
    office's one)."""
    at = open_page(lang="en", offices="testowo-powiat", office="testowo")
    peers = next(f for f in figures(at) if "Audits at offices of its kind" in f["layout"]["title"]["text"])
    sources = [a["text"] for a in peers["layout"]["annotations"] if a["text"].startswith("Source:")]
    assert sources and sources[0].startswith("Source: cityiso, 2 source documents"), sources


# --- Certification cycles ---------------------------------------------------------------------------------------------

CITY_9001 = f"{CITY} · ISO 9001:2015"
COUNTY_9001 = f"{COUNTY} · ISO 9001:2000/2008"  # one registration: its two certificates share a row


def rows_of_certificates(fig: dict) -> dict[str, set[str]]:
    """certificate_id -> the timeline rows its bars are drawn on."""
    rows: dict[str, set[str]] = {}
    for t in fig["data"]:
        if t["type"] == "bar":
            for certificate, row in zip(t["customdata"], t["y"], strict=True):
                rows.setdefault(certificate, set()).add(row)
    return rows


@pytest.mark.parametrize(
    ("lang", "sure", "handover", "undated"),
    [
        ("pl", "ISO 9001:2015 (ważność potwierdzona)", "20 września 2016", "~marzec 2015–czerwiec 2017"),
        ("en", "ISO 9001:2015 (validity shown)", "20 September 2016", "~March 2015–June 2017"),
    ],
)
def test_cycles_timeline_and_table(open_page, lang: str, sure: str, handover: str, undated: str) -> None:
    at = open_page("cycles", lang=lang, as_of="2016-10-01", tables="certificates,events")
    (timeline,) = figures(at)
    assert rows_of_certificates(timeline) == {
        "tst-9001": {CITY_9001},
        "pow-9001-2000": {COUNTY_9001},
        "pow-9001-2008": {COUNTY_9001},
    }
    bar = trace(timeline, sure)
    assert bar["y"] == [CITY_9001]
    assert bar["base"] == ["2016-09-20T00:00:00"]
    assert bar["x"] == [((dt.date(2019, 9, 19) - dt.date(2016, 9, 20)).days + 1) * DAY]  # both days included
    # The 2000 and 2008 editions' transition deadlines, and the as-of date.
    assert [s["x0"] for s in timeline["layout"]["shapes"]] == ["2010-11-15", "2018-09-15", "2016-10-01"]
    (status,) = plain_tables(at)  # a page of offices: a plain table
    certificates, events = (d.value for d in at.dataframe)  # each in its box, opened by ?tables=
    assert len(certificates) == 3
    assert len(status) == 2
    # ISO 9001's events: handover, surveillance, transition, recertification and the undated lapse, shown by its
    # bounds (the planned surveillance concerns ISO 14001).
    assert len(events) == 5
    dates = events.iloc[:, 1].tolist()
    assert handover in dates and undated in dates


@pytest.mark.parametrize(
    ("lang", "open_bar"), [("pl", "ISO 37120 (bez znanego końca)"), ("en", "ISO 37120 (no known end)")]
)
def test_cycles_draws_a_certificate_without_known_end_open(open_page, lang: str, open_bar: str) -> None:
    at = open_page("cycles", lang=lang, family="ISO 37120", as_of="2016-10-01")
    (timeline,) = figures(at)
    bar = trace(timeline, open_bar)
    assert bar["customdata"] == ["tst-37120"]
    assert bar["marker"]["opacity"] < 1 and bar["marker"]["pattern"]["shape"] == "."
    # No expiry is stated: the window runs 3 years past its only evidence (the handover on 20.09.2016).
    assert bar["base"] == ["2016-09-20T00:00:00"]
    assert bar["x"] == [((dt.date(2019, 9, 20) - dt.date(2016, 9, 20)).days + 1) * DAY]
    (arrow,) = [t for t in timeline["data"] if t.get("text") == ["→"]]
    assert arrow["x"] == ["2019-09-20T00:00:00"] and arrow["customdata"] == ["tst-37120"]
    assert [s["x0"] for s in timeline["layout"]["shapes"]] == ["2016-10-01"]  # ISO 37120 has no transition


def test_a_charts_source_line_speaks_of_the_offices_family_and_day_it_shows(open_page) -> None:
    """The county office alone: its one document and its latest evidence (March 2012), not the whole data's three
    documents and the latest evidence of all."""
    (timeline,) = figures(open_page("cycles", lang="en", offices="testowo-powiat", as_of="2016-10-01"))
    source = next(a["text"] for a in timeline["layout"]["annotations"] if a["text"].startswith("Source:"))
    assert source.startswith("Source: cityiso, 1 source document; evidence up to March 2012;")
    (timeline,) = figures(open_page("cycles", lang="en", as_of="2016-10-01"))
    source = next(a["text"] for a in timeline["layout"]["annotations"] if a["text"].startswith("Source:"))
    assert source.startswith("Source: cityiso, 3 source documents; evidence up to 20 September 2016;")  # a handover


def test_cycles_draws_a_planned_audit_as_an_open_marker(open_page) -> None:
    at = open_page("cycles", lang="en", family="ISO 14001")
    (timeline,) = figures(at)
    bar = trace(timeline, "ISO 14001 (no known end)")
    # Issued "in 2016 or 2017": from the first day the text allows to 3 years past the last.
    assert bar["base"] == ["2016-01-01T00:00:00"]
    assert bar["x"] == [((dt.date(2020, 12, 31) - dt.date(2016, 1, 1)).days + 1) * DAY]
    planned = trace(timeline, "Surveillance audit (planned)")
    assert planned["marker"]["symbol"] == "circle-open"
    assert [x[:10] for x in planned["x"]] == ["2017-09-20"] and planned["y"] == [f"{COUNTY} · ISO 14001:?"]
    assert planned["marker"]["opacity"] == [0.45]  # its year is inferred from "br."


def test_cycles_colour_by_body_from_the_url(open_page) -> None:
    at = open_page("cycles", lang="en", color_by="body", offices="testowo,testowo-powiat")
    names = trace_names(figures(at)[0])
    assert "PJT (validity shown)" in names  # the city hall's certificate, from Polska Jednostka Testowa
    assert "TÜV T (approximate validity)" in names  # the county's 2000 certificate
    assert "? (validity shown)" in names  # the county's 2008 certificate names no body


@pytest.mark.parametrize(
    ("as_of", "city", "county"),
    [
        ("2016-10-01", "valid", "expired"),
        # ISO 9001:2008 "w 2009 r.": a year only, so approximately valid until the end of 2009.
        ("2009-06-01", "no evidence", "valid (approximate)"),
        ("2019-06-01", "valid", "expired"),
        ("2019-10-01", "expired", "expired"),
    ],
)
def test_cycles_status_on_a_date(open_page, as_of: str, city: str, county: str) -> None:
    at = open_page("cycles", lang="en", as_of=as_of)
    status = plain_tables(at)[0].set_index("Office")
    assert status["Status"].to_dict() == {CITY: city, COUNTY: county}
    # The latest evidence on or before the date stands next to each status.
    assert set(status.columns) >= {"Latest evidence"}


def test_cycles_makes_its_long_tables_only_when_their_box_is_open(open_page) -> None:
    """The certificates and events tables (data grids) are made only in an open box; ?tables= says which are open,
    and the URL follows a box opened on the page."""
    at = open_page("cycles", lang="en", as_of="2016-10-01")
    boxes = {e.label: e for e in at.expander if e.label.endswith("(table)")}
    assert list(boxes) == ["Certificates (table)", "Events (table)"]
    assert len(at.dataframe) == 0 and len(plain_tables(at)) == 1  # the status of the page's offices only
    assert not at.table  # a plain table is HTML: st.table would load the grid's formatting code (0.7 MB)
    assert at.query_params["tables"] == ""
    at = open_page("cycles", lang="en", as_of="2016-10-01", tables="events")
    (events,) = (d.value for d in at.dataframe)
    assert len(events) == 5
    assert [b.label for b in at.get("download_button")] == ["Download CSV"]
    at.session_state["table_certificates"] = True  # the visitor opens the other box
    at.run()
    assert [len(d.value) for d in at.dataframe] == [3, 5]
    assert at.query_params["tables"] == "certificates,events"


def test_an_open_table_box_stays_open_when_the_visitor_comes_back(open_page) -> None:
    """Each page's boxes keep their state through a visit to another page with boxes of its own (one ?tables=)."""
    at = open_page("cycles", lang="en", tables="events")
    at.switch_page("pages/praised.py").run()
    assert at.query_params["tables"] == "" and not at.dataframe  # the findings' box is closed: no grid
    at.session_state["table_findings"] = True
    at.run()
    assert at.query_params["tables"] == "findings" and len(at.dataframe) == 1
    at.switch_page("pages/cycles.py").run()
    assert at.query_params["tables"] == "events" and len(at.dataframe) == 1


# --- Praised areas ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "city", "county"),
    [
        ("pl", {"5 Przywództwo": 1, "7 Wsparcie": 1}, {"8 Procesy związane z klientem": 1}),
        ("en", {"5 Leadership": 1, "7 Support": 1}, {"8 Customer-related processes": 1}),
    ],
)
def test_praised_counts_by_clause_and_theme(open_page, lang: str, city: dict, county: dict) -> None:
    at = open_page("praised", lang=lang)
    by_clause, by_theme, heatmap = figures(at)
    assert bars_by_office(by_clause) == {CITY: city, COUNTY: county}
    assert sum(sum(t["x"]) for t in by_theme["data"]) == 3
    cells = heatmap["data"][0]
    assert sorted(map(tuple, cells["customdata"])) == [
        ("testowo", "it"),
        ("testowo", "leadership"),
        ("testowo-powiat", "service"),
    ]
    assert set(cells["x"]) == {CITY, COUNTY}


def test_praised_counts_only_the_auditors_by_default(open_page) -> None:
    at = open_page("praised", lang="en", tables="findings")  # every finding, in its box
    findings = at.dataframe[-1].value
    assert sorted(findings["Finding"]) == ["E-services", "Efficient client service", "Management commitment"]
    assert set(findings["Who says it"]) == {"Auditors (audit report)"}
    assert at.multiselect(key="voices").value == ["auditor"]


def test_praised_shows_the_body_s_remark_only_when_asked(open_page) -> None:
    at = open_page("praised", lang="en", voices="certification_body", tables="findings")
    by_clause, by_theme, _ = figures(at)
    assert bars_by_office(by_clause) == {CITY: {"no clause": 1}}
    assert bars_by_office(by_theme) == {CITY: {"Leadership commitment": 1}}
    findings = at.dataframe[-1].value
    assert findings["Finding"].tolist() == ["A model for others"]
    assert findings["Quote"].tolist() == ["Urząd jest wzorem dla innych samorządów."]
    assert findings["Who says it"].tolist() == ["Certification body"]


def test_praised_share_measure_from_the_url(open_page) -> None:
    at = open_page("praised", lang="en", measure="share", offices="testowo")
    by_clause = figures(at)[0]
    # Two auditors' praises at the city hall's one audit: half each.
    assert bars_by_office(by_clause) == {CITY: {"5 Leadership": 0.5, "7 Support": 0.5}}
    assert by_clause["layout"]["xaxis"]["title"]["text"] == "Share of the audit's findings"


def test_a_picked_category_from_the_url_heads_its_findings_shown_as_cards(open_page) -> None:
    """?pick= names the clicked category: its name is the heading above the findings, each a card with its quote,
    office, date and source; a pick of every office ('|5') covers both offices' findings under clause 5."""
    at = open_page("praised", lang="en", pick="clause:testowo|5")
    main = [m.value for m in at.main.markdown] + [s.value for s in at.subheader]
    heading = f"Findings behind the selection: 5 Leadership · {md(CITY)}"
    assert heading in main
    quotes = [m for m in main if m.startswith("> „")]
    assert quotes == ["> „zaangażowanie kierownictwa w doskonalenie usług”"]
    captions = [c.value for c in at.caption]
    assert any(c.startswith(md(CITY)) and "portal.txt" in c for c in captions)
    assert at.query_params["pick"] in ("clause:testowo|5", ["clause:testowo|5"])  # the pick stays in the URL


def test_a_bad_pick_in_the_url_gets_a_notice(open_page) -> None:
    at = open_page("praised", lang="en", pick="clause:testowo")
    assert any(md("pick=clause:testowo") in w.value for w in at.warning)
    assert not [s for s in at.subheader if s.value.startswith("Findings behind")]


def test_praised_search_folds_diacritics(open_page) -> None:
    at = open_page("praised", lang="pl", q="obsluga")
    results = at.dataframe[0].value
    assert results["Cytat"].tolist() == ["Audytorzy docenili sprawną obsługę interesantów."]


def test_praised_search_keeps_to_the_chosen_voices(open_page) -> None:
    at = open_page("praised", lang="en", q="wzorem")
    assert "No findings match these filters." in [c.value for c in at.caption]  # the body's words, not the auditors'
    at = open_page("praised", lang="en", q="wzorem", voices="auditor,certification_body")
    assert at.dataframe[0].value["Quote"].tolist() == ["Urząd jest wzorem dla innych samorządów."]


def test_praised_year_filter(open_page) -> None:
    at = open_page("praised", lang="en", years="2012-2012")
    assert set(bars_by_office(figures(at)[0])) == {COUNTY}
    at = open_page("praised", lang="en", years="2018-2018")
    assert set(bars_by_office(figures(at)[0])) == {CITY}


def test_praised_year_filter_keeps_undated_unless_asked(open_page, undated_db: Path) -> None:
    at = open_page("praised", db=undated_db, lang="en", years="2018-2018")
    assert set(bars_by_office(figures(at)[0])) == {CITY, COUNTY}  # the county's praise has no date now
    at = open_page("praised", db=undated_db, lang="en", years="2018-2018", undated="false")
    assert set(bars_by_office(figures(at)[0])) == {CITY}


# --- Compare ----------------------------------------------------------------------------------------------------------


def only_in(at: AppTest) -> dict[str, list[str]]:
    """The compare page's "praised in one office only" lists, by their bold heading."""
    lists: dict[str, list[str]] = {}
    for text in (m.value for m in at.markdown):
        if text.startswith("**"):
            lists[text] = []
        elif text.startswith("- ") and lists:
            lists[list(lists)[-1]].append(text)
    return lists


@pytest.mark.parametrize(
    ("lang", "heading", "city_only", "county_only"),
    [
        (
            "pl",
            "{a}: tematy docenione tylko tu (pozostałe urzędy: {b})",
            ["- Informatyzacja (1)", "- Zaangażowanie kierownictwa (1)"],
            ["- Obsługa interesantów (1)"],
        ),
        (
            "en",
            "{a}: themes praised here only (other offices: {b})",
            ["- IT (1)", "- Leadership commitment (1)"],
            ["- Client service (1)"],
        ),
    ],
)
def test_compare_profiles_and_what_sets_offices_apart(
    open_page, lang: str, heading: str, city_only: list, county_only: list
) -> None:
    at = open_page("compare", lang=lang, offices="testowo,testowo-powiat")
    timeline, clause_profile, theme_profile = figures(at)[:3]  # then the peers of one office
    # The county's registration starts first (2002), so it is drawn on top.
    assert timeline["layout"]["yaxis"]["categoryarray"] == [CITY_9001, COUNTY_9001]
    assert {t["name"] for t in clause_profile["data"]} == {CITY, COUNTY}
    shares = {t["name"]: sorted(t["x"]) for t in theme_profile["data"]}
    assert shares == {CITY: [0.5, 0.5], COUNTY: [1.0]}  # shares of each office's one audit's findings
    assert {h: sorted(items) for h, items in only_in(at).items()} == {
        f"**{md(heading.format(a=CITY, b=COUNTY))}**": city_only,
        f"**{md(heading.format(a=COUNTY, b=CITY))}**": county_only,
    }


def test_compare_keeps_an_office_without_findings(open_page, quiet_county_db: Path) -> None:
    at = open_page("compare", db=quiet_county_db, lang="en", offices="testowo,testowo-powiat")
    assert at.multiselect(key="offices").value == ["testowo", "testowo-powiat"]
    timeline, clause_profile, _ = figures(at)[:3]
    assert COUNTY_9001 in timeline["layout"]["yaxis"]["categoryarray"]
    assert {t["name"] for t in clause_profile["data"]} == {CITY}
    assert {h: sorted(items) for h, items in only_in(at).items()} == {
        f"**{md(f'{CITY}: themes praised here only (other offices: {COUNTY})')}**": [
            "- IT (1)",
            "- Leadership commitment (1)",
        ],
        f"**{md(f'{COUNTY}: themes praised here only (other offices: {CITY})')}**": [],
    }
    # The county stays in the comparison, said to have no findings reported (not "nothing unique").
    captions = [c.value for c in at.caption]
    assert "No findings reported." in captions and "No theme praised here only." not in captions
    assert md(f"No findings reported: {COUNTY}") in captions  # under the profiles it has no bar in


def test_compare_needs_two_offices(open_page) -> None:
    at = open_page("compare", lang="en", offices="testowo")
    assert any("choose 2 to 4 offices" in w.value for w in at.warning)
    # The default: the offices with auditors' praise, here both.
    assert at.multiselect(key="offices").value == ["testowo", "testowo-powiat"]
    assert len(figures(at)) == 4  # cycles, two profiles, the peers of one office


# --- Office profile ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "headings", "auditors", "body"),
    [
        ("pl", ["#### 5 Przywództwo", "#### 7 Wsparcie", "#### bez rozdziału"], "Audytorzy", "Jednostka certyfikująca"),
        ("en", ["#### 5 Leadership", "#### 7 Support", "#### no clause"], "Auditors", "Certification body"),
    ],
)
def test_office_profile_lists_findings_with_quotes_and_voice(
    open_page, lang: str, headings: list, auditors: str, body: str
) -> None:
    at = open_page("office", lang=lang, office="testowo")
    assert at.title[0].value == md(CITY)
    texts = [m.value for m in at.markdown]
    assert [t for t in texts if t.startswith("####")] == headings
    # A heading's findings are one list (HTML, each value escaped): one item per finding, each with its quote and
    # its source.
    lists = findings_lists(at)
    assert len(lists) == len(headings)
    items = [item for body in lists for item in body.split("<li>")[1:]]
    lines = {
        quote: next(item for item in items if f"„{html(quote)}”" in item)
        for quote in (
            "zaangażowanie kierownictwa w doskonalenie usług",
            "nowoczesne e-usługi dla mieszkańców",
            "Urząd jest wzorem dla innych samorządów.",
        )
    }
    # Who says it, on every line: the auditors' praise and the body's remark are told apart.
    assert auditors in lines["zaangażowanie kierownictwa w doskonalenie usług"]
    assert auditors in lines["nowoczesne e-usługi dla mieszkańców"]
    assert body in lines["Urząd jest wzorem dla innych samorządów."]
    assert "<code>body_news.txt</code>" in lines["Urząd jest wzorem dla innych samorządów."]
    # Its sources, not the county's.
    text = "\n".join(texts)
    assert "**ISO w urzędzie** — `portal.txt`" in text and md("https://testowo.example/2018/10/iso") in text
    assert "**Audit w Testowie**" in text and "ISO w starostwie" not in text


def test_office_profile_of_the_county(open_page) -> None:
    at = open_page("office", lang="en", office="testowo-powiat")
    assert at.title[0].value == md(COUNTY)
    text = markdown_text(at)
    assert "#### 8 Customer-related processes" in text  # clause 7.2 of the 2008 edition, under its 2015 heading
    assert "„Audytorzy docenili sprawną obsługę interesantów.”" in "\n".join(findings_lists(at))
    status, certificates, _events = plain_tables(at)  # HTML tables: every column prints
    assert status["Standard"].tolist() == ["ISO 14001", "ISO 9001"]  # its status in each family it holds
    assert certificates["Standard"].tolist() == [
        "PN-EN ISO 14001 (ISO 14001)",
        "ISO 9001:2000 (ISO 9001:2000)",
        "ISO 9001:2008 (ISO 9001:2008)",
    ]


def test_office_without_findings_says_so(open_page, quiet_county_db: Path) -> None:
    at = open_page("office", db=quiet_county_db, lang="en", office="testowo-powiat")
    assert at.info[0].value == "The sources report no audit findings for this office."


def test_old_links_with_city_and_cities_still_work(open_page) -> None:
    at = open_page("office", lang="en", city="testowo-powiat")
    assert at.title[0].value == md(COUNTY)
    assert at.query_params["office"] == "testowo-powiat"
    at = open_page("cycles", lang="en", cities="testowo", filter_open=True)
    assert at.multiselect(key="offices").value == ["testowo"]
    assert at.query_params["offices"] == "testowo"
    assert rows_of_certificates(figures(at)[0]) == {"tst-9001": {CITY_9001}}


def test_chosen_family_and_offices_follow_the_visitor_to_the_next_page(open_page) -> None:
    at = open_page(lang="en", filter_open=True)
    at.selectbox(key="family").set_value("ISO 14001").run()
    at.switch_page("pages/cycles.py").run()
    assert at.selectbox(key="family").value == "ISO 14001"
    at.multiselect(key="offices").set_value(["testowo-powiat"]).run()
    at.switch_page("pages/praised.py").run()
    assert at.selectbox(key="family").value == "ISO 14001"
    assert at.multiselect(key="offices").value == ["testowo-powiat"]


def test_compare_takes_its_default_when_another_page_chose_more_than_four(
    open_page, tmp_path_factory: pytest.TempPathFactory
) -> None:
    def three_more_offices(rows: dict, documents: dict) -> None:
        for n in range(3):
            name = f"Urząd Gminy Próbna {n}"
            documents[f"gmina{n}.txt"] = f"{name} wdraża system zarządzania jakością."
            rows["sources"].append(
                dict(source_id=f"gmina{n}", kind="document", file=f"gmina{n}.txt", title=name, office_id=f"gmina{n}")
            )
            rows["offices"].append(
                dict(
                    office_id=f"gmina{n}",
                    teryt=f"123402{n}",
                    office_kind="municipal_office",
                    place=f"Próbna {n}",
                    office_name=name,
                    voivodeship="mazowieckie",
                    latitude="52.0",
                    longitude="20.0",
                    geo_source_id="ref",
                    source_id=f"gmina{n}",
                    quote=name,
                )
            )

    db = build_package(tmp_path_factory.mktemp("five"), three_more_offices)
    at = open_page("cycles", db=db, lang="en", filter_open=True)
    assert at.multiselect(key="offices").value == []  # none chosen by name: every office the filter covers
    at.multiselect(key="offices").set_value(["gmina0", "gmina1", "gmina2", "testowo", "testowo-powiat"]).run()
    assert len(at.multiselect(key="offices").value) == 5
    at.switch_page("pages/compare.py").run()
    assert not at.exception, [e.message for e in at.exception]
    # Five is more than the page compares: its default, the offices with auditors' praise.
    assert at.multiselect(key="offices").value == ["testowo", "testowo-powiat"]


def test_compare_takes_its_default_without_a_notice_when_no_office_was_chosen_before(open_page) -> None:
    """Coming from a page whose filter chose no office by name (every office), compare shows its default quietly,
    and the next page's filter does not take that default for the visitor's choice: it keeps every office."""
    at = open_page("cycles", lang="en")
    at.switch_page("pages/compare.py").run()
    assert not at.warning, [w.value for w in at.warning]
    assert at.multiselect(key="offices").value == ["testowo", "testowo-powiat"]
    at.switch_page("pages/cycles.py").run()
    assert at.session_state["offices"] == [] and filter_box(at).label == "Which offices"


def test_an_office_removed_on_compare_stays_removed_until_the_visitor_picks_another(open_page) -> None:
    """Below two offices by the visitor's own hand, compare asks for more instead of putting its default back with
    a notice about the link; two again, it compares them."""
    at = open_page("compare", lang="en")
    at.multiselect(key="offices").set_value(["testowo"]).run()
    assert at.multiselect(key="offices").value == ["testowo"] and not at.warning
    assert [i.value for i in at.info] == ["Choose 2 to 4 offices to compare them."]
    at.multiselect(key="offices").set_value(["testowo", "testowo-powiat"]).run()
    assert not at.info and at.multiselect(key="offices").value == ["testowo", "testowo-powiat"]


def test_offices_the_visitor_chose_on_compare_follow_to_the_next_page(open_page) -> None:
    at = open_page("compare", lang="en")
    at.multiselect(key="offices").set_value(["testowo-powiat", "testowo"]).run()
    at.switch_page("pages/praised.py").run()
    assert at.session_state["offices"] == ["testowo-powiat", "testowo"]
    assert filter_box(at).label == "Which offices: 2 offices chosen"


# --- Sources and method -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "heading", "truncated", "publisher", "published"),
    [
        ("pl", "Dokumenty źródłowe", "tekst urwany", "Wydawca", "Data publikacji: czerwiec 2017"),
        ("en", "Source documents", "text truncated", "Publisher", "Published: June 2017"),
    ],
)
def test_sources_lists_documents_and_downloads(
    open_page, lang: str, heading: str, truncated: str, publisher: str, published: str
) -> None:
    at = open_page("sources", lang=lang)
    assert at.header[0].value == heading
    documents = [e.proto.label for e in at.expander if e.proto.label.startswith("Testowo")]
    assert sorted(documents) == sorted(
        [
            f"{md(CITY)}: Audit w Testowie ({truncated})",  # body_news.txt is marked truncated
            f"{md(CITY)}: ISO w urzędzie",
            f"{md(COUNTY)}: ISO w starostwie",
        ]
    )
    text = markdown_text(at)
    assert md("https://testowo.example/2018/10/iso") in text  # only the portal page has an address
    assert f"{publisher}: Polska Jednostka Testowa" in text and f"{publisher}: Urząd Miasta Testowo" in text
    assert published in text  # the county's text is dated "czerwiec 2017"
    assert "(tst-9001)" not in text  # a document's facts only when asked for: never every document's at once
    # No data grid: the clause and theme codebooks are plain tables, so the browser loads none of the grid's code.
    assert not at.dataframe and not at.table
    assert len(plain_tables(at)) == len(package().resources) + 2  # each file's codebook, the clauses, the themes
    at.toggle(key="facts_portal").set_value(True).run()
    text = markdown_text(at)
    assert "- ISO 9001\\:2015 (tst-9001)" in text and "- PN-EN ISO 37120 (tst-37120)" in text
    labels = {b.proto.label for b in at.get("download_button")}
    assert {f"{r.name}.csv" for r in package().resources} <= labels  # every table of the data package
    assert len(labels) == len(at.get("download_button"))


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_sources_codebook_describes_every_column_and_code(open_page, lang: str) -> None:
    at = open_page("sources", lang=lang)
    tables = {e.proto.label.split(" ")[0]: e for e in at.expander if e.proto.label.split(" ")[0].endswith(".csv")}
    resources = package().resources
    assert set(tables) == {r.path for r in resources}
    for resource in resources:
        expander = tables[resource.path]
        assert md(resource.description_pl if lang == "pl" else resource.description) in expander.proto.label
        (frame,) = plain_tables(expander)
        column, description, codes = frame.columns
        assert frame[column].tolist() == list(resource.field_names)
        by_name = frame.set_index(column)
        for field in resource.fields:
            said = field.description_pl if lang == "pl" else field.description
            assert by_name.loc[field.name, description] == said
            for code, pl, en in field.labels:
                assert f"{code}: {pl if lang == 'pl' else en}" in by_name.loc[field.name, codes]
    # A coded column spelled out: who speaks in a finding.
    voices = plain_tables(tables["findings.csv"])[0].set_index(column).loc["voice", codes]
    assert ("auditor: Auditors (audit report)" if lang == "en" else "auditor: Audytorzy (raport z audytu)") in voices


# --- Notices and the missing database ---------------------------------------------------------------------------------


@pytest.mark.parametrize("page", ["overview", "cycles"])
def test_the_as_of_date_reaches_every_date_of_the_data(open_page, page: str) -> None:
    """From the year of the first dated fact (the county's 2002 certificate) to the year of the last or today."""
    at = open_page(page, lang="en", as_of="2002-03-01")
    picker = at.date_input(key="as_of")
    assert picker.value == dt.date(2002, 3, 1) and not at.notices
    assert picker.min == dt.date(2002, 1, 1)
    assert picker.max == dt.date(max(dt.date.today().year, 2019), 12, 31)


@pytest.mark.parametrize(
    ("page", "params", "notice"),
    [
        ("overview", {"lang": "de"}, "lang=de"),
        ("overview", {"as_of": "2016-13-01"}, "as_of=2016-13-01"),
        ("overview", {"as_of": "1990-01-01"}, "as_of=1990-01-01"),  # before every date of the data
        ("overview", {"family": "ISO 9999"}, "family=ISO 9999"),
        ("cycles", {"offices": "testowo,warszawa"}, "warszawa"),
        ("cycles", {"cities": "testowo,warszawa"}, "warszawa"),
        ("praised", {"measure": "percent"}, "measure=percent"),
        ("praised", {"years": "1990-2030"}, "years=1990-2030"),
        ("office", {"office": "gdansk"}, "office=gdansk"),
        ("office", {"city": "gdansk"}, "office=gdansk"),
    ],
)
def test_bad_url_parameter_is_a_notice_not_a_traceback(open_page, page: str, params: dict, notice: str) -> None:
    at = open_page(page, **params)
    assert any(notice in w for w in at.notices), at.notices


FILTER_KEYS = {"office_q", "voivodeships", "office_kinds", "size_classes", "offices"}


def filter_widgets(at: AppTest) -> set[str]:
    """The keys of the office filter's widgets the page drew."""
    return FILTER_KEYS & {w.key for w in [*at.multiselect, *at.text_input]}


def filter_box(at: AppTest):
    (box,) = [e for e in at.expander if e.label.startswith("Which offices")]
    return box


def click_filter_box(at: AppTest, open_: bool) -> AppTest:
    """The visitor clicks the filter's box open or shut: AppTest has no such click, so send what the browser sends,
    the box's own state with the other widgets' (its callback runs as in the browser)."""
    states = at._tree.get_widget_states()
    state = states.widgets.add()
    state.id, state.bool_value = filter_box(at).proto.id, open_
    return at._run(states)


@pytest.mark.parametrize("page", ["overview", "cycles", "praised", "presentation"])
def test_a_folded_filter_draws_no_widget_yet_applies_and_says_what_it_keeps(open_page, page: str) -> None:
    """The filter's box stays closed for a link's filter: no widget is drawn (the office picker lists every office),
    the filter applies and is written back, the box's label says what it keeps, and the notice about a bad value in
    the link shows outside the box."""
    link = {"offices": "testowo", "voivodeships": "mazowieckie", "office_kinds": "castle", "office_q": "Test*"}
    at = open_page(page, lang="en", **link)
    assert filter_box(at).label == "Which offices: “Test\\*” · mazowieckie · 1 office chosen"
    assert not filter_widgets(at) and not filter_box(at).warning
    assert any("castle" in w for w in at.notices)
    assert (at.session_state["offices"], at.session_state["voivodeships"]) == (["testowo"], ["mazowieckie"])
    assert (at.query_params["offices"], at.query_params["office_q"]) == ("testowo", "Test*")
    unfiltered = open_page(page, lang="en")
    assert [e.label for e in unfiltered.expander if e.label.startswith("Which offices")] == ["Which offices"]
    assert not filter_widgets(unfiltered)


@pytest.mark.parametrize(
    ("chosen", "label"),
    [
        (OfficeFilter(voivodeships=("mazowieckie", "pomorskie")), "Które urzędy: mazowieckie, pomorskie"),
        (OfficeFilter(voivodeships=("mazowieckie", "pomorskie", "śląskie")), "Które urzędy: 3 województwa"),
        (OfficeFilter(size_classes=("under_20k", "20k_100k", "unknown")), "Które urzędy: 3 klasy wielkości"),
        (OfficeFilter(offices=tuple(f"o{i}" for i in range(22))), "Które urzędy: 22 urzędy wybrane"),
        (OfficeFilter(search="\u202eeikswomozam · x" + "y" * 60), "Które urzędy: „eikswomozam · x" + "y" * 25 + "…”"),
        (OfficeFilter(search="[a](javascript:x) *b*"), "Które urzędy: „\\[a\\]\\(javascript\\:x\\) \\*b\\*”"),
    ],
)
def test_the_filter_label_counts_long_lists_and_shows_a_search_plainly(chosen: OfficeFilter, label: str) -> None:
    """More than two values of a condition by their count, in the language's plural; a search as literal text,
    shortened, without the invisible characters that would make it read as something else."""
    assert ui.filter_summary(chosen, "pl") == label


def test_the_filter_box_opens_and_shuts_at_a_click_and_keeps_its_state_from_page_to_page(open_page) -> None:
    """Clicked open, the box shows the filter's widgets with the values in force; a change rewrites its label and the
    URL; the box is still open on the next page; clicked shut, it keeps the filter and stays shut on the next page."""
    at = open_page("cycles", lang="en", offices="testowo", voivodeships="mazowieckie")
    assert not filter_widgets(at)
    click_filter_box(at, True)
    assert filter_widgets(at) == FILTER_KEYS
    assert at.multiselect(key="offices").value == ["testowo"]
    at.multiselect(key="voivodeships").set_value([]).run()
    assert filter_box(at).label == "Which offices: 1 office chosen"  # a new label: the box is another element now
    assert at.query_params["voivodeships"] == ""
    at.switch_page("pages/praised.py").run()
    assert filter_widgets(at) == FILTER_KEYS and at.multiselect(key="offices").value == ["testowo"]
    click_filter_box(at, False)
    assert not filter_widgets(at)
    assert at.session_state["offices"] == ["testowo"] and at.query_params["offices"] == "testowo"
    at.switch_page("pages/cycles.py").run()
    assert not filter_widgets(at) and at.session_state["offices"] == ["testowo"]


def test_a_chart_that_gives_no_slide_is_disabled_with_its_reason(open_page, fast_thumbnails) -> None:
    """One office: the heatmap (chosen in the link) and the summary's charts can give no slide; each is shown
    disabled with why, the heatmap still ticked as the link chose it, and the deck is the title and themes only."""
    at = open_page("presentation", lang="en", offices="testowo", slides="themes,heatmap")
    heatmap = at.checkbox(key="pick_heatmap")
    assert heatmap.disabled and heatmap.value
    assert heatmap.label == md(
        "Offices and themes — no slide for this selection: needs at least two offices with the auditors' findings"
    )
    trends = at.checkbox(key="pick_trends")
    assert trends.disabled and not trends.value
    assert trends.label == md("National trends — no slide for this selection: only in a summary of more than 8 offices")
    # Everything that can give a slide can be picked; the disabled ones come last.
    assert [c.key for c in at.checkbox if c.disabled] == [
        "pick_trends",
        "pick_heatmap",
        "pick_top",
        "pick_distribution",
    ]
    assert [c.key for c in at.checkbox][:2] == ["pick_themes", "pick_map"]
    assert thumbnail_titles(at) == [f"ISO certification: {CITY}", "Findings by theme"]
    assert slide_order(at) == "themes,heatmap"  # kept: two offices would give the heatmap its slide


def test_missing_database_is_a_message_not_a_traceback(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CITYISO_DB", str(tmp_path / "none.duckdb"))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30).run()
    assert not at.exception
    assert "./run start" in at.error[0].value


# --- Presentation -----------------------------------------------------------------------------------------------------


def slide_html(at: AppTest) -> str:
    return "\n".join(h.proto.body for h in at.get("html"))


@pytest.fixture
def fast_thumbnails(monkeypatch: pytest.MonkeyPatch) -> list:
    """Thumbnails with a plain grey box for each chart instead of Kaleido's drawing (the drawing itself is tested in
    tests/test_deck_thumbnails.py); returns the figures drawn, in the order they were asked for."""
    from PIL import Image

    from cityiso.deck import thumbnails

    drawn: list = []

    def render(figure, width: int, height: int, scale: float) -> bytes:
        drawn.append(figure)
        out = io.BytesIO()
        Image.new("RGB", (max(1, round(width * scale)), max(1, round(height * scale))), "grey").save(out, "PNG")
        return out.getvalue()

    monkeypatch.setattr(thumbnails, "chart_png", render)
    monkeypatch.setattr(images, "find_browser", lambda: "/usr/bin/chromium")
    return drawn


def thumbnail_titles(at: AppTest) -> list[str]:
    """The titles of the deck's thumbnails, in the order they are shown (each image's alternative text)."""
    return [image.proto.imgs[0].alt for image in at.get("image")]


def slide_order(at: AppTest) -> str:
    return at.query_params["slides"]


def test_the_link_s_slide_order_is_the_deck_s_order(open_page, fast_thumbnails) -> None:
    """?slides= orders the deck: a repeated chart counts once, an unknown one is named and left out, the rest kept;
    the thumbnails follow the order, numbered, and the cleaned order goes back into the link."""
    at = open_page(
        "presentation",
        lang="en",
        offices="testowo,testowo-powiat",
        as_of="2012-06-01",
        slides="findings,map,findings,pie",
    )
    assert "URL parameter “slides=findings,map,findings,pie”: left out the unknown values pie, kept the others." in (
        at.notices
    )
    titles = [
        f"ISO certification: {CITY}, {COUNTY}",
        f"What the auditors praised: {CITY}",
        f"What the auditors praised: {COUNTY}",
        "Offices' certification status",
    ]
    assert thumbnail_titles(at) == titles
    captions = [c.value for c in at.caption]
    assert [md(f"{i} · {title}") for i, title in enumerate(titles, start=1)] == [c for c in captions if c[0].isdigit()]
    assert slide_order(at) == "findings,map"
    assert [c.key for c in at.checkbox if c.value] == ["pick_findings", "pick_map"]


def test_arrows_and_ticks_reorder_pick_and_drop_slides(open_page, fast_thumbnails) -> None:
    at = open_page("presentation", lang="en", offices="testowo", as_of="2018-11-01", slides="clauses,map,themes")
    assert at.button(key="up_clauses").disabled and at.button(key="down_themes").disabled  # the ends
    at.button(key="up_map").click().run()
    assert slide_order(at) == "map,clauses,themes"
    at.button(key="down_clauses").click().run()
    assert slide_order(at) == "map,themes,clauses"
    assert thumbnail_titles(at)[1:] == [
        "Offices' certification status",
        "Findings by theme",
        "Findings by ISO 9001:2015 clause",
    ]
    at.checkbox(key="pick_themes").uncheck().run()  # dropped
    at.checkbox(key="pick_cycles").check().run()  # picked: at the end
    assert slide_order(at) == "map,clauses,cycles"
    assert thumbnail_titles(at)[1:] == [
        "Offices' certification status",
        "Findings by ISO 9001:2015 clause",
        "Certificates and events over time",
    ]
    assert [c.key for c in at.checkbox if c.value] == ["pick_map", "pick_clauses", "pick_cycles"]


def test_a_reorder_draws_no_chart_again(open_page, fast_thumbnails: list) -> None:
    """Each slide's thumbnail is drawn once: moving slides about only shows them in another order."""
    at = open_page("presentation", lang="en", offices="testowo", as_of="2014-03-01", slides="cycles,clauses")
    drawn = len(fast_thumbnails)
    at.button(key="up_clauses").click().run()
    at.checkbox(key="pick_clauses").uncheck().run()
    at.checkbox(key="pick_clauses").check().run()
    assert slide_order(at) == "cycles,clauses"
    assert len(fast_thumbnails) == drawn


def test_the_older_charts_parameter_still_opens_the_same_deck(open_page, fast_thumbnails) -> None:
    at = open_page("presentation", lang="en", offices="testowo", charts="themes,cycles")
    assert thumbnail_titles(at)[1:] == ["Findings by theme", "Certificates and events over time"]
    assert slide_order(at) == "themes,cycles"
    assert "charts" not in at.query_params


def test_presenting_follows_the_chosen_order(open_page) -> None:
    at = open_page("presentation", lang="en", offices="testowo", present="true", slides="findings,map", slide="2")
    assert f"What the auditors praised: {CITY}" in slide_html(at)
    at.button(key="next").click().run()
    assert "Offices&#x27; certification status" in slide_html(at)
    assert at.button(key="next").disabled  # the last of three


@pytest.mark.parametrize(
    ("lang", "start", "downloads"),
    [
        ("pl", "Rozpocznij prezentację", ["Pobierz prezentację (PPTX)", "Pobierz materiał do druku (PDF)"]),
        ("en", "Start presenting", ["Download the deck (PPTX)", "Download the handout (PDF)"]),
    ],
)
def test_presentation_setup_lists_the_slides(
    open_page, monkeypatch: pytest.MonkeyPatch, lang: str, start: str, downloads: list[str]
) -> None:
    from cityiso.figures import images

    # The buttons render images only when clicked, so any browser path will do to show them.
    monkeypatch.setattr(images, "find_browser", lambda: "/usr/bin/chromium")
    at = open_page("presentation", lang=lang, offices="testowo")
    assert [b.label for b in at.button if b.key is None] == [start]
    # Title, map, cycles, clauses, themes and what the auditors praised; no heatmap for one office.
    count = "Podgląd · slajdów: 6" if lang == "pl" else "Preview · slides: 6"
    assert f"**{count}**" in markdown_text(at)
    assert len(at.get("image")) == 6
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels[:2] == downloads
    assert labels[2:] == ["PNG", "SVG"] * 4  # one pair per chart slide


def test_presentation_of_both_offices_names_each(open_page, fast_thumbnails) -> None:
    at = open_page("presentation", lang="en", offices="testowo,testowo-powiat")
    titles = thumbnail_titles(at)
    # A heatmap for two offices, and one slide of the auditors' praise per office.
    assert len(titles) == 8
    assert titles[0] == f"ISO certification: {CITY}, {COUNTY}"
    assert titles[-2:] == [f"What the auditors praised: {CITY}", f"What the auditors praised: {COUNTY}"]


def test_presenting_moves_through_the_slides(open_page) -> None:
    at = open_page("presentation", lang="en", offices="testowo", present="true", slide="3", as_of="2016-10-01")
    assert "Certificates and events over time" in slide_html(at)
    assert f"{CITY}: ISO 9001:2015, valid until 19 September 2019" in slide_html(at)
    assert "Sources: “Audit w Testowie”; “ISO w urzędzie”" in slide_html(at)  # the city hall's documents
    assert not at.multiselect and not at.date_input  # nothing to set up while presenting
    at.button(key="next").click().run()
    assert "Findings by ISO 9001:2015 clause" in slide_html(at)
    at.button(key="previous").click().run()
    at.button(key="previous").click().run()
    assert "ISO 9001, status on 1 October 2016: valid: 1" in slide_html(at)
    assert at.button(key="next").disabled is False and at.button(key="previous").disabled is False
    at.button(key="exit").click().run()
    assert at.title[0].value == "Presentation mode"


def test_presentation_without_a_browser_says_so(open_page, monkeypatch: pytest.MonkeyPatch) -> None:
    from cityiso.figures import images

    monkeypatch.setattr(images, "find_browser", lambda: None)
    at = open_page("presentation", lang="en", offices="testowo")
    assert any("Image export is unavailable" in w.value for w in at.warning)
    assert not at.get("download_button")
    assert [b.label for b in at.button if b.key is None] == ["Start presenting"]  # presenting still works
    # No thumbnails either: the slides' titles in the deck's order, and why.
    assert any("Thumbnails are unavailable (no Chromium browser found" in i.value for i in at.info)
    assert not at.get("image")
    titles = [
        md(f"ISO certification: {CITY}"),
        md("Offices' certification status"),
        md("Certificates and events over time"),
    ]
    assert "\n".join(f"{i}. {title}" for i, title in enumerate(titles, start=1)) in markdown_text(at)


def test_office_profile_opens_after_the_overview_chose_no_office(open_page) -> None:
    """The overview's office picker starts empty ("no office chosen"); the profile page then shows its default
    office instead of failing on the empty choice the session carries."""
    at = open_page("overview", lang="en")
    at.switch_page("pages/office.py").run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.selectbox(key="office").value is not None


@pytest.mark.parametrize(("page", "key"), [("praised", "all_page"), ("sources", "source_page")])
def test_a_page_number_past_the_last_shows_the_last_page(open_page, page: str, key: str) -> None:
    """A link or a narrowed filter can ask for a page past the end: the last page is shown, never an empty list
    (ui.paged serves the timeline's offices the same way)."""
    at = open_page(page, lang="en", tables="findings", **{key: "99"})  # praised: the findings' box open
    assert at.number_input(key=key).value == at.number_input(key=key).proto.max
    assert not any("0–0" in c.value or "1–0" in c.value for c in at.caption)
