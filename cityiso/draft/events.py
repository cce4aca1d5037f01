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
_INITIAL_WORDS = re.compile(
    r"au?d[iy][tc]\w*\s+(?<!re)certyfik(?:ac|uj)\w+|(?<!re)certyfik(?:acyjn|ując)\w*\s+au?d[iy][tc]\w*", re.IGNORECASE
)
# Audits told as a habit, not as one event: 'co roku przechodził audyty nadzoru', 'corocznie', 'w kolejnych latach'.
_HABIT = re.compile(r"\bco\s+roku\b|\bcoroczn\w*|\bw\s+(?:kolejnych|pozostałych|następnych)\s+latach\b", re.I)
# What is prepared or declined is no event: 'przygotowuje się do przejścia', 'postanowił nie przystępować do audytu'.
_NOT_AN_EVENT = re.compile(r"przygotow\w*\s+się\s+do\b|\bnie\s+(?:\w+\s+){0,2}do\s+au?d[iy]t", re.IGNORECASE)
# A transition to a new edition: 'przejście na normę ISO 9001:2015', 'audyt przejścia', 'przeszedł na nową wersję'.
_TRANSITION_WORDS = re.compile(
    r"przej(?:ści|ść)\w*\s+na\s+(?:now\w+\s+)?(?:wersj\w+\s+|wydani\w+\s+|edycj\w+\s+)?norm\w*"
    r"|au?d[iy]t\w*\s+przejści\w*|przesz(?:edł|ł)\w*\s+na\s+(?:now\w+\s+)?(?:wersj\w+|norm\w*|wydani\w+)",
    re.IGNORECASE,
)
# A caption under a photo tells no event of its own.
_CAPTION = re.compile(r"(?:^|\n)\s*(?:podpis pod zdjęciem|na zdjęciu|fot\.)|\(fot\.", re.IGNORECASE)
_GRANT = {
    "otrzymać",
    "otrzymywać",
    "przyznać",
    "przyznawać",
    "przyznanie",
    "uzyskać",
    "uzyskiwać",
    "nadać",
    "wydać",
    "wydanie",
}
_HANDOVER = {"odebrać", "odbierać", "wręczyć", "wręczać", "wręczenie", "odebranie", "przekazać", "przekazanie"}
# The end of a certification: not renewed, given up ('zaprzestanie utrzymywania', 'rezygnacja') is a lapse; a
# certificate that ran out with nothing said about renewal ('certyfikat wygasł') is an expiry.
_GIVEN_UP = re.compile(
    r"zaprzesta\w*|rezygn\w*|nie\s+(?:\w+\s+)?(?:odnowi|odnaw|przedłuż|ubiega)\w*",
    re.IGNORECASE,
)
# Past tense only: 'wygasła', 'utracił ważność'; 'wygasa', 'wygaśnie' tell a validity, not an event.
_RAN_OUT = re.compile(r"wygasł\w*|utracił\w*\s+ważnoś\w+|stracił\w*\s+ważnoś\w+", re.IGNORECASE)
_PRESENT = {"przedstawić", "zaprezentować", "prezentacja", "przedstawienie"}
_CEREMONY = {"uroczystość", "ceremonia", "gala"}
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
    issue_only: bool = False  # a certificate's issue date told by a participle ('wydany ... w dniu ...'): no row
    clause_of: int | None = None  # the start of the sentence this event's clause was cut from

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
    implemented = re.search(r"\b(?:wdra[żz]an|wdro[żz]on)\w*", t, re.IGNORECASE)
    granted = re.search(r"\b(?:otrzyma|uzyska)\w*", t, re.IGNORECASE)
    if implemented and granted and implemented.start() < granted.start():
        # 'system był wdrażany do marca 2012 r., a certyfikat urząd otrzymał w maju 2012 r.': the first certificate
        why = f"'{implemented.group(0)}' then '{granted.group(0)}': the certificate that crowned the implementation"
        out.append(Cue("initial", s.start + granted.start(), s.start + granted.end(), why))
    for m in _INITIAL_WORDS.finditer(t):
        out.append(Cue("initial", s.start + m.start(), s.start + m.end(), f"'{m.group(0)}' (certification audit)"))
    for m in _TRANSITION_WORDS.finditer(t):
        out.append(Cue("transition", s.start + m.start(), s.start + m.end(), f"'{m.group(0)}' (a new edition)"))
    for m in re.finditer(r"na (?:okres )?kolejn\w+ \d+ la\w+|nowy certyfikat\w*|trzeciej certyfikacji", t, re.I):
        out.append(Cue("recertification", s.start + m.start(), s.start + m.end(), f"'{m.group(0)}' (a new cycle)"))
    for m in re.finditer(r"kolejny rok", t, re.I):
        out.append(Cue("surveillance", s.start + m.start(), s.start + m.end(), f"'{m.group(0)}' (one more year)"))
    for m in re.finditer(r"pierwsz\w+ (?:\w+ ){0,3}certyfika\w*|po raz pierwszy|certyfikacj\w+ wstępn\w*", t, re.I):
        out.append(Cue("initial", s.start + m.start(), s.start + m.end(), f"'{m.group(0)}' (the first certificate)"))
    return out


