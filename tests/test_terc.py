"""The TERC importer on the project's invented TERC file (tests/terc/), on broken copies of it, and on GUS's real
editions when the machine has them; the build's terc_units table and the denominator query on a fixture package."""

import zipfile
from pathlib import Path

import duckdb
import pytest

from cityiso.data.database import build, is_stale
from cityiso.queries import run
from cityiso.register.terc import TercError, import_terc, main
from tests.fixture_package import write_package

FIXTURE = Path(__file__).with_name("terc") / "TERC_Urzedowy_fixture.csv"
REAL = Path("/work/shared/reference/terc")


def _lines() -> list[str]:
    return [line for line in FIXTURE.read_text(encoding="utf-8-sig").splitlines() if line]


def _write(path: Path, lines: list[str], encoding: str = "utf-8-sig") -> Path:
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def _problems(path: Path, data: Path) -> list[str]:
    with pytest.raises(TercError) as caught:
        import_terc(path, data)
    return [str(p) for p in caught.value.problems]


def test_the_fixture_imports_with_its_levels_kinds_and_voivodeships(tmp_path: Path) -> None:
    done = import_terc(FIXTURE, tmp_path)
    rows = {r["teryt"]: r for r in done.rows}
    c = done.counts()
    assert (c["voivodeship"], c["powiat"], c["city_powiat"], c["gmina"], c["part"]) == (2, 5, 2, 10, 7)
    assert (c["urban"], c["rural"], c["urban-rural"], c["district"], c["delegation"]) == (4, 4, 2, 2, 1)
    assert rows["14"]["level"] == "voivodeship"
    assert (rows["14"]["name"], rows["14"]["office_kind"], rows["14"]["voivodeship"]) == (
        "mazowieckie",
        "marshal_office",
        "mazowieckie",
    )
    assert (rows["1401"]["level"], rows["1401"]["office_kind"]) == ("powiat", "county_office")
    # A city with powiat rights has one office, counted on its gmina (offices.csv keys a city hall by 7 digits).
    assert (rows["1461"]["level"], rows["1461"]["office_kind"]) == ("powiat", "")
    assert rows["1461011"]["office_kind"] == "city_hall"
    assert rows["1401011"]["office_kind"] == "city_hall"
    assert rows["1401022"]["office_kind"] == "municipal_office"
    assert rows["1401033"]["office_kind"] == "municipal_office"  # urban-rural: a municipal office
    assert [rows[c]["level"] for c in ("1401034", "1401035", "1461028", "2461029")] == ["part"] * 4
    assert all(not rows[c]["office_kind"] for c in ("1401034", "1401035", "1461028", "2461029"))
    assert rows["2401022"]["voivodeship"] == "śląskie" and rows["2401022"]["state_on"] == "2026-01-01"
    written = (tmp_path / "terc.csv").read_text(encoding="utf-8").splitlines()
    assert written[0] == "teryt,level,name,kind_words,office_kind,voivodeship,state_on"
    assert len(written) == 1 + len(done.rows)


