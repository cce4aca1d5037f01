"""Synthetic offices: TERYT-shaped codes, invented place names with their Polish cases, approximate coordinates."""

import random
from dataclasses import dataclass, replace

from cityiso.ids import slug

# TERC voivodeship codes (even, 02..32), names, and a rough centre for coordinates.
VOIVODESHIPS = [
    ("02", "dolnośląskie", 51.1, 16.6),
    ("04", "kujawsko-pomorskie", 53.0, 18.5),
    ("06", "lubelskie", 51.2, 22.8),
    ("08", "lubuskie", 52.2, 15.3),
    ("10", "łódzkie", 51.6, 19.4),
    ("12", "małopolskie", 49.9, 20.3),
    ("14", "mazowieckie", 52.3, 21.0),
    ("16", "opolskie", 50.6, 17.9),
    ("18", "podkarpackie", 49.9, 22.2),
    ("20", "podlaskie", 53.3, 22.9),
    ("22", "pomorskie", 54.2, 18.0),
    ("24", "śląskie", 50.3, 19.0),
    ("26", "świętokrzyskie", 50.8, 20.7),
    ("28", "warmińsko-mazurskie", 53.8, 20.8),
    ("30", "wielkopolskie", 52.3, 17.2),
    ("32", "zachodniopomorskie", 53.6, 15.6),
]

# (nominative, genitive, locative)
_FEMININE = [
    ("Wola", "Woli", "Woli"),
    ("Dąbrowa", "Dąbrowy", "Dąbrowie"),
    ("Łąka", "Łąki", "Łące"),
    ("Poręba", "Poręby", "Porębie"),
    ("Brzezina", "Brzeziny", "Brzezinie"),
    ("Polana", "Polany", "Polanie"),
    ("Struga", "Strugi", "Strudze"),
    ("Górka", "Górki", "Górce"),
    ("Skała", "Skały", "Skale"),
    ("Kępa", "Kępy", "Kępie"),
    ("Niwa", "Niwy", "Niwie"),
    ("Olszyna", "Olszyny", "Olszynie"),
    ("Jabłonka", "Jabłonki", "Jabłonce"),
    ("Grobla", "Grobli", "Grobli"),
]
_MASCULINE = [
    ("Gród", "Grodu", "Grodzie"),
    ("Bór", "Boru", "Borze"),
    ("Dwór", "Dworu", "Dworze"),
    ("Jar", "Jaru", "Jarze"),
    ("Brzeg", "Brzegu", "Brzegu"),
    ("Most", "Mostu", "Moście"),
    ("Kamień", "Kamienia", "Kamieniu"),
    ("Zdrój", "Zdroju", "Zdroju"),
    ("Młyn", "Młyna", "Młynie"),
]
# (feminine nominative, feminine genitive = locative, masculine nominative, genitive, locative)
_ADJECTIVES = [
    ("Nowa", "Nowej", "Nowy", "Nowego", "Nowym"),
    ("Stara", "Starej", "Stary", "Starego", "Starym"),
    ("Wielka", "Wielkiej", "Wielki", "Wielkiego", "Wielkim"),
    ("Górna", "Górnej", "Górny", "Górnego", "Górnym"),
    ("Dolna", "Dolnej", "Dolny", "Dolnego", "Dolnym"),
    ("Zielona", "Zielonej", "Zielony", "Zielonego", "Zielonym"),
    ("Jasna", "Jasnej", "Jasny", "Jasnego", "Jasnym"),
    ("Cicha", "Cichej", "Cichy", "Cichego", "Cichym"),
    ("Srebrna", "Srebrnej", "Srebrny", "Srebrnego", "Srebrnym"),
    ("Leśna", "Leśnej", "Leśny", "Leśnego", "Leśnym"),
]


@dataclass(frozen=True)
class Place:
    nom: str
    gen: str
    loc: str

    @property
    def slug(self) -> str:
        return slug(self.nom)


def random_place(rng: random.Random) -> Place:
    """An invented town name such as 'Nowa Wola' or 'Most Cichy', with its genitive and locative."""
    adj = rng.choice(_ADJECTIVES)
    first = rng.random() < 0.6
    if rng.random() < 0.6:
        n, g, loc = rng.choice(_FEMININE)
        a = (adj[0], adj[1], adj[1])
    else:
        n, g, loc = rng.choice(_MASCULINE)
        a = (adj[2], adj[3], adj[4])
    parts = list(zip(a, (n, g, loc), strict=True))
    return Place(*((f"{x} {y}" if first else f"{y} {x}") for x, y in parts))


@dataclass(frozen=True)
class Office:
    office_id: str
    teryt: str
    kind: str
    place: Place
    name: str  # nominative, as documents write it
    name_gen: str
    name_loc: str  # with the preposition: 'w Urzędzie Miasta Nowej Woli'
    head: str  # who speaks for the office: 'burmistrz', 'starosta'
    voivodeship: str
    latitude: float
    longitude: float
    population: int | None = None  # of the place (GeoNames-like); None: not known, as for a voivodeship
    geonameid: int | None = None


