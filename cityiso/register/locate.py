"""Where a new office is: its TERYT code and voivodeship from the imported TERC (data/terc.csv), its coordinates
from GeoNames, each with the reason a curator reads in the draft. Nothing is guessed: a code is given only when
TERC has exactly one unit of that name whose office is of that kind."""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from cityiso.data.reference import TERC_FILE, read_terc, voivodeships
from cityiso.register import places

GEO_SOURCE_ID = "ref-geonames"  # data/sources.csv: GeoNames and GUS's TERC, as the drafter looks them up
IMPORT = "python -m cityiso.register.terc import FILE"
_GMINA_KIND = {"1": "urban gmina", "2": "rural gmina", "3": "urban-rural gmina"}


@dataclass
class Located:
    """What the registers say of an office's place; a None value is missing, and its reason says why."""

    teryt: str | None = None
    teryt_reason: str = ""
    voivodeship: str | None = None
    voivodeship_reason: str = ""
    latitude: float | None = None
    longitude: float | None = None
    coordinates_reason: str = ""
    coordinates_sure: bool = False  # one place of that name (in that voivodeship) in GeoNames
    place: places.Place | None = None
    missing_reason: str = ""  # what the row lacks and why ("": nothing)


@cache
def _terc(path: Path, stamp: tuple[int, int]) -> tuple[tuple[dict, ...], str]:
    rows, problems = read_terc(path.parent)
    return (tuple(rows), "") if not problems else ((), str(problems[0]))


def terc_units(data_dir: Path) -> tuple[tuple[dict, ...], str]:
    """The imported TERC's units and '' (or none and why: not imported, or a file with problems)."""
    path = Path(data_dir) / TERC_FILE
    if not path.is_file():
        return (), f"TERC is not imported into {Path(data_dir).name}/ ({IMPORT})"
    stat = path.stat()
    return _terc(path, (stat.st_mtime_ns, stat.st_size))


def _describe(unit: dict) -> str:
    what = _GMINA_KIND.get(unit["teryt"][6:], unit["kind_words"]) if unit["level"] == "gmina" else unit["level"]
    return f"{unit['name']} ({what} {unit['teryt']}, {unit['voivodeship']})"


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _units_of(units: tuple[dict, ...], kind: str, place: str) -> tuple[list[dict], list[dict], str]:
    """TERC's units of that name whose office is of that kind, the units of the name with another kind of office,
    and a note on how the units were found."""
    name = _key(place)
    if kind == "marshal_office":
        name = name.removeprefix("województwo ").strip()
        same = [u for u in units if u["level"] == "voivodeship" and _key(u["name"]) == name]
        return same, [], ""
    if kind == "county_office":
        # TERC names a powiat, not its seat: the powiat holding a town (urban or urban-rural gmina) of that name.
        towns = [u for u in units if u["level"] == "gmina" and u["teryt"][6:] in ("1", "3") and _key(u["name"]) == name]
        powiats = {u["teryt"]: u for u in units if u["level"] == "powiat"}
        same = [powiats[t["teryt"][:4]] for t in towns if powiats.get(t["teryt"][:4], {}).get("office_kind") == kind]
        other = [powiats[t["teryt"][:4]] for t in towns if powiats.get(t["teryt"][:4], {}).get("office_kind") != kind]
        note = " (TERC does not name a powiat's seat: the powiat holding the town of that name)" if same else ""
        if other and not same:
            note = f" ({place} is a city with powiat rights: the county office seated there serves another powiat)"
        return same, [], note
    named = [u for u in units if u["level"] == "gmina" and _key(u["name"]) == name]
    return [u for u in named if u["office_kind"] == kind], [u for u in named if u["office_kind"] != kind], ""


def locate(place: str, kind: str, data_dir: Path) -> Located:
    """The TERYT code, voivodeship and coordinates of the `kind` office of `place` (nominative), as far as TERC
    (imported into data_dir) and GeoNames tell them."""
    out = Located()
    units, why_not = terc_units(data_dir)
    same, other, note = _units_of(units, kind, place) if units else ([], [], "")
    state = f"TERC state on {units[0]['state_on']}" if units else ""
    if not units:
        out.teryt_reason = f"No TERYT code: {why_not}."
    elif len(same) == 1:
        out.teryt = same[0]["teryt"]
        out.teryt_reason = f"{state}: {_describe(same[0])}, the one unit of that name with a {kind}{note}."
    elif same:
        listed = "; ".join(_describe(u) for u in same)
        out.teryt_reason = f"No TERYT code: {state} has {len(same)} units named {place} with a {kind}: {listed}."
    elif other:
        listed = "; ".join(f"{_describe(u)} with a {u['office_kind'] or 'no office'}" for u in other)
        out.teryt_reason = (
            f"No TERYT code: {state} has no unit named {place} with a {kind}, only {listed}: if this is that "
            "unit's office, set office_kind and teryt to match."
        )
    else:
        out.teryt_reason = f"No TERYT code: {state} has no unit named {place} with a {kind}{note}."
    regions = {u["voivodeship"] for u in same} or {u["voivodeship"] for u in other}
    named = _key(place).removeprefix("województwo ").strip()
    if len(regions) == 1:
        out.voivodeship = regions.pop()
        out.voivodeship_reason = f"{state}: {place} is in {out.voivodeship}."
    elif kind == "marshal_office" and named in voivodeships():
        out.voivodeship = named
        out.voivodeship_reason = f"The office's name names the voivodeship: {named}."
    seat = places.marshal_seat(out.voivodeship) if kind == "marshal_office" and out.voivodeship else None
    found = places.lookup(seat or place, out.voivodeship)
    if found.place is not None:
        out.place, out.coordinates_sure = found.place, found.is_sure
        out.latitude, out.longitude = round(found.place.latitude, 2), round(found.place.longitude, 2)
        seated = f"The marshal office sits in {seat}. " if seat else ""
        out.coordinates_reason = f"{seated}{found.reason} Rounded to 0.01°."
        if out.voivodeship is None and found.place.voivodeship:
            out.voivodeship = found.place.voivodeship
            out.voivodeship_reason = f"From GeoNames (TERC does not tell): {found.reason}"
    else:
        out.coordinates_reason = f"No coordinates: {found.reason}"
    if out.voivodeship is None:
        terc = why_not if not units else f"{state} has {'several' if len(regions) > 1 else 'no'} voivodeships for it"
        out.voivodeship_reason = f"No voivodeship: {terc}; {found.reason}"
    missing = [name for name, value in (("voivodeship", out.voivodeship), ("coordinates", out.latitude)) if not value]
    if missing:
        terc = why_not if not units else f"{state} gives {place} no single voivodeship"
        terc = terc if out.voivodeship is None else out.voivodeship_reason.rstrip(".")
        out.missing_reason = f"Missing: {' and '.join(missing)} ({terc}; {found.reason})"
    return out
