"""Names in the text: standards (with family and edition), certification bodies and offices, declined forms
resolved with morfeusz2 and matched to what the register knows with rapidfuzz."""

import re
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from cityiso.draft import lang
from cityiso.draft.known import Known

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
    r"Marszałkowsk\w+|Powiatow\w+)(?:[ \t]+(?P<w>we?)[ \t]+)?(?P<place>(?:[ \t]*[A-ZŁŚŻŹĆ][\w-]+){0,3})"
)
_KIND = (
    ("miasta i gminy", "municipal_office"),
    ("gmin", "municipal_office"),
    ("marszałk", "marshal_office"),
    ("powiat", "county_office"),
    ("miast", "city_hall"),
    ("miejsk", "city_hall"),
)


def _place_nominative(place: str) -> str:
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
    return out
