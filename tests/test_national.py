"""National-scale views on small fixtures: yearly status counted exactly as status_on shows it, gains and losses,
undated events counted, past planned events never "next", the map switching to voivodeships, the summary deck, and
the overview and presentation pages on a selection too large for one mark or slide per office."""

import datetime as dt
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from cityiso.deck.slides import SUMMARY_ABOVE, build_deck
from cityiso.figures.overview import MAP_MARKERS_MAX
from cityiso.queries import OfficeFilter, run
from cityiso.views import Context, national
from tests.national_fixture import EXTRA, VOIVODESHIPS, build_national
from tests.test_pages import figures, markdown_text

AS_OF = dt.date(2020, 6, 1)


@pytest.fixture(scope="module")
def national_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_national(tmp_path_factory.mktemp("national"))


@pytest.fixture(scope="module")
def national_fetch(national_db: Path):
    with duckdb.connect(str(national_db), read_only=True) as con:
        yield lambda name, **params: run(con, name, **params)


@pytest.fixture(scope="module")
def fetch(package_con: duckdb.DuckDBPyConnection):
    return lambda name, **params: run(package_con, name, **params)


@pytest.mark.parametrize("family", ["ISO 9001", "ISO 14001", "ISO 37120"])
def test_valid_per_year_is_status_on_at_each_year_end(fetch, family: str) -> None:
    by_year = fetch("national_status_by_year", as_of=AS_OF, family=family)
    rows = by_year[(by_year["dimension"] == "family") & (by_year["group_code"] == family)]
    assert not rows.empty
    for r in rows.itertuples():
        day = min(dt.date(r.year, 12, 31), AS_OF)
        status = fetch("office_status_on_date", as_of=day, family=family)["status"].value_counts()
        assert (r.count_valid, r.count_valid_approximate) == (
            status.get("valid", 0),
            status.get("valid_approximate", 0),
        ), r.year
    kinds = by_year[by_year["dimension"] == "office_kind"].groupby("year")[["count_valid", "count_offices"]].sum()
    assert (kinds["count_valid"] == rows.set_index("year")["count_valid"]).all()  # one family: kinds add up
    assert (kinds["count_offices"] == 2).all()


def test_gains_losses_and_recertifications_per_year(fetch) -> None:
    flows = fetch("national_flows_by_year", as_of=AS_OF, family="ISO 9001").set_index("year")
    moved = flows[(flows != 0).any(axis=1)]
    # The county from 2002 (an issue date alone: valid approximately), its 2008 certificate ran out on 14.03.2015;
    # the city hall's certificate from 20.09.2016 to 19.09.2019. The county's recertification in March 2012. Neither
    # text says its certificate was the office's first: both start as first evidence, not as new certifications.
    zero = dict(
        count_newly_certified=0, count_first_evidence=0, count_certified_again=0, count_lost=0, count_recertifications=0
    )
    assert moved.to_dict("index") == {
        2002: zero | dict(count_first_evidence=1),
        2012: zero | dict(count_recertifications=1),
        2015: zero | dict(count_lost=1),
        2016: zero | dict(count_first_evidence=1),
        2019: zero | dict(count_lost=1),
    }


def test_a_first_certification_is_new_only_when_the_evidence_says_so(tmp_path: Path) -> None:
    """The city hall's handover told as its initial certification: 2016 counts one new certification; the county,
    whose evidence starts with an issue date in 2002 that no text calls its first, stays first evidence."""
    from cityiso.build import build
    from tests.fixture_package import write_package

    def edit(tables: dict, documents: dict) -> None:
        (handover,) = [e for e in tables["events"] if e["kind"] == "handover"]
        handover["kind"] = "initial"

    out = tmp_path / "db.duckdb"
    assert build(write_package(tmp_path, edit), out) == []
    with duckdb.connect(str(out), read_only=True) as con:
        flows = run(con, "national_flows_by_year", as_of=AS_OF, family="ISO 9001").set_index("year")
    assert flows.loc[2016, ["count_newly_certified", "count_first_evidence"]].tolist() == [1, 0]
    assert flows.loc[2002, ["count_newly_certified", "count_first_evidence"]].tolist() == [0, 1]


