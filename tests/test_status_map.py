"""The status map by voivodeship (issue 20): the counts per voivodeship with and without TERC's denominator, the 16
committed polygons, the choropleth keeping "no evidence" apart from "not certified", the office markers doing the
same, and the overview page showing the map's counts as a table."""

import datetime as dt
import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from cityiso.build import build
from cityiso.data.reference import voivodeships
from cityiso.figures.maps import (
    NO_EVIDENCE_FILL,
    X_RANGE,
    Y_RANGE,
    status_choropleth,
    voivodeship_shapes,
)
from cityiso.figures.overview import status_map
from cityiso.paths import VOIVODESHIPS_GEOJSON
from cityiso.queries import OfficeFilter, run
from cityiso.register.terc import import_terc
from cityiso.views import Context, national
from tests.fixture_package import write_package

TERC_FIXTURE = Path(__file__).parent / "terc" / "TERC_Urzedowy_fixture.csv"
AS_OF = dt.date(2017, 6, 1)  # the city hall's certificate valid, the county's ended in 2015


def _on_terc(rows: dict, documents: dict) -> None:
    """The fixture's two offices on the invented TERC's Testowo (city hall and powiat)."""
    rows["offices"][0]["teryt"] = "1401011"
    rows["offices"][1]["teryt"] = "1401"


