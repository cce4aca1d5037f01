"""Audited units: 'objął 11 obszarów' (a count) and the named units after 'w tym', each in the nominative."""

import re

from cityiso.draft import lang
from cityiso.draft.model import Drafted
from cityiso.draft.text import BULLET as _BULLET
from cityiso.draft.text import Piece

_COUNT = re.compile(r"\b(?:obj\w+|obejmował\w*|audytowan\w+|auditowan\w+)\s+(\d+)\s+(\w+)", re.IGNORECASE)


# Where a sentence's list of units starts: 'w tym:', or a verb of auditing a unit ('Audytem objęto', 'Sprawdzono
# m.in. wydziały:', 'odwiedzono'), maybe with a count ('6 komórek organizacyjnych') and the units' common noun.
_LIST_START = re.compile(
    r"(?:\bw tym:?|\b(?:objęto|obejmował\w*|audytowano|auditowano|sprawdzono|sprawdzili|sprawdził|odwiedzono|odwiedzili"
    r"|odwiedził|zbadano"
    r"|skontrolowano))(?:\s+(?:m\.\s?in\.|\d+\s+\w+(?:\s+organizacyjn\w+)?|następując\w+))*"
    r"(?:\s+(?P<head>(?-i:wydział\w*|referat\w*|komór\w+)))?\s*:?\s+(?=[A-ZĄĆĘŁŃÓŚŹŻ])",
    re.IGNORECASE,
)
_SEP = re.compile(r",\s+a także\s+|,\s+|\s+oraz\s+|\s+i\s+")
# The nouns that open a unit's name: after ' i ' a new unit starts only with one of them (else 'Podatków i Opłat').
_UNIT_HEADS = {
    "wydział",
    "referat",
    "biuro",
    "urząd",
    "straż",
    "ośrodek",
    "zakład",
    "komórka",
    "jednostka",
    "centrum",
    "dział",
    "zespół",
    "pełnomocnik",
    "kancelaria",
    "sekretariat",
    "departament",
    "stanowisko",
    "archiwum",
    "punkt",
    "sala",
    "gabinet",
}


_THE_OFFICE = re.compile(r"(?:Urz\w+|Starostw\w+)\s+(?:Miasta|Miejsk\w+|Gminy|Gminn\w+|Powiatow\w+|Marszałkowsk\w+)\b")


def _opens_unit(words: str) -> bool:
    """The words open a unit's name: its noun first, or an adjective and then its noun ('Gminny Ośrodek')."""
    first = lang.WORD.findall(words)[:2]
    if not first:
        return False
    if lang.lemmas(first[0]) & _UNIT_HEADS:
        return True
    adjective = any(t.startswith("adj") for _l, t in lang.analyses(first[0]))
    return adjective and len(first) > 1 and bool(lang.lemmas(first[1]) & _UNIT_HEADS)


def units(sentence: Piece) -> tuple[Drafted | None, list[tuple[Drafted, Drafted]]]:
    """(units_audited, [(unit_name, unit_name_as_written)]) of one audit sentence: a count ('objął 11 obszarów')
    and the units a list names ('w tym: ...', 'Audytem objęto ...', 'Sprawdzono m.in. wydziały: ...')."""
    count = None
    m = _COUNT.search(sentence.text)
    if m:
        s = sentence.start + m.start(1)
        count = Drafted(int(m.group(1)), (s, sentence.start + m.end(2)), 0.9, f"'{m.group(0)}': the number of areas.")
    named: list[tuple[Drafted, Drafted]] = []
    starts = list(_LIST_START.finditer(sentence.text))
    lm = next((x for x in starts if x.group(0).lower().startswith("w tym")), starts[0] if starts else None)
    if not lm:
        return count, named
    head = lm.group("head")
    prefix = lang.nominative(head).capitalize() if head else ""
    items_start = lm.end()
    stop = re.search(
        r"(?<!\bds)(?<!\bin)(?<!\bnr)(?<!\bim)[.;:](?:\s|$)|\s+i\s+nie\b|,\s+(?:a(?!\s+także)|który|która|które|gdzie)\b",
        sentence.text[items_start:],
    )
    items = sentence.text[items_start : items_start + stop.start()] if stop else sentence.text[items_start:]
    base = sentence.start + items_start
    pieces: list[tuple[int, str]] = []
    pos = 0
    for sep in [*_SEP.finditer(items), None]:
        end = sep.start() if sep else len(items)
        chunk = items[pos:end]
        joined = sep and sep.group(0).strip() == "i" and not _opens_unit(items[sep.end() :])
        pieces.append((pos, chunk))
        if sep is None:
            break
        if joined:
            # 'Podatków i Opłat': one unit; the next chunk continues this one
            nxt = _SEP.search(items, sep.end())
            while nxt and nxt.group(0).strip() == "i" and not _opens_unit(items[nxt.end() :]):
                nxt = _SEP.search(items, nxt.end())
            end2 = nxt.start() if nxt else len(items)
            pieces[-1] = (pos, items[pos:end2])
            if not nxt:
                break
            pos = nxt.end()
            continue
        pos = sep.end()
    own_kind = False
    for at, piece in pieces:
        piece_s = piece.strip().rstrip(".")
        if not piece_s or not piece_s[:1].isupper() or _THE_OFFICE.match(piece_s):
            continue  # not a name, or the audited office itself ('Urząd Miasta i Gminy')
        s, e = base + at + (len(piece) - len(piece.lstrip())), 0
        e = s + len(piece_s)
        words = piece_s.split()
        own_kind = own_kind or _opens_unit(piece_s)
        if prefix and not own_kind:
            name, why = f"{prefix} {piece_s}", f"A unit of the list '{head}', named '{prefix} …' in the nominative."
        else:
            name = lang.phrase_nominative(words)
            why = "The unit's noun and its adjectives in the nominative (morfeusz2); the rest as written."
        named.append((Drafted(name, (s, e), 0.7, why), Drafted(piece_s, (s, e), 0.95, "")))
    return count, named


def last_sentence(line: str) -> str:
    """The last sentence of a line ('Audyt objął dwa wydziały. W raporcie wymieniono:' -> 'W raporcie wymieniono:')."""
    return re.split(r"(?<=[.!?])\s+(?=[A-ZĄĆĘŁŃÓŚŹŻ])", line)[-1]


def listed(text: str, is_lead) -> list[tuple[tuple[int, int], list[tuple[Drafted, Drafted, tuple[int, int]]]]]:
    """Lists of audited units: a lead ending in ':' that is_lead accepts ('Audytem objęto:') and the bullets after
    it, each one unit: (lead span, [(unit_name, unit_name_as_written, item span)])."""
    out = []
    lines = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"^.*$", text, re.MULTILINE)]
    current = None
    for start, end, line in lines:
        stripped = line.strip()
        if stripped.endswith(":") and is_lead(last_sentence(stripped)):
            current = ((start + len(line) - len(line.lstrip()), end), [])
            out.append(current)
            continue
        bullet = _BULLET.match(line)
        if current and bullet:
            a = start + bullet.end()
            words = line[bullet.end() :].rstrip().rstrip(",;.")
            if words:
                b = a + len(words)
                first, *rest = words.split()
                name = " ".join([lang.nominative(first), *rest])
                why = "A unit of the list of audited units; its first word in the nominative (morfeusz2)."
                current[1].append((Drafted(name, (a, b), 0.7, why), Drafted(words, (a, b), 0.95, ""), (a, b)))
            continue
        if stripped:
            current = None
    return [(lead, items) for lead, items in out if items]