def _trigger(s: Piece, lem: set[str]) -> str | None:
    t = s.text
    if _NOT_AN_EVENT.search(t) or _CAPTION.search(t):
        return None
    if "certyfikat" in lem or "certyfikacja" in lem or "system" in lem:
        if _GIVEN_UP.search(t) and (_RAN_OUT.search(t) or re.search(r"utrzymywa\w*|certyfika\w+|recertyfik", t, re.I)):
            return "lapse"
        if _RAN_OUT.search(t):
            return "expiry"
        if re.search(r"przeszedł\w* na norm\w*|przejści\w+ na norm\w*", t, re.I):
            return "transition"
    if lem & {"rada", "radny"} and "sesja" in lem and lem & (_PRESENT | {"wysłuchać", "zapoznać", "informacja"}):
        return "council"
    if ("certyfikat" in lem and lem & _HANDOVER) or re.search(r"z rąk\b", t):
        return "handover"
    audits = [m for m in AUDIT.finditer(t) if not _internal(t, m)]
    audits += list(re.finditer(r"\brecertyfikacj\w*", t, re.IGNORECASE))  # a recertification told by its noun
    if audits or (AUDITORS.search(t) and re.search(r"ocenion\w*|przeprowadz\w*|sprawdz\w+|odwiedz\w+|zbada\w*", t)):
        return "audit"
    if "certyfikat" in lem and (lem & _GRANT or {"nowy", "ważny"} <= lem):
        return "grant"  # 'Nowy certyfikat jest ważny do ...' tells a certificate granted
    if _RENEWAL_WORDS.search(t):
        return "grant"  # 'Certyfikat przedłużono w 2007 r.'
    return None


# A certificate named by a word pointing back: 'Ten drugi ... prezydent odebrał', 'wręczono go', 'odebrał je'.
_POINTING_BACK = re.compile(r"\b(?:[Tt]en\s+(?:drugi|pierwszy)|[Tt]ę\s+drug\w+|go|je|oba|obydwa)\b")


def _handover_of_the_one_before(t: str, lem: set[str], before: str) -> bool:
    """'Kielce mają certyfikaty ISO 9001 i ISO 37120. Ten drugi ... prezydent odebrał 15 maja 2019 r.': a handover
    verb whose certificate is a word pointing back to the sentence before, which names certificates."""
    return bool(lem & _HANDOVER and _POINTING_BACK.search(t) and re.search(r"certyfikat\w*", before, re.I))


def _granted(t: str) -> bool:
    """A verb of granting as a verb ('otrzymał', 'wydano', 'przyznanie'), not as the participle describing a
    certificate ('certyfikat wydany przez ...', which tells who issued it, no event)."""
    for w in lang.WORD.findall(t):
        readings = [(lem, tag.split(":")[0]) for lem, tag in lang.analyses(w)]
        if any(lem in _GRANT for lem, _ in readings) and not all(
            pos in ("ppas", "adj") for lem, pos in readings if lem in _GRANT
        ):
            return True
    return False


