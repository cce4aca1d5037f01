"""Events of a certification's life from the sentences that tell them: audits (with their kind and ordinal),
grants, handovers, council presentations, planned audits, lapses and transitions; merged when they tell one event."""

import re
from dataclasses import dataclass, field

from cityiso.draft import lang
from cityiso.draft.dates import DateExpr
from cityiso.draft.text import Piece

AUDIT = re.compile(r"(?<!\w)au?d[iy](?:t(?!or)|cie)\w*", re.IGNORECASE)
AUDITORS = re.compile(r"(?<!\w)au?d[iy]tor\w*", re.IGNORECASE)
INTERNAL = re.compile(r"wewnętrzn\w*", re.IGNORECASE)
SURVEILLANCE = re.compile(r"(?:(?P<ord>\b[IVX]{1,4}|\w+)\s+)?au?d[iy]t\w*\s+nadzor\w*", re.IGNORECASE)
# Audits named by what they do: 'audyt pośredni', 'audyt sprawdzający' (surveillance), 'audyt odnowieniowy',
# 'przedłużenie certyfikatu' (renewal), 'audyt certyfikacyjny' (the first certification, not 're-').
_SURVEILLANCE_WORDS = re.compile(
    r"au?d[iy]t\w*\s+(?:pośredni\w*|sprawdzając\w*)|(?:pośredni\w*|sprawdzając\w*)\s+au?d[iy]t\w*", re.IGNORECASE
)
_RENEWAL_WORDS = re.compile(
    r"odnowieniow\w*|odnowieni\w+\s+certyfika\w+|przedłuż\w+\s+(?:(?:ważności|termin\w*)\s+)?certyfika\w+"
    r"|certyfika\w+\s+(?:\w+\s+){0,2}przedłużon\w*",
    re.IGNORECASE,
)
_INITIAL_WORDS = re.compile(r"au?d[iy]t\w*\s+(?<!re)certyfikac\w+|(?<!re)certyfikacyjn\w*\s+au?d[iy]t\w*", re.I)
_GRANT = {"otrzymać", "otrzymywać", "przyznać", "przyznawać", "przyznanie", "uzyskać", "nadać", "wydać", "wydanie"}
_HANDOVER = {"odebrać", "odbierać", "wręczyć", "wręczać", "wręczenie", "odebranie", "przekazać", "przekazanie"}
# The end of a certification: not renewed, given up ('zaprzestanie utrzymywania', 'rezygnacja') is a lapse; a
# certificate that ran out with nothing said about renewal ('certyfikat wygasł') is an expiry.
_GIVEN_UP = re.compile(
    r"zaprzesta\w*|rezygn\w*|nie\s+(?:został\w*\s+)?(?:odnowion|przedłużon|odnawia|przedłuża|ubiega)\w*"
    r"|nie\s+(?:\w+\s+)?(?:odnowi|przedłuży)\w*",
    re.IGNORECASE,
)
_RAN_OUT = re.compile(r"wygas\w*|wygaśnię\w*|utrac\w+\s+ważnoś\w+|straci\w*\s+ważnoś\w+", re.IGNORECASE)
_PRESENT = {"przedstawić", "zaprezentować", "prezentacja", "przedstawienie"}
_PLANNED = {"zaplanować", "planować", "zaplanowany", "planowany"}
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}


def _lemmas(sentence: str) -> set[str]:
    return {lem for w in lang.WORD.findall(sentence) for lem in lang.lemmas(w)}


def _ordinal(word: str) -> int | None:
    if word in _ROMAN:
        return _ROMAN[word]
    for lem, tag in lang.analyses(word):
        if tag.startswith("adj") and lem in {"pierwszy", "drugi", "trzeci", "czwarty", "piąty"}:
            return ["pierwszy", "drugi", "trzeci", "czwarty", "piąty"].index(lem) + 1
    return None


@dataclass
class Cue:
    """Something a sentence says about an event's kind, with its span."""

    kind: str
    start: int
    end: int
    reason: str


