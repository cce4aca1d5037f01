"""The fixture package with many more offices (tests/fixture_package.py plus EXTRA municipal offices in four
voivodeships, each with one ISO 9001:2015 certificate from 2016 to 2019, every third one lapsing a year early), for
the views that summarise: the voivodeship map, the summary deck."""

from pathlib import Path

from cityiso.build import build
from tests.fixture_package import write_package

EXTRA = 60
VOIVODESHIPS = {  # voivodeship -> an office's position in it
    "mazowieckie": (52.2, 21.0),
    "śląskie": (50.3, 19.0),
    "pomorskie": (54.3, 18.6),
    "lubelskie": (51.2, 22.6),
}


def _many_offices(rows: dict, documents: dict) -> None:
    places = list(VOIVODESHIPS)
    for i in range(EXTRA):
        office_id, voivodeship = f"ug-{i:02d}", places[i % len(places)]
        lat, lon = VOIVODESHIPS[voivodeship]
        name = f"Urząd Gminy Wieś {i:02d}"
        end = "28.02.2018" if i % 3 == 0 else "28.02.2019"
        documents[f"{office_id}.txt"] = (
            f"{name} otrzymał certyfikat ISO 9001:2015 w dniu 1 marca 2016 r. Certyfikat jest ważny do {end} r."
        )
        rows["sources"].append(
            dict(
                source_id=f"{office_id}-news",
                kind="document",
                file=f"{office_id}.txt",
                title=f"Certyfikat {i:02d}",
                publisher=name,
                publisher_type="office",
                office_id=office_id,
                language="pl",
                is_truncated="false",
            )
        )
        rows["offices"].append(
            dict(
                office_id=office_id,
                teryt=f"{1402000 + 10 * i + 2}",
                office_kind="municipal_office",
                place=f"Wieś {i:02d}",
                office_name=name,
                voivodeship=voivodeship,
                latitude=str(lat + (i % 5) * 0.05),
                longitude=str(lon + (i % 7) * 0.05),
                geo_source_id="ref",
                source_id=f"{office_id}-news",
                quote=name,
            )
        )
        rows["certificates"].append(
            dict(
                certificate_id=f"{office_id}-9001",
                office_id=office_id,
                family="ISO 9001",
                standard_as_written="ISO 9001:2015",
                edition_basis="stated",
                standard_id="iso9001-2015",
                issued_on="2016-03-01",
                issued_on_as_written="w dniu 1 marca 2016 r.",
                valid_until="2018-02-28" if i % 3 == 0 else "2019-02-28",
                valid_until_as_written=f"do {end} r.",
                source_id=f"{office_id}-news",
                quote=f"certyfikat ISO 9001:2015 w dniu 1 marca 2016 r. Certyfikat jest ważny do {end} r.",
            )
        )


def build_national(root: Path) -> Path:
    """The fixture package with EXTRA more offices, built into root/cityiso.duckdb."""
    out = Path(root) / "cityiso.duckdb"
    problems = build(write_package(root, _many_offices), out)
    assert not problems, "\n".join(map(str, problems[:10]))
    return out