# Forms of a granting verb that tell the grant itself ('otrzymał', 'uzyskuje', 'wydano', 'został wydany'); a noun
# ('przyznanie', 'wydaniem') is what someone recommends or what an audit ended with, and dates no award on its own.
_AWARD_FORMS = ("praet", "fin", "imps", "ppas", "inf", "pred")


def dates_the_award(t: str) -> bool:
    """Whether a clause tells a certificate granted by a verb ('otrzymał certyfikat w 2010 r.', 'certyfikat wydany
    1.10.2009 r.'), so that its date is the certificate's issue or award; a clause telling an audit whose outcome was a
    grant ('po którym rekomendowali przyznanie certyfikatu') or a renewal ('zakończył się przedłużeniem') does not."""
    if not re.search(r"certyfika\w*", t, re.IGNORECASE):
        return False
    words = list(lang.WORD.finditer(t))
    for i, w in enumerate(words):
        tags = [tag.split(":")[0] for lem, tag in lang.analyses(w.group(0)) if lem in _GRANT]
        if tags and any(tag in _AWARD_FORMS for tag in tags):
            return True
        # 'kończy się wydaniem nowego certyfikatu': the issuing named by its noun, not recommended or applied for
        after = " ".join(x.group(0) for x in words[i + 1 : i + 3])
        if (
            "ger" in tags
            and re.match(r"(?:\w+\s+)?certyfikat", after, re.I)
            and not _RECOMMENDED.search(t[: w.start()])
        ):
            return True
    return False


# What precedes a grant that has not happened yet: 'rekomendowali przyznanie', 'wniosek o wydanie'.
_RECOMMENDED = re.compile(r"(?:rekomend|zarekomend|wnios|wnosi|ubiega|zalec|propon)\w*(?:\s+\w+){0,2}\s*$", re.I)


def _issue_words(t: str) -> bool:
    """'wydany przez ... w dniu ...': the certificate's issue told by a participle."""
    return any(lem in _GRANT and tag.startswith("ppas") for w in lang.WORD.findall(t) for lem, tag in lang.analyses(w))


def _internal(t: str, m: re.Match) -> bool:
    """'audyt wewnętrzny' or 'wewnętrzny audyt': the office's own audit, no event of the certification."""
    return bool(INTERNAL.match(t, m.end() + 1) or re.search(r"wewnętrzn\w*\s+$", t[: m.start()]))


def mentions(sentences: list[Piece], dates: list[DateExpr]) -> list[Event]:
    """One event mention per sentence that tells one; a list of years told of audits is one event a year."""
    out: list[Event] = []
    for s in _clauses(sentences, dates):
        parent = next((w for w in sentences if w.start <= s.start < w.end), s)
        lem = _lemmas(s.text)
        trigger = _trigger(s, lem)
        before = [w for w in sentences if w.end <= parent.start]
        if trigger is None and _handover_of_the_one_before(s.text, lem, before[-1].text if before else ""):
            trigger = "handover"
        listed_here = any(s.start <= d.start < s.end and d.group is not None for d in dates)
        if trigger == "audit" and _HABIT.search(s.text) and not listed_here:
            continue
        if not trigger:
            cues = [c for c in _cues(s) if c.kind == "initial"]
            if cues and out and not out[-1].planned:
                out[-1].cues += cues  # 'Była to pierwsza certyfikacja urzędu.' after the audit it describes
            when = _issue_date(s, dates)
            if when and lem & _CEREMONY and out and out[-1].trigger in ("handover", "council") and not out[-1].date:
                out[-1].date = when  # 'Uroczystość odbyła się 15 maja 2019 r.' dates the handover before it
                out[-1].sentences.append(s)
            continue
        if trigger == "grant" and lem & _GRANT and not _granted(s.text) and not listed_here and not _cues(s):
            issue = _issue_date(s, dates)
            if issue:  # 'certyfikat ..., wydany przez LRQA w dniu 1.10.2009 r.': the issue date, no event told
                out.append(Event("grant", [s], date=issue, grant=True, issue_only=True))
                continue
        planned = bool(re.search(r"odbędzie się|zostanie przeprowadzon\w*|nastąpi", s.text)) or bool(lem & _PLANNED)
        ev = Event(trigger, [s], planned=planned, cues=_cues(s))
        ev.clause_of = parent.start if parent.start != s.start or parent.end != s.end else None
        ev.grant = trigger == "grant" or bool(lem & _GRANT and "certyfikat" in lem)
        own = [
            d
            for d in dates
            if s.start <= d.start < s.end and d.lead not in ("do", "od") and d.value != "" and not _validity_date(s, d)
        ]
        listed = [d for d in own if d.group is not None]
        own = [d for d in own if d.group is None]
        own = [d for d in own if not _edition_year(s, d)]
        if own:
            ev.date = own[0]
        elif (
            out
            and out[-1].date
            and out[-1].clause_of == parent.start != s.start
            and _JOINED_AUDIT.search(parent.text[: s.start - parent.start + 12])
        ):
            ev.date = out[-1].date  # the audit joined to the one before it, on its date
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
        d = before[0]
        cue = Cue("initial", d.start, d.end, f"'{d.words}' dates the first certificate, before the renewals")
        out.append(Event("grant", [s], cues=[cue], date=d, grant=True))
    planned = ev.planned
    for d in listed:
        out.append(Event("audit", [s], planned=planned, cues=list(last_cue), date=d, chain=True))
    return out