@dataclass
class Event:
    """A drafted event: the sentences that tell it and what they say."""

    trigger: str  # audit | grant | handover | council | lapse | expiry | transition
    sentences: list[Piece]
    planned: bool = False
    cues: list[Cue] = field(default_factory=list)
    date: DateExpr | None = None
    ordinal: tuple[int, int, int] | None = None  # (value, start, end)
    grant: bool = False
    chain: bool = False  # one year of a list of renewal years told in one sentence

    @property
    def kind(self) -> tuple[str, str]:
        """(kind, reason): the cues' kind when they agree, unspecified when they conflict or are silent."""
        fixed = {
            "handover": "handover",
            "council": "council_presentation",
            "lapse": "lapse",
            "expiry": "expiry",
            "transition": "transition",
        }
        if self.trigger in fixed:
            return fixed[self.trigger], f"The text tells a {fixed[self.trigger].replace('_', ' ')}."
        kinds = {c.kind for c in self.cues}
        if len(kinds) == 1:
            return kinds.pop(), "; ".join(c.reason for c in self.cues)
        if len(kinds) > 1:
            return "unspecified", "The text points different ways: " + "; ".join(c.reason for c in self.cues)
        return "unspecified", "The text does not say which kind of audit."


def _cues(s: Piece) -> list[Cue]:
    out = []
    t = s.text
    for m in SURVEILLANCE.finditer(t):
        out.append(Cue("surveillance", s.start + m.start(), s.start + m.end(), f"'{m.group(0)}' (surveillance audit)"))
    for m in _SURVEILLANCE_WORDS.finditer(t):
        out.append(Cue("surveillance", s.start + m.start(), s.start + m.end(), f"'{m.group(0)}' (surveillance audit)"))
    for m in re.finditer(r"recertyfik\w*|ponown\w*|po raz (?:drugi|trzeci|czwarty|piąty|kolejny)", t, re.I):
        out.append(Cue("recertification", s.start + m.start(), s.start + m.end(), f"'{m.group(0)}' (renewal)"))
    for m in _RENEWAL_WORDS.finditer(t):
        out.append(Cue("recertification", s.start + m.start(), s.start + m.end(), f"'{m.group(0)}' (renewal)"))
    for m in _INITIAL_WORDS.finditer(t):
        out.append(Cue("initial", s.start + m.start(), s.start + m.end(), f"'{m.group(0)}' (certification audit)"))
    for m in re.finditer(r"na (?:okres )?kolejn\w+ \d+ la\w+|nowy certyfikat\w*|trzeciej certyfikacji", t, re.I):
        out.append(Cue("recertification", s.start + m.start(), s.start + m.end(), f"'{m.group(0)}' (a new cycle)"))
    for m in re.finditer(r"kolejny rok", t, re.I):
        out.append(Cue("surveillance", s.start + m.start(), s.start + m.end(), f"'{m.group(0)}' (one more year)"))
    for m in re.finditer(r"pierwsz\w+ certyfikat\w*|po raz pierwszy|certyfikacj\w+ wstępn\w*", t, re.I):
        out.append(Cue("initial", s.start + m.start(), s.start + m.end(), f"'{m.group(0)}' (the first certificate)"))
    return out


def _trigger(s: Piece, lem: set[str]) -> str | None:
    t = s.text
    if "certyfikat" in lem or "certyfikacja" in lem or "system" in lem:
        if _GIVEN_UP.search(t) and (_RAN_OUT.search(t) or re.search(r"utrzymywa\w*|certyfika\w+|recertyfik", t, re.I)):
            return "lapse"
        if _RAN_OUT.search(t) and not re.search(r"\bdo\b|\bważn\w*", t[: _RAN_OUT.search(t).start()][-30:]):
            return "expiry"
        if re.search(r"przeszedł\w* na norm\w*|przejści\w+ na norm\w*", t, re.I):
            return "transition"
    if "rada" in lem and "sesja" in lem and lem & _PRESENT:
        return "council"
    if ("certyfikat" in lem and lem & _HANDOVER) or re.search(r"z rąk\b", t):
        return "handover"
    audits = [m for m in AUDIT.finditer(t) if not _internal(t, m)]
    if audits or (AUDITORS.search(t) and re.search(r"ocenion\w*|przeprowadzi\w*|sprawdz\w+|odwiedz\w+|zbada\w*", t)):
        return "audit"
    if "certyfikat" in lem and (lem & _GRANT or {"nowy", "ważny"} <= lem):
        return "grant"  # 'Nowy certyfikat jest ważny do ...' tells a certificate granted
    return None