def test_the_command_prints_the_counts(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["import", str(FIXTURE), "--data", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "2 voivodeships, 5 powiats (2 cities with powiat rights), 10 gminas (4 urban, 4 rural, 2 urban-rural)" in out


def test_a_malformed_line_is_named_by_line_and_field_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    import_terc(FIXTURE, data)
    before = (data / "terc.csv").read_bytes()
    lines = _lines()
    lines[3] = lines[3].replace("14;01;01;1", "14;01;0X;1")  # line 4: a gmina with a bad GMI
    lines[5] = lines[5].replace(";3;", ";7;")  # line 6: a RODZ TERC does not use
    lines[8] = lines[8] + ";extra"  # line 9: an eighth field
    bad = _write(tmp_path / "bad.csv", lines)
    assert main(["import", str(bad), "--data", str(data)]) == 1
    err = capsys.readouterr().err
    assert "bad.csv, line 4, field 'GMI': '0X' is not a two-digit code" in err
    assert "bad.csv, line 6, field 'RODZ': '7' is not a kind of gmina" in err
    assert "bad.csv, line 9: has 8 fields separated by ';', expected 7" in err
    assert "Nothing was imported" in err and "Traceback" not in err
    assert (data / "terc.csv").read_bytes() == before
    assert not list(data.glob(".*tmp"))


def test_units_without_their_powiat_or_voivodeship_are_refused(tmp_path: Path) -> None:
    lines = [line for line in _lines() if not line.startswith(("14;02;;;", "24;;;;"))]
    problems = _problems(_write(tmp_path / "orphans.csv", lines), tmp_path)
    assert any("field 'POW': the powiat 1402 of 1402012 is not in the file" in p for p in problems)
    assert any("field 'WOJ': the voivodeship 24 of 2401 is not in the file" in p for p in problems)


def test_a_repeated_code_and_an_unknown_voivodeship_are_refused(tmp_path: Path) -> None:
    lines = [*_lines(), "14;01;01;1;Testowo;gmina miejska;2026-01-01", "30;;;;NADMORSKIE;województwo;2026-01-01"]
    problems = _problems(_write(tmp_path / "twice.csv", lines), tmp_path)
    assert any("line 26, field 'WOJ': the unit 1401011 is on line 4 already" in p for p in problems)
    assert any("line 27, field 'NAZWA': 'NADMORSKIE' is not one of the 16 voivodeships" in p for p in problems)


def test_a_file_that_is_not_terc_is_refused_by_its_first_line(tmp_path: Path) -> None:
    other = tmp_path / "simc.csv"
    other.write_text("WOJ;POW;GMI;RODZ_GMI;RM;MZ;NAZWA;SYM;SYMPOD;STAN_NA\n", encoding="utf-8")
    (problem,) = _problems(other, tmp_path)
    assert "simc.csv, line 1: is not GUS's TERC file ('Urzędowy' variant)" in problem
    (empty,) = _problems(_write(tmp_path / "header.csv", _lines()[:1]), tmp_path)
    assert "has no units below its header" in empty


def test_a_file_in_another_encoding_is_refused(tmp_path: Path) -> None:
    (problem,) = _problems(_write(tmp_path / "cp1250.csv", _lines(), "cp1250"), tmp_path)
    assert "cp1250.csv, line 2: is not UTF-8" in problem  # "województwo": the first Polish letter


def test_the_zip_gus_hands_out_is_read(tmp_path: Path) -> None:
    archive = tmp_path / "TERC.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(FIXTURE, "TERC_Urzedowy_2026-01-01.csv")
    assert len(import_terc(archive, tmp_path).rows) == len(import_terc(FIXTURE, tmp_path).rows)


@pytest.mark.skipif(not REAL.is_dir(), reason="GUS's TERC editions are not on this machine")
@pytest.mark.parametrize(
    ("edition", "state", "gminas", "urban", "rural", "urban_rural"),
    [
        ("TERC_Urzedowy_2026-07-22.csv", "2026-01-01", 2479, 302, 1453, 724),
        ("TERC_Urzedowy_2024-05-09.csv", "2024-01-01", 2477, 302, 1464, 711),
    ],
)
def test_gus_real_editions_import_with_the_published_counts(
    tmp_path: Path, edition: str, state: str, gminas: int, urban: int, rural: int, urban_rural: int
) -> None:
    done = import_terc(REAL / edition, tmp_path)
    c = done.counts()
    assert (c["voivodeship"], c["powiat"], c["city_powiat"]) == (16, 380, 66)
    assert (c["gmina"], c["urban"], c["rural"], c["urban-rural"]) == (gminas, urban, rural, urban_rural)
    assert {r["state_on"] for r in done.rows} == {state}
    kinds = {k: sum(r["office_kind"] == k for r in done.rows) for k in ("city_hall", "county_office")}
    assert kinds == {"city_hall": urban, "county_office": 380 - 66}
    assert done.seconds < 5  # a fraction of a second here


def _package(root: Path) -> Path:
    """The fixture package with its two offices on the invented TERC's Testowo (city hall and powiat)."""

    def edit(rows: dict, documents: dict) -> None:
        rows["offices"][0]["teryt"] = "1401011"
        rows["offices"][1]["teryt"] = "1401"

    return write_package(root, edit)


def test_the_build_loads_terc_and_the_coverage_query_counts_offices(tmp_path: Path) -> None:
    data = _package(tmp_path)
    out = tmp_path / "with.duckdb"
    import_terc(FIXTURE, data)
    assert build(data, out) == []
    with duckdb.connect(str(out), read_only=True) as con:
        assert con.execute("select count(*) from terc_units").fetchone()[0] == 24
        rows = run(con, "national_coverage")
    got = {
        (r.voivodeship, r.office_kind): (r.count_in_terc, r.count_in_register, r.count_unplaced)
        for r in rows.itertuples()
    }
    assert got[("mazowieckie", "city_hall")] == (2, 1, 0)
    assert got[("mazowieckie", "county_office")] == (2, 1, 0)
    assert got[("mazowieckie", "municipal_office")] == (5, 0, 0)
    assert got[("mazowieckie", "marshal_office")] == (1, 0, 0)
    assert got[("śląskie", "city_hall")] == (2, 0, 0)
    assert set(rows["terc_state_on"].astype(str)) == {"2026-01-01"}


def test_without_terc_the_table_is_empty_and_every_office_is_unplaced(tmp_path: Path) -> None:
    data = _package(tmp_path)
    out = tmp_path / "without.duckdb"
    assert build(data, out) == []
    with duckdb.connect(str(out), read_only=True) as con:
        assert con.execute("select count(*) from terc_units").fetchone()[0] == 0
        rows = run(con, "national_coverage")
    assert rows[["count_in_terc", "count_in_register"]].sum().tolist() == [0, 0]
    assert rows["count_unplaced"].sum() == 2
    import_terc(FIXTURE, data)
    assert is_stale(data, out)  # importing TERC makes the built database out of date


def test_a_broken_terc_csv_stops_the_build_with_its_line_and_field(tmp_path: Path) -> None:
    data = _package(tmp_path)
    import_terc(FIXTURE, data)
    path = data / "terc.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace("city_hall", "town_hall")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = [str(p) for p in build(data, tmp_path / "broken.duckdb")]
    assert any("data/terc.csv, line 4 (teryt=1401011), field 'office_kind': 'town_hall'" in p for p in problems)
    assert not (tmp_path / "broken.duckdb").exists()