def _edition_year(s: Piece, d: DateExpr) -> bool:
    """'normy z 2008 r.': a year naming an edition, not a date of the event."""
    before = s.text[: d.start - s.start][-25:]
    edition = re.search(r"(?:norm\w*|wersj\w*|wydani\w*|edycj\w*)\s+(?P<z>z\s*)?$", before)
    return d.precision == "year" and bool(edition) and bool(edition.group("z") or d.lead == "z")


def _issue_date(s: Piece, dates: list[DateExpr]) -> DateExpr | None:
    return next(
        (d for d in dates if s.start <= d.start < s.end and d.value and d.lead not in ("do", "od") and d.group is None),
        None,
    )


# Where one sentence tells two events ('Audyt przeprowadzili w październiku 2001 r., a certyfikat wręczono 28
# listopada 2001 r.'), each clause is read on its own.
_CLAUSE = re.compile(r",\s+a\s+(?!także)|;\s+|,\s+(?=przeprowadzon\w+\b)")


# 'audyt przejścia ..., połączony z audytem nadzoru ...': two audits of one date, the second on the first's date
_JOINED_AUDIT = re.compile(r",?\s+(?:połączon\w*|wraz)\s+z\s+(?=au?d[iy](?:t|cie)\w*)", re.IGNORECASE)


def _clauses(sentences: list[Piece], dates: list[DateExpr]) -> list[Piece]:
    """The sentences, a sentence that tells two events cut into its clauses."""
    out = []
    for s in sentences:
        joined = _JOINED_AUDIT.search(s.text)
        if joined and AUDIT.search(s.text[: joined.start()]):
            out.append(Piece(s.start, s.start + joined.start(), s.text[: joined.start()]))
            out.append(Piece(s.start + joined.end(), s.end, s.text[joined.end() :]))
            continue
        own = [d for d in dates if s.start <= d.start < s.end and d.value and d.lead not in ("do", "od")]
        cuts = [m for m in _CLAUSE.finditer(s.text)]
        if len({d.value for d in own if d.group is None}) < 2 or not cuts:
            out.append(s)
            continue
        pieces, start = [], 0
        for m in cuts:
            pieces.append((start, m.start()))
            start = m.end()
        pieces.append((start, len(s.text)))
        parts = [Piece(s.start + a, s.start + b, s.text[a:b]) for a, b in pieces if s.text[a:b].strip()]
        dated = [p for p in parts if any(p.start <= d.start < p.end for d in own)]
        if len(dated) < 2:
            out.append(s)
            continue
        out += parts
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
    if a.clause_of is not None and a.clause_of == b.clause_of:
        return False  # two clauses of one sentence were cut apart because they tell two events
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
    if a.trigger != b.trigger:
        return False
    # a second mention of a handover, a lapse or an expiry without its own date is the same event
    return (a.date is not None and b.date is not None) or a.trigger in ("handover", "council", "lapse", "expiry")