def _internal(t: str, m: re.Match) -> bool:
    """'audyt wewnętrzny' or 'wewnętrzny audyt': the office's own audit, no event of the certification."""
    return bool(INTERNAL.match(t, m.end() + 1) or re.search(r"wewnętrzn\w*\s+$", t[: m.start()]))


def mentions(sentences: list[Piece], dates: list[DateExpr]) -> list[Event]:
    """One event mention per sentence that tells one; a list of years told of audits is one event a year."""
    out = []
    for s in sentences:
        lem = _lemmas(s.text)
        trigger = _trigger(s, lem)
        if not trigger:
            continue
        planned = bool(re.search(r"odbędzie się|zostanie przeprowadzon\w*|nastąpi", s.text)) or bool(lem & _PLANNED)
        ev = Event(trigger, [s], planned=planned, cues=_cues(s))
        ev.grant = trigger == "grant" or bool(lem & _GRANT and "certyfikat" in lem)
        own = [
            d
            for d in dates
            if s.start <= d.start < s.end and d.lead not in ("do", "od") and d.value != "" and not _validity_date(s, d)
        ]
        listed = [d for d in own if d.group is not None]
        own = [d for d in own if d.group is None]
        if own:
            ev.date = own[0]
        sv = SURVEILLANCE.search(s.text)
        if sv and sv.group("ord") and _ordinal(sv.group("ord")):
            ev.ordinal = (_ordinal(sv.group("ord")), s.start + sv.start("ord"), s.start + sv.end("ord"))
        if listed and (trigger == "audit" or ev.cues):
            out += _chain(s, ev, own, listed)
            continue
        out.append(ev)
    return out


def _chain(s: Piece, ev: Event, own: list[DateExpr], listed: list[DateExpr]) -> list[Event]:
    """'certyfikat uzyskany 30.09.2002 r., audyty recertyfikujące w latach 2005, 2008 i 2011': one event per year
    listed, of the kind the list's words say; a grant's date before the list stays a grant (the first certificate's
    issue)."""
    first = min(d.start for d in listed)
    cues = [c for c in ev.cues if c.start < first] or ev.cues
    last_cue = [max(cues, key=lambda c: c.start)] if cues else []
    out = []
    before = [d for d in own if d.start < first]
    if ev.grant and before:
        out.append(Event("grant", [s], cues=[], date=before[0], grant=True, chain=True))
    planned = ev.planned
    for d in listed:
        out.append(Event("audit", [s], planned=planned, cues=list(last_cue), date=d, chain=True))
    return out


def _validity_date(s: Piece, d: DateExpr) -> bool:
    before = s.text[: d.start - s.start][-40:]
    return bool(re.search(r"(ważn\w*|obowiązywania|tj\.)\s*$", before))


def merge(found: list[Event]) -> list[Event]:
    """Audit and grant mentions telling one audit become one event; other mentions stay apart unless same-dated."""
    events: list[Event] = []
    for ev in found:
        target = None
        for other in events:
            if _compatible(other, ev):
                target = other
                break
        if target is None:
            events.append(ev)
            continue
        target.sentences += ev.sentences
        target.cues += ev.cues
        target.grant = target.grant or ev.grant
        target.date = target.date or ev.date
        target.ordinal = target.ordinal or ev.ordinal
        if target.trigger == "grant" and ev.trigger == "audit":
            target.trigger = "audit"
    return events


def _compatible(a: Event, b: Event) -> bool:
    if a.planned or b.planned:
        return False
    if a.date and b.date and a.date.value != b.date.value:
        return False
    groups = {"audit", "grant"}
    if a.trigger in groups and b.trigger in groups:
        kinds = {c.kind for c in a.cues} | {c.kind for c in b.cues}
        if "initial" in kinds and len(kinds) > 1:
            return False
        surveillance = [e for e in (a, b) if any(c.kind == "surveillance" and "nadzor" in c.reason for c in e.cues)]
        grants = [e for e in (a, b) if e.trigger == "grant"]
        if surveillance and grants:
            return False
        return not (a.trigger == "grant" and b.trigger == "grant" and a.date and b.date)
    return a.trigger == b.trigger and a.date is not None and b.date is not None
