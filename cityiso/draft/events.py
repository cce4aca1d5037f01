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
_GRANT = {"otrzymać", "otrzymywać", "przyznać", "przyznawać", "przyznanie", "uzyskać", "nadać", "wydać", "wydanie"}
_HANDOVER = {"odebrać", "wręczyć", "wręczenie", "odebranie"}
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

    trigger: str  # audit | grant | handover | council | lapse | transition
    sentences: list[Piece]
    planned: bool = False
    cues: list[Cue] = field(default_factory=list)
    date: DateExpr | None = None
    ordinal: tuple[int, int, int] | None = None  # (value, start, end)
    grant: bool = False

    @property
    def kind(self) -> tuple[str, str]:
        """(kind, reason): the cues' kind when they agree, unspecified when they conflict or are silent."""
        fixed = {
            "handover": "handover",
            "council": "council_presentation",
            "lapse": "lapse",
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
    for m in re.finditer(r"recertyfik\w*|ponown\w*|po raz (?:drugi|trzeci|czwarty|piąty|kolejny)", t, re.I):
        out.append(Cue("recertification", s.start + m.start(), s.start + m.end(), f"'{m.group(0)}' (renewal)"))
    for m in re.finditer(r"na (?:okres )?kolejn\w+ \d+ la\w+|nowy certyfikat\w*|trzeciej certyfikacji", t, re.I):
        out.append(Cue("recertification", s.start + m.start(), s.start + m.end(), f"'{m.group(0)}' (a new cycle)"))
    for m in re.finditer(r"kolejny rok", t, re.I):
        out.append(Cue("surveillance", s.start + m.start(), s.start + m.end(), f"'{m.group(0)}' (one more year)"))
    for m in re.finditer(r"pierwsz\w+ certyfikat\w*|po raz pierwszy|certyfikacj\w+ wstępn\w*", t, re.I):
        out.append(Cue("initial", s.start + m.start(), s.start + m.end(), f"'{m.group(0)}' (the first certificate)"))
    return out


def _trigger(s: Piece, lem: set[str]) -> str | None:
    t = s.text
    if "certyfikat" in lem or "certyfikacja" in lem:
        if re.search(r"nie (?:odnowion|przedłużon)\w*|wygasł\w*", t, re.I):
            return "lapse"
        if re.search(r"przeszedł\w* na norm\w*|przejści\w+ na norm\w*", t, re.I):
            return "transition"
    if "rada" in lem and "sesja" in lem and lem & _PRESENT:
        return "council"
    if ("certyfikat" in lem and lem & _HANDOVER) or re.search(r"z rąk\b", t):
        return "handover"
    audits = [m for m in AUDIT.finditer(t) if not INTERNAL.match(t, m.end() + 1)]
    if audits or (AUDITORS.search(t) and re.search(r"ocenion\w*|przeprowadzi\w*", t)):
        return "audit"
    if "certyfikat" in lem and (lem & _GRANT or {"nowy", "ważny"} <= lem):
        return "grant"  # 'Nowy certyfikat jest ważny do ...' tells a certificate granted
    return None


def mentions(sentences: list[Piece], dates: list[DateExpr]) -> list[Event]:
    """One event mention per sentence that tells one."""
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
        if own:
            ev.date = own[0]
        sv = SURVEILLANCE.search(s.text)
        if sv and sv.group("ord") and _ordinal(sv.group("ord")):
            ev.ordinal = (_ordinal(sv.group("ord")), s.start + sv.start("ord"), s.start + sv.end("ord"))
        out.append(ev)
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