@pytest.fixture(scope="module")
def dbs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The fixture package built twice: without TERC and with the invented TERC imported."""
    out = {}
    for name in ("without", "with"):
        root = tmp_path_factory.mktemp(name)
        data = write_package(root, _on_terc)
        if name == "with":
            import_terc(TERC_FIXTURE, data)
        out[name] = root / "cityiso.duckdb"
        assert build(data, out[name]) == []
    return out


def _rows(db: Path, **params) -> list[dict]:
    with duckdb.connect(str(db), read_only=True) as con:
        rows = run(con, "national_status_by_voivodeship", as_of=AS_OF, family="ISO 9001", **params)
    return [
        {k: (None if pd.isna(v) else v) for k, v in r.items() if k.startswith("count_") or k == "voivodeship"}
        for r in rows.to_dict("records")
    ]


def _counts(**values) -> dict:
    zero = dict.fromkeys(
        (
            "count_offices",
            "count_valid",
            "count_valid_approximate",
            "count_suspended",
            "count_expired",
            "count_lapsed",
            "count_withdrawn",
            "count_no_evidence",
        ),
        0,
    )
    return {**zero, "count_in_terc": None, "count_in_terc_unrecorded": None, **values}


def test_counts_per_voivodeship_without_terc_leave_the_denominator_unknown(dbs) -> None:
    assert _rows(dbs["without"]) == [
        {"voivodeship": "mazowieckie", **_counts(count_offices=2, count_valid=1, count_expired=1)}
    ]
    with duckdb.connect(str(dbs["without"]), read_only=True) as con:
        rows = run(con, "national_status_by_voivodeship", as_of=AS_OF, family="ISO 9001")
    assert rows["terc_state_on"].isna().all()


def test_counts_per_voivodeship_with_terc_count_the_offices_it_lists(dbs) -> None:
    # The invented TERC: Mazowieckie has 10 units with an office (2 city halls, 2 county offices, 5 municipal, the
    # marshal's), two of them the fixture's; Śląskie 5, none in the data: a row of its own, with no office counted.
    assert _rows(dbs["with"]) == [
        {
            "voivodeship": "mazowieckie",
            **_counts(count_offices=2, count_valid=1, count_expired=1, count_in_terc=10, count_in_terc_unrecorded=8),
        },
        {"voivodeship": "śląskie", **_counts(count_in_terc=5, count_in_terc_unrecorded=5)},
    ]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        # The filter's kinds and voivodeships narrow TERC's count as they narrow the offices.
        (
            {"office_kinds": ["city_hall"]},
            {"mazowieckie": (1, 2, 1), "śląskie": (0, 2, 2)},
        ),
        ({"voivodeships": ["śląskie"]}, {"śląskie": (0, 5, 5)}),
        # A selection by name or by search has no denominator in TERC.
        ({"search": "Testowo"}, {"mazowieckie": (2, None, None)}),
        ({"offices": ["testowo"]}, {"mazowieckie": (1, None, None)}),
        # Nor a selection by population: TERC knows none.
        ({"size_classes": ["unknown"]}, {"mazowieckie": (2, None, None)}),
    ],
)
def test_terc_denominator_follows_the_office_filter(dbs, params: dict, expected: dict) -> None:
    got = {
        r["voivodeship"]: (r["count_offices"], r["count_in_terc"], r["count_in_terc_unrecorded"])
        for r in _rows(dbs["with"], **params)
    }
    assert got == expected


@pytest.mark.parametrize("family", ["ISO 9001", "ISO 14001", "ISO 37120"])
@pytest.mark.parametrize("day", [dt.date(2012, 6, 1), AS_OF, dt.date(2025, 1, 1)])
def test_counts_per_status_are_office_status_on_date_summed(dbs, family: str, day: dt.date) -> None:
    """Each office counted once, by the status office_status_on_date gives it (none of the family: no_evidence)."""
    with duckdb.connect(str(dbs["without"]), read_only=True) as con:
        rows = run(con, "national_status_by_voivodeship", as_of=day, family=family)
        offices = run(con, "office_status_on_date", as_of=day, family=family)
    (row,) = rows.to_dict("records")
    assert {s: row[f"count_{s}"] for s in offices["status"]} == offices["status"].value_counts().to_dict()
    assert (
        row["count_offices"]
        == len(offices)
        == sum(
            v
            for k, v in row.items()
            if k.startswith("count_") and k not in ("count_offices", "count_in_terc", "count_in_terc_unrecorded")
        )
    )


def test_the_committed_voivodeships_are_the_16_of_the_data_package() -> None:
    shapes = voivodeship_shapes()
    assert sorted(s.name for s in shapes) == sorted(voivodeships())
    for s in shapes:
        for ring in s.rings:
            assert ring[0] == ring[-1], s.name  # closed
            assert all(X_RANGE[0] < x < X_RANGE[1] and Y_RANGE[0] < y < Y_RANGE[1] for x, y in ring), s.name
        points = sum(len(ring) for ring in s.rings)
        assert 30 <= points <= 400, (s.name, points)  # simplified, still a shape
        assert X_RANGE[0] < s.label[0] < X_RANGE[1] and Y_RANGE[0] < s.label[1] < Y_RANGE[1]
    data = json.loads(VOIVODESHIPS_GEOJSON.read_text(encoding="utf-8"))
    assert "Natural Earth" in data["source"]
    assert VOIVODESHIPS_GEOJSON.stat().st_size < 60_000


def _frame(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame([{**_counts(), **r} for r in rows])
    return frame.assign(terc_state_on=pd.NaT)


def _fills(fig) -> dict:
    return {t.name: t for t in fig.data if t.fill == "toself" and t.x[0] is not None}


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_choropleth_draws_no_evidence_apart_from_not_certified(lang: str) -> None:
    rows = _frame(
        [
            {"voivodeship": "mazowieckie", "count_offices": 4, "count_valid": 3, "count_expired": 1},
            {"voivodeship": "śląskie", "count_offices": 2, "count_expired": 1, "count_lapsed": 1},  # none certified
            {"voivodeship": "pomorskie", "count_offices": 2, "count_no_evidence": 2},  # nothing known
            # One known of three: colour from the one, hatched for the two unknown.
            {"voivodeship": "lubelskie", "count_offices": 3, "count_valid": 1, "count_no_evidence": 2},
        ]
    )
    fig = status_choropleth(rows, voivodeship_shapes(), lang, "1 June 2017", "S", "ISO 9001")
    fills = _fills(fig)
    assert len(fills) == 16  # every voivodeship a filled polygon
    mazowieckie, slaskie, pomorskie, lubelskie = (
        fills[v] for v in ("mazowieckie", "śląskie", "pomorskie", "lubelskie")
    )
    # Not certified (0 %) is a colour of the scale; no evidence is grey and hatched; neither is the other.
    assert slaskie.fillcolor != NO_EVIDENCE_FILL and not slaskie.fillpattern.shape
    assert pomorskie.fillcolor == NO_EVIDENCE_FILL and pomorskie.fillpattern.shape == "/"
    assert fills["opolskie"].fillcolor == NO_EVIDENCE_FILL  # no office in the data
    assert lubelskie.fillcolor != NO_EVIDENCE_FILL and lubelskie.fillpattern.bgcolor == lubelskie.fillcolor
    assert lubelskie.fillpattern.shape == "/" and not mazowieckie.fillpattern.shape
    (labels,) = [t for t in fig.data if t.customdata is not None]
    texts = dict(zip(labels.customdata, labels.text, strict=True))
    assert (texts["mazowieckie"], texts["śląskie"], texts["pomorskie"], texts["lubelskie"]) == (
        "75%",
        "0%",
        "—",
        "100%",
    )
    legend = {t.name for t in fig.data if t.showlegend is not False}
    none_known = {"pl": "brak dowodów", "en": "no evidence"}[lang]
    assert none_known in legend and len(legend) == 2
    assert "terc_note" not in {a.name for a in fig.layout.annotations}  # the view gives it; the figure invents none


def test_choropleth_hatches_where_terc_lists_mostly_unrecorded_offices() -> None:
    rows = _frame(
        [
            {
                "voivodeship": "mazowieckie",
                "count_offices": 2,
                "count_valid": 2,
                "count_in_terc": 10,
                "count_in_terc_unrecorded": 8,
            },
            {
                "voivodeship": "śląskie",
                "count_offices": 2,
                "count_valid": 2,
                "count_in_terc": 3,
                "count_in_terc_unrecorded": 1,
            },
        ]
    ).assign(terc_state_on=pd.Timestamp("2026-01-01"))
    fig = status_choropleth(rows, voivodeship_shapes(), "en", "1 June 2017", "S", "ISO 9001", "1 January 2026")
    fills = _fills(fig)
    assert fills["mazowieckie"].fillpattern.shape == "/"  # 8 of 10 offices: no document at all
    assert not fills["śląskie"].fillpattern.shape
    assert fills["mazowieckie"].fillcolor == fills["śląskie"].fillcolor  # both: every office with evidence certified
    assert "TERC (as of 1 January 2026), offices of these kinds: 10; in the data: 2; no document in the data: 8" in (
        fills["mazowieckie"].text.replace("<br>", " ")
    )


@pytest.mark.parametrize(
    ("db", "note"),
    [
        ("without", "How many offices exist: unknown (no TERC imported)"),
        (
            "with",
            "TERC (as of 1 January 2026), offices of these kinds: 15; in the data: 2; no document in the data: 13",
        ),
    ],
)
def test_view_says_how_many_offices_exist_or_that_it_is_unknown(dbs, monkeypatch, db: str, note: str) -> None:
    monkeypatch.setattr(national, "MAP_MARKERS_MAX", 1)  # two offices: the map by voivodeship
    with duckdb.connect(str(dbs[db]), read_only=True) as con:
        fetch = lambda name, **p: run(con, name, **p)  # noqa: E731
        view = national.status_map_view(Context(fetch, "en", OfficeFilter(), "ISO 9001", AS_OF, "S"), 2)
        few = national.status_map_view(Context(fetch, "en", OfficeFilter(), "ISO 9001", AS_OF, "S"), 0)
        chosen = national.status_map_view(Context(fetch, "en", OfficeFilter(("testowo",)), "ISO 9001", AS_OF, "S"), 0)
    (terc_note,) = [a.text for a in view.figure.layout.annotations if a.name == "terc_note"]
    assert terc_note.replace("<br>", " ") == note and view.note == ""  # said once, by the figure
    assert few.note == note and few.table is None  # the map of offices says it in the view's note
    assert chosen.note == ""  # offices chosen by name: no denominator to speak of
    table = view.table.set_index("Voivodeship")
    assert table.loc["mazowieckie", ["valid", "expired, lapsed or withdrawn", "Offices in the data"]].tolist() == [
        1,
        1,
        2,
    ]
    expected_terc = [10, 8] if db == "with" else ["unknown", "unknown"]
    assert table.loc["mazowieckie", ["Offices in TERC", "In TERC, no document in the data"]].tolist() == expected_terc
    assert view.takeaway == "ISO 9001, status on 1 June 2017: valid: 1, expired: 1"


@pytest.mark.parametrize(
    ("lang", "no_evidence", "expired"),
    [
        ("pl", "brak dowodów (nie wiadomo, czy ma certyfikat)", "wygasł"),
        ("en", "no evidence (not known whether certified)", "expired"),
    ],
)
def test_office_markers_tell_no_evidence_from_expired(package_con, lang: str, no_evidence: str, expired: str) -> None:
    status = run(package_con, "office_status_on_date", as_of=AS_OF, family="ISO 9001")
    status = status.assign(status=["no_evidence", "expired"])
    fig = status_map(status, voivodeship_shapes(), lang, "1 June 2017", "S", "ISO 9001")
    markers = {t.name: t.marker for t in fig.data if t.name != "outline"}
    assert set(markers) == {no_evidence, expired}
    assert markers[no_evidence].symbol == "circle-open" and markers[expired].symbol == "x"
    assert markers[no_evidence].color != markers[expired].color


def test_overview_at_scale_shows_the_map_counts_as_a_table(open_page, tmp_path: Path, monkeypatch) -> None:
    """The overview on the fixture's two offices with the map limit lowered: the choropleth, and its table in a box
    made only when opened (?tables=by_voivodeship): no data grid, and none of its code in the browser, at first
    sight."""
    monkeypatch.setattr("cityiso.figures.overview.MAP_MARKERS_MAX", 1)
    monkeypatch.setattr(national, "MAP_MARKERS_MAX", 1)
    data = write_package(tmp_path, _on_terc)
    import_terc(TERC_FIXTURE, data)
    assert build(data, tmp_path / "db.duckdb") == []
    at = open_page(db=tmp_path / "db.duckdb", lang="en", as_of="2017-06-01")
    from tests.test_pages import figures

    status_map_figure = figures(at)[0]
    polygons = [t for t in status_map_figure["data"] if t.get("fill") == "toself" and t.get("hoveron") == "fills"]
    assert len(polygons) == 16
    assert "Counts by voivodeship" in [e.label for e in at.expander]
    assert not at.dataframe and at.query_params["tables"] == ""
    at = open_page(db=tmp_path / "db.duckdb", lang="en", as_of="2017-06-01", tables="by_voivodeship")
    frames = [df.value for df in at.dataframe]
    (table,) = [f for f in frames if "Offices in TERC" in f.columns]
    assert table.set_index("Voivodeship").loc["śląskie", "Offices in TERC"] == 5