def test_undated_events_are_counted(fetch) -> None:
    undated = fetch("national_undated", family="ISO 9001")
    assert undated.to_dict("records") == [{"kind": "lapse", "count_events": 1}]  # the county's undated lapse
    assert national.headline(Context(fetch, "en", OfficeFilter(), "ISO 9001", AS_OF))["count_undated_events"] == 1


def test_a_past_planned_event_is_never_next(fetch) -> None:
    # The county's ISO 14001 surveillance planned for ~20.09.2017: next on 30.06.2017, not after it.
    before = fetch("events_around", as_of=dt.date(2017, 6, 30), family="ISO 14001", after=True, limit=5)
    assert before["is_planned"].tolist() == [True]
    after = fetch("events_around", as_of=dt.date(2018, 1, 1), family="ISO 14001", after=True, limit=5)
    assert after.empty
    assert fetch(
        "events_around", as_of=dt.date(2018, 1, 1), family="ISO 14001", after=False, limit=5
    ).empty  # planned, not held
    head = national.headline(Context(fetch, "en", OfficeFilter(), "ISO 14001", dt.date(2018, 1, 1)))
    assert head["count_past_planned"] == 1


def test_latest_events_are_limited_and_newest_first(fetch) -> None:
    latest = fetch("events_around", as_of=AS_OF, family="ISO 9001", after=False, limit=2)
    assert [d.date() for d in latest["event_on"]] == [dt.date(2018, 10, 1), dt.date(2016, 9, 20)]


def test_office_standing_among_its_kind(national_fetch) -> None:
    standing = national.standing(Context(national_fetch, "en", family="ISO 9001"), "ug-00").set_index(
        "measure"
    )  # its kind's offices
    # 60 municipal offices, each with one certificate and no audits: all share rank 1 and the 100th percentile.
    assert standing.loc["certificates", ["value", "rank", "count_peers"]].tolist() == [1, 1, EXTRA]
    assert standing.loc["certificates", "percentile"] == 100
    # A tie is shown as a tie: the 60 share places 1 to 60, never "rank 1 of 60".
    assert standing.loc["certificates", "count_tied"] == EXTRA
    words = national.rank_words(standing.loc["certificates"], "en")
    assert words == f"Rank 1–{EXTRA} of {EXTRA} (tied: {EXTRA})"
    peers = national.peers_view(Context(national_fetch, "en", family="ISO 9001", source="S"), "ug-00").figure
    assert peers.layout.xaxis.tickformat == "d" and peers.layout.yaxis.tickformat == "d"  # whole offices, audits
    assert peers.layout.yaxis.dtick >= 1 and float(peers.layout.yaxis.dtick).is_integer()
    history = national_fetch("office_status_by_year", office="ug-00", as_of=AS_OF, family="ISO 9001")
    assert dict(zip(history["year"], history["status"], strict=True))[2017] == "valid"
    assert dict(zip(history["year"], history["status"], strict=True))[2018] == "expired"


def test_map_switches_to_voivodeships_above_the_limit(fetch, national_fetch) -> None:
    few = national.status_map_view(Context(fetch, "en", OfficeFilter(), "ISO 9001", AS_OF, "S"), 2)
    assert {t.name for t in few.figure.data if t.name != "outline"} == {"expired"}  # one marker per office
    assert sorted(c for t in few.figure.data if t.customdata is not None for c in t.customdata) == [
        "testowo",
        "testowo-powiat",
    ]
    count = EXTRA + 2
    assert count > MAP_MARKERS_MAX
    many = national.status_map_view(
        Context(national_fetch, "en", OfficeFilter(), "ISO 9001", dt.date(2017, 6, 1), "S"), count
    )
    (labels,) = [t for t in many.figure.data if t.customdata is not None]  # one figure per voivodeship, none per office
    assert len(labels.customdata) == 16 and set(VOIVODESHIPS) < set(labels.customdata)
    texts = dict(zip(labels.customdata, labels.text, strict=True))
    # Mazowieckie: its 15 offices and Testowo's city hall of 17; the county's certificate ran out in 2015. The
    # voivodeships without offices in the data have no share: no evidence is not 0 %.
    assert {v: s for v, s in texts.items() if s != "—"} == {
        "mazowieckie": "94%",
        "śląskie": "100%",
        "pomorskie": "100%",
        "lubelskie": "100%",
    }
    hover = dict(zip(labels.customdata, labels.hovertext, strict=True))
    assert hover["mazowieckie"].startswith("<b>mazowieckie</b><br>valid: 16<br>expired, lapsed or withdrawn: 1<br>")
    assert "How many offices exist: unknown (no TERC imported)" in hover["mazowieckie"].replace("<br>", " ")
    assert many.takeaway == "ISO 9001, status on 1 June 2017: valid: 61, expired: 1"


