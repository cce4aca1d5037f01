"""An office's label is computed once, by the build (office_labels in queries/schema.sql), and every named query that
names an office returns it as office_label: a city hall and a county office of one town are two labels on every
page, chart and slide, whatever the selection."""

import datetime as dt

import duckdb
import pandas as pd
import pytest

from cityiso.bench.params import declared_params
from cityiso.data.ddl import create_tables
from cityiso.data.descriptor import package
from cityiso.figures.maps import voivodeship_shapes
from cityiso.figures.overview import status_map
from cityiso.figures.praise import category_bars, theme_heatmap
from cityiso.figures.timeline import certification_timeline
from cityiso.figures.trends import top_offices_bars
from cityiso.paths import QUERIES_DIR
from cityiso.queries import ALL_YEARS, OfficeFilter, findings_filters, run
from cityiso.views import Context
from cityiso.views.praise import findings_slides
from cityiso.views.tables import events_table
from tests.conftest import praised_by

# The fixture package (tests/fixture_package.py): Urząd Miasta Testowo and Starostwo Powiatowe w Testowie, one place.
TESTOWO = ("testowo", "testowo-powiat")
NO_LINES = pd.DataFrame(columns=["standard", "transition_ends_on"])
CITY, COUNTY = "Testowo (Urząd Miasta Testowo)", "Testowo (Starostwo Powiatowe w Testowie)"

# Offices a query returns by id that it does not name on screen: the peer keys of one office (its kind and size).
NOT_NAMED = {"office_peer_keys"}


def _offices_db(rows: list[tuple[str, str, str, str]]) -> duckdb.DuckDBPyConnection:
    """An in-memory database with the built tables and schema.sql, holding only these offices (id, place, name,
    voivodeship)."""
    con = duckdb.connect()
    con.execute(create_tables(package()))
    con.execute((QUERIES_DIR / "schema.sql").read_text(encoding="utf-8"))
    con.executemany(
        "insert into offices (office_id, office_kind, place, office_name, voivodeship, latitude, longitude, "
        "geo_source_id, source_id, quote) values (?, 'city_hall', ?, ?, ?, 52.0, 20.0, 'ref', 'ref', 'q')",
        rows,
    )
    return con


RULE_CASES = [
    pytest.param([("brzozy", "Brzozy", "Urząd Gminy Brzozy", "mazowieckie")], {"brzozy": "Brzozy"}, id="alone"),
    pytest.param(
        [
            ("lipno", "Lipno", "Urząd Miejski w Lipnie", "kujawsko-pomorskie"),
            ("lipno-powiat", "Lipno", "Starostwo Powiatowe w Lipnie", "kujawsko-pomorskie"),
            ("olszyny", "Olszyny", "Urząd Gminy Olszyny", "opolskie"),
        ],
        {
            "lipno": "Lipno (Urząd Miejski w Lipnie)",
            "lipno-powiat": "Lipno (Starostwo Powiatowe w Lipnie)",
            "olszyny": "Olszyny",
        },
        id="city-hall-and-county-office",
    ),
    pytest.param(
        [
            ("debina-a", "Dębina", "Urząd Gminy Dębina", "lubelskie"),
            ("debina-b", "Dębina", "Urząd Gminy Dębina", "pomorskie"),
        ],
        {"debina-a": "Dębina (Urząd Gminy Dębina, lubelskie)", "debina-b": "Dębina (Urząd Gminy Dębina, pomorskie)"},
        id="one-name-two-voivodeships",
    ),
    pytest.param(
        [
            ("jasien-1", "Jasień", "Urząd Gminy Jasień", "lubuskie"),
            ("jasien-2", "Jasień", "Urząd Gminy Jasień", "lubuskie"),
        ],
        {"jasien-1": "Jasień (Urząd Gminy Jasień, jasien-1)", "jasien-2": "Jasień (Urząd Gminy Jasień, jasien-2)"},
        id="one-name-one-voivodeship",
    ),
]


@pytest.mark.parametrize(("offices", "expected"), RULE_CASES)
def test_label_is_the_place_with_as_much_more_as_tells_offices_apart(offices: list, expected: dict) -> None:
    con = _offices_db(offices)
    labels = dict(con.execute("select office_id, office_label from office_labels").fetchall())
    assert labels == expected


def test_the_build_stores_the_labels(package_con: duckdb.DuckDBPyConnection) -> None:
    """A table of the immutable file, not a view recomputed per query."""
    kind = package_con.execute(
        "select table_type from information_schema.tables where table_name = 'office_labels'"
    ).fetchone()
    assert kind == ("BASE TABLE",)
    labels = dict(package_con.execute("select office_id, office_label from office_labels").fetchall())
    assert labels == {"testowo": CITY, "testowo-powiat": COUNTY}


def _every_param(con: duckdb.DuckDBPyConnection) -> dict:
    """A value for every parameter any named query takes, each wide enough to keep both Testowo offices in."""
    kinds = tuple(r[0] for r in con.execute("select distinct kind from findings").fetchall())
    voices = tuple(r[0] for r in con.execute("select distinct voice from findings").fetchall())
    return {
        **findings_filters(OfficeFilter(TESTOWO), kinds, voices, ALL_YEARS, True, None),
        "as_of": dt.date(2030, 1, 1),
        "after": False,
        "limit": 100,
        "offset": 0,
        "grouped": False,
        "category": "theme",
        "q": None,
        "clause_keys": None,
        "theme_keys": None,
        "office": TESTOWO[0],
        "kind": "document",
        "source_id": con.execute("select min(source_id) from sources").fetchone()[0],
    }