# Populations are drawn from their own generator, seeded by the unit's code, so adding them left every other draw
# of a seed as it was. Towns seating a powiat: 8,000 to 600,000; other gminas' places 600 to 30,000 (log-uniform);
# about one place in 25 has no population (a name GeoNames would not tell apart), as the real command leaves some.
SEAT_POPULATION = (8_000, 600_000)
GMINA_POPULATION = (600, 30_000)
UNKNOWN_SHARE = 0.04
SYNTHETIC_GEONAMEID = 90_000_000  # invented ids start here: no real GeoNames id is this large


def _population(code: str, bounds: tuple[int, int]) -> int | None:
    draw = random.Random(f"population-{code}")
    if draw.random() < UNKNOWN_SHARE:
        return None
    low, high = bounds
    return int(round(low * (high / low) ** draw.random(), -1))


def _with_population(office: Office, code: str, bounds: tuple[int, int]) -> Office:
    population = _population(code, bounds)
    geonameid = SYNTHETIC_GEONAMEID + int(code) if population is not None else None
    return replace(office, population=population, geonameid=geonameid)


def _office(kind: str, teryt: str, place: Place, voiv: tuple, rng: random.Random) -> Office:
    code, vname, lat, lon = voiv
    if kind == "county_office":
        names = (f"Starostwo Powiatowe w {place.loc}", f"Starostwa Powiatowego w {place.loc}")
        loc, head, prefix = f"w Starostwie Powiatowym w {place.loc}", "starosta", "sp"
    elif kind == "marshal_office":
        region = "-".join(p.capitalize() for p in vname.removesuffix("ie").split("-")) + "iego"
        region = region.replace("iiego", "iego")
        names = (f"Urząd Marszałkowski Województwa {region}", f"Urzędu Marszałkowskiego Województwa {region}")
        loc, head, prefix = f"w Urzędzie Marszałkowskim Województwa {region}", "marszałek województwa", "umw"
    elif kind == "city_hall":
        if rng.random() < 0.5:
            names = (f"Urząd Miasta {place.gen}", f"Urzędu Miasta {place.gen}")
            loc = f"w Urzędzie Miasta {place.gen}"
        else:
            names = (f"Urząd Miejski w {place.loc}", f"Urzędu Miejskiego w {place.loc}")
            loc = f"w Urzędzie Miejskim w {place.loc}"
        head, prefix = rng.choice(["burmistrz", "prezydent miasta"]), "um"
    else:
        unit = "Miasta i Gminy" if teryt.endswith("3") else "Gminy"
        names = (f"Urząd {unit} {place.nom}", f"Urzędu {unit} {place.nom}")
        loc, head, prefix = f"w Urzędzie {unit} {place.nom}", "wójt" if unit == "Gminy" else "burmistrz", "ug"
    office_id = f"{prefix}-{teryt or code}"
    return Office(
        office_id,
        teryt,
        kind,
        place,
        names[0],
        names[1],
        loc,
        head,
        vname,
        round(min(54.8, max(49.1, lat + rng.uniform(-0.6, 0.6))), 2),
        round(min(24.1, max(14.2, lon + rng.uniform(-0.8, 0.8))), 2),
    )


def offices(n: int, rng: random.Random) -> list[Office]:
    """n offices, powiat by powiat across the voivodeships: the county office, the city hall of its seat (two
    offices in one town), a marshal's office in each voivodeship's first powiat, then rural and urban-rural
    gminas (TERC: WWPPGGK, K the gmina kind: 1 urban, 2 rural, 3 urban-rural)."""
    out: list[Office] = []
    powiats = {code: 0 for code, *_ in VOIVODESHIPS}
    turn = 0
    while len(out) < n:
        voiv = VOIVODESHIPS[turn % len(VOIVODESHIPS)]
        code = voiv[0]
        powiats[code] += 1
        pp = f"{code}{powiats[code]:02d}"
        seat = random_place(rng)
        out.append(_with_population(_office("county_office", pp, seat, voiv, rng), pp, SEAT_POPULATION))
        out.append(_with_population(_office("city_hall", f"{pp}011", seat, voiv, rng), pp, SEAT_POPULATION))
        if turn < len(VOIVODESHIPS):
            out.append(_office("marshal_office", "", seat, voiv, rng))
        for gg in range(2, 2 + rng.randint(3, 7)):
            kind_digit = rng.choice("223")
            gmina = _office("municipal_office", f"{pp}{gg:02d}{kind_digit}", random_place(rng), voiv, rng)
            out.append(_with_population(gmina, gmina.teryt, GMINA_POPULATION))
        turn += 1
    return out[:n]