def test_summary_deck_for_a_large_selection(national_fetch) -> None:
    slides = build_deck(national_fetch, OfficeFilter(), "en", as_of=dt.date(2018, 6, 1))
    assert [s.key for s in slides] == [
        "title",
        "map",
        "trends",
        "trends",
        "trends",
        "trends",
        "clauses",
        "top",
        "top",
        "distribution",
    ]
    assert slides[0].title == "ISO certification: all offices"
    # 20 of the 60 certificates ended on 28.02.2018; the city hall's runs to 2019.
    assert slides[0].takeaway.startswith(f"ISO 9001 · offices: {EXTRA + 2} · holding a valid certificate: 41 (+0")
    assert all(s.figure is not None for s in slides[1:])
    flows = next(s for s in slides if s.title == "New, returned, lost, recertified")
    assert flows.takeaway == (
        "In 2018: first certifications: 0, first evidence: 0, returns: 0, losses: 20, recertifications: 0"
    )
    assert "source documents: 63" in slides[0].footer


def test_a_few_chosen_offices_get_their_own_slides(national_fetch) -> None:
    chosen = OfficeFilter(offices=tuple(f"ug-{i:02d}" for i in range(SUMMARY_ABOVE)))
    slides = build_deck(national_fetch, chosen, "en", as_of=dt.date(2018, 6, 1))
    assert "cycles" in [s.key for s in slides] and "trends" not in [s.key for s in slides]
    summary = build_deck(national_fetch, OfficeFilter(voivodeships=("śląskie",)), "en", as_of=dt.date(2018, 6, 1))
    assert summary[0].title == "ISO certification: selected offices"


def test_overview_page_at_scale_aggregates(open_page, national_db: Path) -> None:
    at = open_page(db=national_db, lang="en", as_of="2017-06-01", office="ug-01", trends="voivodeship")
    charts = figures(at)
    status_map = charts[0]
    assert "by voivodeship" in status_map["layout"]["title"]["text"]
    titles = [c["layout"]["title"]["text"].split("<br>")[0] for c in charts]
    assert "Share certified: voivodeships" in titles
    assert "The office's status by year" in titles
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Offices tracked"] == str(EXTRA + 2)
    assert sum(len(c.proto.spec) for c in at.get("plotly_chart")) < 1_000_000


def test_overview_filter_narrows_every_number(open_page, national_db: Path) -> None:
    at = open_page(db=national_db, lang="en", as_of="2017-06-01", voivodeships="pomorskie")
    assert {m.label: m.value for m in at.metric}["Offices tracked"] == "15"
    assert "by voivodeship" not in figures(at)[0]["layout"]["title"]["text"]  # 15 offices: one marker each


def test_presentation_of_all_offices_summarises(open_page, national_db: Path) -> None:
    at = open_page("presentation", db=national_db, lang="en", as_of="2018-06-01")
    assert "slides: 10" in markdown_text(at)  # the preview counts the deck's slides
    assert any("the deck summarises" in c.value for c in at.caption)
    at = open_page("presentation", db=national_db, lang="en", as_of="2018-06-01", present="true", slide="3")
    assert not at.exception
    assert len(at.get("plotly_chart")) == 1


def test_frames_are_small(national_fetch) -> None:
    by_year = national.status_by_year(Context(national_fetch, "en", OfficeFilter(), "ISO 9001", AS_OF))
    assert isinstance(by_year, pd.DataFrame) and set(by_year["dimension"]) == {"family", "office_kind", "voivodeship"}