NAMED_QUERIES = sorted(p.stem for p in QUERIES_DIR.glob("*.sql") if p.stem != "schema")


@pytest.mark.parametrize("name", NAMED_QUERIES)
def test_every_query_naming_offices_labels_the_two_testowo_offices_apart(
    package_con: duckdb.DuckDBPyConnection, name: str
) -> None:
    """A query that returns offices by id names them by office_label (never `place` alone, which the two share): the
    stored label, one per office, and the two offices of Testowo two different ones."""
    params = _every_param(package_con)
    sql = (QUERIES_DIR / f"{name}.sql").read_text(encoding="utf-8")
    df = run(package_con, name, **{k: params[k] for k in declared_params(sql)})
    if "office_id" not in df.columns or name in NOT_NAMED:
        assert "office_label" not in df.columns or name not in NOT_NAMED
        return
    assert "office_label" in df.columns, f"{name} returns offices without their label"
    shown = df[df["office_id"].isin(TESTOWO)].drop_duplicates(["office_id", "office_label"])
    assert sorted(shown["office_id"]) == sorted(TESTOWO), f"{name} shows both offices of Testowo"
    assert dict(zip(shown["office_id"], shown["office_label"], strict=True)) == {
        "testowo": CITY,
        "testowo-powiat": COUNTY,
    }


def test_queries_naming_offices_are_found(package_con: duckdb.DuckDBPyConnection) -> None:
    """The test above is no test unless it finds the queries that name offices."""
    params = _every_param(package_con)
    labelled = [
        name
        for name in NAMED_QUERIES
        if "office_label"
        in run(
            package_con,
            name,
            **{k: params[k] for k in declared_params((QUERIES_DIR / f"{name}.sql").read_text(encoding="utf-8"))},
        ).columns
    ]
    assert {"certificate_spans", "praised_by_category", "office_status_on_date", "top_offices"} <= set(labelled)


@pytest.fixture(scope="module")
def testowo(package_con: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    """Both Testowo offices' rows of the queries the charts draw."""
    params = _every_param(package_con)
    praise = findings_filters(OfficeFilter(TESTOWO), ("praise",), ("auditor",), ALL_YEARS, True, "ISO 9001")
    chosen = OfficeFilter(TESTOWO).params()
    return {
        "by_clause": praised_by(package_con, "clause", **praise, grouped=False),
        "by_theme": praised_by(package_con, "theme", **praise, grouped=False),
        "spans": run(package_con, "certificate_spans", **chosen, family=None),
        "on_certificates": run(package_con, "events_by_certificate", **chosen, family=None),
        "events": run(package_con, "events", **chosen, family=None),
        "status": run(package_con, "office_status_on_date", **chosen, as_of=dt.date(2012, 6, 1), family="ISO 9001"),
        "top": run(package_con, "top_offices", **chosen, family="ISO 9001", limit=10),
        "findings": run(package_con, "findings_filtered", **{k: params[k] for k in praise}),
    }


def test_figures_draw_the_two_offices_as_two_labelled_bars_columns_rows_and_marks(testowo: dict) -> None:
    """Straight from the queries' rows, no names passed: each chart tells the two offices of Testowo apart."""
    for bars in (
        category_bars(testowo["by_clause"], "clause", "en", "count", "T", "S"),
        category_bars(testowo["by_theme"], "theme", "en", "count", "T", "S"),
    ):
        assert [trace.name for trace in bars.data] == [CITY, COUNTY]
    heatmap = theme_heatmap(testowo["by_theme"], "en", "count", "T", "S")
    assert list(heatmap.layout.xaxis.categoryarray) == [CITY, COUNTY]
    timeline = certification_timeline(testowo["spans"], testowo["on_certificates"], NO_LINES, "en", "S")
    rows = list(timeline.layout.yaxis.categoryarray)
    assert {row.split(" · ")[0] for row in rows} == {CITY, COUNTY}
    marks = status_map(testowo["status"], voivodeship_shapes(), "en", "1 June 2012", "S")
    texts = {
        i: text
        for trace in marks.data
        if trace.name != "outline"
        for i, text in zip(trace.customdata, trace.text, strict=True)
    }
    assert texts == {"testowo": CITY, "testowo-powiat": COUNTY}
    top = top_offices_bars(testowo["top"], "audits", "en", "S", "T")
    assert {label.split(" · ")[0] for label in top.data[0].y} == {CITY, COUNTY}


def test_tables_and_slides_name_the_two_offices_apart(testowo: dict) -> None:
    offices = set(events_table(testowo["events"], "en").iloc[:, 0])
    assert offices == {CITY, COUNTY}
    ctx = Context(lambda name, **params: testowo["findings"], "en")
    titles = [title for title, _, _ in findings_slides(ctx, list(TESTOWO), 6)]
    assert any(CITY in title for title in titles) and any(COUNTY in title for title in titles)
