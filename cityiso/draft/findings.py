"""Findings: each bullet of an evaluative list, each item of a prose list in the report's voice, statements of
confirmed conformity, and what the text says about nonconformities; voice, clause and theme suggested."""

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from cityiso.draft import clause_lexicon, lang, theme_lexicon
from cityiso.draft.known import Known
from cityiso.draft.text import BULLET, Piece
from cityiso.draft.units import last_sentence

_PRAISE = {
    "docenić",
    "doceniać",
    "wyróżnić",
    "wyróżniać",
    "podkreślić",
    "podkreślać",
    "pochwalić",
    "chwalić",
    "wskazać",
    "wskazywać",
    "wymienić",
    "wymieniać",
    "zauważyć",
    "uznać",
    "zwrócić",
    "zwracać",
}
_NONCONF = {"niezgodność"}
_RECOMMEND = {"zalecić", "zalecać", "zalecenie", "rekomendować", "rekomendacja"}
_REPORT = re.compile(r"\b(?:rapor[tc]\w*|au?d[iy]tor\w*|au?d[iy](?:t|cie)\w*|zdaniem)\b", re.IGNORECASE)
_BODY_SPEAKER = re.compile(r"\b(?:prezes\w*|przedstawiciel\w*|dyrektor\w*)\b", re.IGNORECASE)
_NEG = re.compile(r"\b(?:nie|bez|brak\w*|żadn\w+|zero)\b", re.IGNORECASE)
_NUMERALS = {"jeden": 1, "dwa": 2, "trzy": 3, "cztery": 4, "pięć": 5, "sześć": 6, "siedem": 7, "osiem": 8}
_SPLIT = re.compile(r"\s+oraz\s+|,\s+a także\s+")
_CONTENT_POS = ("subst", "adj", "ger", "fin", "praet", "inf", "pact", "ppas", "depr")


@dataclass
class Finding:
    """A drafted finding: kind, voice, its passages, and the clause heading over it (if any)."""

    kind: str
    voice: str
    voice_reason: str
    item: tuple[int, int]
    heading: tuple[int, int] | None = None
    heading_clause: tuple[str, str] | None = None  # (clause, heading words)
    lead: tuple[int, int] | None = None
    event_sentence: int = 0  # offset of the sentence that ties it to an event
    confidence: float = 0.8
    parts: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Nonconformities:
    count: int
    span: tuple[int, int]
    reason: str


def _lem(text: str) -> set[str]:
    return {lem for w in lang.WORD.findall(text) for lem in lang.lemmas(w)}


# An official of the office: when one speaks and no auditor or report is cited, the office speaks of itself.
_OFFICIAL = re.compile(
    r"\b(?:burmistrz\w*|prezydent\w*|wójt\w*|staro(?:st|ści)\w*|marszał\w*|sekretarz\w*|skarbnik\w*|naczelni\w*"
    r"|pełnomocni\w*|kierowni\w*|zastęp\w+|włodarz\w*)\b",
    re.IGNORECASE,
)
_AUDITORS_SAY = re.compile(r"\b(?:au?d[iy]tor\w*|rapor[tc]\w*|zdaniem\s+au?d[iy]tor\w*)\b", re.IGNORECASE)


def _voice(lead_text: str) -> tuple[str, str]:
    official = _OFFICIAL.search(lead_text)
    if official and not _AUDITORS_SAY.search(lead_text):
        return "office", f"An official of the office speaks ('{official.group(0)}'), citing no auditor or report."
    if _BODY_SPEAKER.search(lead_text) and not _REPORT.search(lead_text):
        return "certification_body", "The certification body's representative speaks."
    if _REPORT.search(lead_text):
        return "auditor", f"The passage cites the auditors or their report ('{_REPORT.search(lead_text).group(0)}')."
    return "office", "No auditor, report or body is cited: the office speaks about itself."


_UNITS_VERBS = {"objąć", "obejmować", "audytować", "auditować", "odwiedzić", "poddać", "skontrolować"}
_UNITS_NOUNS = {"wydział", "komórka", "jednostka", "referat", "biuro", "obszar", "stanowisko"}
_CONFIRM = {"potwierdzić", "potwierdzać", "stwierdzić", "stwierdzać", "wykazać", "wykazywać"}


def is_units_lead(lead_text: str) -> bool:
    """A lead of a list of audited units ('Audytem objęto:', 'Audytorzy odwiedzili następujące wydziały:')."""
    lem = _lem(lead_text)
    return bool(lem & _UNITS_VERBS or (lem & _UNITS_NOUNS and lem & {"sprawdzić", "badać", "zbadać"}))


def _kind_of_lead(lead_text: str) -> str | None:
    lem = _lem(lead_text)
    if lem & _NONCONF:
        return "nonconformity"
    if lem & _RECOMMEND:
        return "recommendation"
    if is_units_lead(lead_text):
        return "units"  # a list of audited units: audited_units rows, no findings
    if re.search(r"spostrzeże|obserwacj", lead_text, re.IGNORECASE):
        return "observation"
    if lem & _CONFIRM and not lem & _PRAISE:
        return "confirmed_conformity"
    if lem & _PRAISE or re.search(r"dobr\w+ praktyk\w*", lead_text):
        return "praise"
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """An item without its dash or bullet (a number stays: it names the item) and without the list's trailing
    punctuation; a sentence (capital first letter) keeps its full stop."""
    m = BULLET.match(text, start)
    if m and not re.match(r"[ \t]*(?:\d|[a-z]\))", text[start:]):
        start = m.end()
    while end > start and text[end - 1] in " \t\n,;":
        end -= 1
    body = re.sub(r"^\d{1,2}[).]\s*", "", text[start:end])
    if end > start and text[end - 1] == "." and not body[:1].isupper():
        end -= 1
    return start, end


def clause_headings(k: Known) -> list[tuple[list[frozenset[str]], str]]:
    """The 2015 clause headings of clauses.csv as lemma sets per word, with their clause."""
    return [
        ([lang.lemmas(w) for w in lang.WORD.findall(c["label_pl"])], c["clause"])
        for c in k.clauses
        if c["standard_id"] == "iso9001-2015" and "." not in c["clause"]
    ]


def _heading_clause(line: str, k: Known) -> str | None:
    """The clause of a heading 'w zakresie <clause heading>:' (every word shares a lemma with the heading's)."""
    m = re.match(r"\s*w zakresie\s+(.+?):\s*$", line, re.IGNORECASE)
    if not m:
        return None
    words = [lang.lemmas(w) for w in lang.WORD.findall(m.group(1))]
    for label, clause in clause_headings(k):
        if len(label) == len(words) and all(any(a & b for b in label) for a in words):
            return clause
    return None


def bullet_lists(text: str, k: Known) -> list[Finding]:
    """Every item of a list whose lead says the auditors praised, found or recommended something."""
    out: list[Finding] = []
    lines = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"^.*$", text, re.MULTILINE)]
    lead = None  # (start, end, kind, voice, reason)
    heading = None
    item: list[int] | None = None
    blank = False

    def close():
        nonlocal item
        if item and lead and lead[2] != "units":
            s, e = _trim(text, item[0], item[1])
            kind = lead[2]
            if kind in ("confirmed_conformity", "praise"):
                # 'W wyniku audytu stwierdzono:' over 'a) jedną niezgodność ...', 'b) trzy spostrzeżenia ...'
                kind = next((k for pat, k in _ITEM_KIND if pat.search(text[s:e])), kind)
            if e > s:
                out.append(
                    Finding(
                        kind,
                        lead[3],
                        lead[4],
                        (s, e),
                        heading[:2] if heading else None,
                        (heading[2], text[heading[0] : heading[1]]) if heading and heading[2] else None,
                        (lead[0], lead[1]),
                    )
                )
        item = None

    for start, end, line in lines:
        stripped = line.strip()
        if not stripped:
            blank = True
            continue
        after_blank, blank = blank, False
        inline = re.search(r":\s*(?=(?:\d{1,2}\)|[-–•])\s)", line)
        if stripped.endswith(":") or inline:
            close()
            kind = _kind_of_lead(last_sentence(line))
            hc = _heading_clause(line, k)
            if hc and lead:
                heading = (start + len(line) - len(line.lstrip()), end, hc)
                continue
            if kind:
                v, why = _voice(line)
                lead = (start, end, kind, v, why)
                heading = None
                if inline:
                    item = [start + inline.end(), end]
                continue
            lead, heading = None, None
            continue
        if BULLET.match(line):
            close()
            item = [start, end]
            if heading and not any(f.heading == heading[:2] for f in out):
                item = [heading[0], end] if _first_after(text, heading[1], start) else item
            continue
        ended = item is not None and text[item[0] : item[1]].rstrip().endswith(".") and stripped[:1].isupper()
        if item is not None and lead and not after_blank and not ended:
            item[1] = end  # a wrapped line of the item
            continue
        close()
        lead, heading = None, None
    close()
    return out


def _first_after(text: str, heading_end: int, start: int) -> bool:
    return not text[heading_end:start].strip()


# Speech reported with a dash: '– ... – powiedział nam audytor wiodący.' The speaker's words around it are theirs.
_SAID = re.compile(
    r"[–—-]\s*(?:mówi|powiedział|podkreśla|podkreślił|dodaje|dodał|ocenia|ocenił|przyznaje|przyznał|zaznacza|zaznaczył"
    r"|stwierdził|stwierdza|wyjaśnia|wyjaśnił|tłumaczy)\w*\s+(?P<who>.{0,80}?)[.,]?\s*$",
    re.IGNORECASE,
)
_GOOD = {
    "dobrze",
    "dobry",
    "sprawnie",
    "sprawny",
    "czytelny",
    "wzorowy",
    "wzorowo",
    "cenić",
    "oceniać",
    "staranny",
    "mocny",
}
_ADVISE = re.compile(r"\b(?:powin(?:ien|na|no|ni)|należy|warto|trzeba)\b", re.IGNORECASE)
_ABOUT_CERTIFICATE = re.compile(
    r"(?:zarekomend|rekomend|zalec)\w*\s+(?:\w+\s+){0,2}(?:utrzymani|wydani|przyznani|przedłużeni|certyfika)\w*", re.I
)
_PER_REPORT = re.compile(r"^(?:Według\s+(?:raportu|audytorów|audytora)|W\s+ocenie\s+audytor\w*|Zdaniem\s+audytor\w*)\b")
# A lead naming its one item after a colon: 'W raporcie zapisano jedno spostrzeżenie: należy ...'.
_NAMED_ITEM = re.compile(
    r"(?P<noun>spostrzeże\w*|obserwacj\w*|zaleceni\w*|rekomendacj\w*|niezgodnoś\w*)(?:\s+\w+){0,2}\s*:\s*"
    r"(?P<item>\S.*)$",
    re.IGNORECASE,
)
_ITEM_KIND = (
    (re.compile(r"niezgodnoś", re.I), "nonconformity"),
    (re.compile(r"spostrzeże|obserwacj", re.I), "observation"),
    (re.compile(r"zaleceni|zalec|rekomendacj", re.I), "recommendation"),
)
# Clauses of one sentence that are items of their own: ', a ...', ' oraz ', ', a także ', and ', i' or ' i' before a
# second verb ('potwierdził zgodność ... i zarekomendował ...').
_CLAUSE_CUT = re.compile(
    r",\s+a\s+(?!także)|,?\s+(?:i|a)\s+(?=(?:nie\s+)?\w+(?:ł|li|ły|ło)\b)|,\s+(?:zgodnie|któr\w+|co)\b|;\s+"
)
# A praised item keeps its relative clause ('zespół ..., który prowadzi ćwiczenia'): it says what is praised.
_PRAISE_CUT = re.compile(r",\s+a\s+(?!także)|,?\s+(?:i|a)\s+(?=(?:nie\s+)?\w+(?:ł|li|ły|ło)\b)|;\s+")
# Verbs whose object is what is praised: with two or more things named, each item is the thing alone ('Audytorzy
# docenili m.in. X i Y': X, Y); a verb that only lists ('wymienia', 'wskazuje') leaves its praise in the lead.
_PRAISING = {"docenić", "doceniać", "wyróżnić", "wyróżniać", "podkreślić", "podkreślać", "pochwalić", "chwalić"}
_AFTER_VERB = re.compile(
    r"(?:\s+(?:się|m\.\s?in\.|między\s+innymi|także|również|przede\s+wszystkim|w\s+szczególności|szczególnie))*\s+"
)
# A speaker crediting the audited offices with an achievement ('Te urzędy pokazały, że ...', 'Gmina wdrożyła ...').
_CREDIT = re.compile(
    r"(?:(?:Te|Ten|Ta|Oba|Obie|Wszystkie)\s+)?(?:Urz[ąę]d\w*|Gmin\w*|Starostw\w*|Magistrat\w*|Samorząd\w*)\s+"
    r"(?:\w+\s+)?(?:pokazał|udowodnił|dowiódł|dowiodł|wykazał|osiągnął|osiągnęł|wdrożył)\w*",
    re.IGNORECASE,
)
# An impersonal recommendation ('Zalecono, by ...') has no speaker but the audit, whoever it names.
_IMPERSONAL_ADVICE = re.compile(r"\b(?:zalecono|rekomendowano|zarekomendowano)\b", re.IGNORECASE)
# A certification body writing of its own audit in the first person plural ('przeprowadziliśmy audyt'), and its
# judgement in the same voice ('cenimy', 'dla nas przykład'): the body's praise.
_WE_AUDITED = re.compile(
    r"\b(?:przeprowadziliśmy|certyfikowaliśmy|audytowaliśmy|wydaliśmy|przyznaliśmy|nasi\s+au?d[iy]torzy"
    r"|naszych\s+au?d[iy]tor\w*)\b",
    re.IGNORECASE,
)
_WE_VALUE = re.compile(
    r"\b(?:cenimy|doceniamy|podkreślamy|wyróżniamy|dla\s+nas\s+(?:\w+\s+)?(?:przykład\w*|wzor\w*)"
    r"|naszym\s+zdaniem)\b",
    re.IGNORECASE,
)


def _speeches(sentences: list[Piece]) -> dict[int, str]:
    """Each sentence of a speech reported with a dash ('– ... – mówi nam audytor wiodący.'), by its start, with the
    words naming the speaker; the next sentence whose verb has no subject ('Zwrócił też uwagę ...') is theirs too."""
    out: dict[int, str] = {}
    open_: list[Piece] = []
    last_speaker = None
    for s in sentences:
        t = s.text.strip()
        if t[:1] in "–—„" or (open_ and not out.get(open_[-1].start)):
            open_.append(s)
        said = _SAID.search(t)
        if said and open_:
            for p in open_:
                out[p.start] = said.group("who")
            open_ = []
            last_speaker = said.group("who")
            continue
        if last_speaker and re.match(r"(?:Zwrócił|Podkreślił|Docenił|Dodał|Wskazał|Wyróżnił)\w*\b", t):
            out[s.start] = last_speaker
            continue
        if not open_:
            last_speaker = None
    return out


def _speaker_voice(who: str) -> tuple[str, str] | None:
    if AUDITORS_WORD.search(who):
        return "auditor", f"The auditor speaks ('{who.strip()}')."
    if _BODY_SPEAKER.search(who):
        return "certification_body", f"The certification body's representative speaks ('{who.strip()}')."
    return None


AUDITORS_WORD = re.compile(r"\bau?d[iy]tor\w*", re.IGNORECASE)


def _items(s: Piece, start: int, cut: re.Pattern) -> list[tuple[int, int]]:
    """The items of a sentence from start, cut where another clause or list item begins."""
    out = []
    a = start
    for m in [*[m for m in cut.finditer(s.text) if s.start + m.start() > start], None]:
        b = s.start + m.start() if m else s.end
        x, y = _trim_sentence(s, a, b)
        if y > x and len(lang.WORD.findall(s.text[x - s.start : y - s.start])) >= 2:
            out.append((x, y))
        if m:
            a = s.start + m.end()
    return out


def _cases(word: str, pos: tuple[str, ...] = ("subst", "ger")) -> set[str]:
    return {c for _l, t in lang.analyses(word) if t.split(":")[0] in pos for c in t.split(":")[2].split(".")}


def _and_items(s: Piece, a: int, b: int) -> list[tuple[int, int]]:
    """'docenili standardy obsługi w Sali Obsługi i dostępność usług': two things praised, cut at ' i ' where the
    noun after it stands in the case of the first thing named after the praise verb (not 'przyjmowania i
    rozpatrywania skarg', a genitive inside one thing)."""
    words = list(lang.WORD.finditer(s.text[a - s.start : b - s.start]))
    verb = next((i for i, w in enumerate(words) if lang.lemmas(w.group(0)) & _PRAISE), None)
    if verb is None:
        return [(a, b)]
    head = next((w for w in words[verb + 1 :] if _cases(w.group(0)) & {"acc"}), None)
    if head is None:
        return [(a, b)]
    out, start = [], a
    for m in re.finditer(r"\s+i\s+(?=(\w+))", s.text[a - s.start : b - s.start]):
        at = a + m.start()
        left_words = len(lang.WORD.findall(s.text[start - s.start : at - s.start]))
        after = _cases(m.group(1))
        # an accusative that cannot be a genitive ('dostępność', not 'kierownictwa' of 'aktywność prezydenta i ...')
        if at > a + head.end() and left_words >= 3 and after & {"acc"} & _cases(head.group(0)) and "gen" not in after:
            out.append((start, at))
            start = a + m.end()
    out.append((start, b))
    return [_trim_sentence(s, x, y) for x, y in out]


def prose(sentences: list[Piece]) -> list[Finding]:
    """Items of a sentence in which the auditors (their report, or a certification body's representative) praise,
    recommend or observe something, cut into clauses and list items; the first item keeps the sentence's lead (its
    voice). What an official of the office says of it is the office about itself: no finding."""
    out = []
    speech = _speeches(sentences)
    we_audited = any(_WE_AUDITED.search(s.text) for s in sentences)
    for s in sentences:
        listed = BULLET.match(s.text) and s.start not in speech  # a dash opening a speech is no bullet
        if s.text.rstrip().endswith(":") or listed or re.search(r":\s*(?:\d{1,2}\)|[-–•])\s", s.text):
            continue
        lem = _lem(s.text)
        named = _NAMED_ITEM.search(s.text)
        if named and _REPORT.search(s.text[: named.start()]):
            kind = next(k for pat, k in _ITEM_KIND if pat.search(named.group("noun")))
            x, y = _trim_sentence(s, s.start + named.start("item"), s.end)
            out.append(
                Finding(kind, "auditor", "The report's own item.", (x, y), lead=(s.start, s.end), confidence=0.6)
            )
            continue
        who = speech.get(s.start)
        spoken = _speaker_voice(who) if who else None
        per_report = _PER_REPORT.match(s.text.strip())
        body_says = _BODY_SPEAKER.search(s.text) and lem & _PRAISE and re.search(r",\s+że\s+", s.text)
        advice = (lem & _RECOMMEND or _ADVISE.search(s.text)) and not _ABOUT_CERTIFICATE.search(s.text)
        praised = lem & _PRAISE or re.search(r"\bzdaniem\b", s.text, re.I) or per_report
        if spoken:
            v, why = spoken
            credit = _CREDIT.match(s.text.lstrip('–—„" \t'))
            if not (praised or advice or lem & _GOOD or credit) or _NEG_FINDING.search(s.text):
                continue
        elif we_audited and _WE_VALUE.search(s.text) and not _NEG_FINDING.search(s.text):
            v, why = "certification_body", "The certification body, which audited ('we'), judges in its own voice."
            praised = True
        elif body_says and not _REPORT.search(s.text):
            v, why = "certification_body", "The certification body's representative speaks."
        elif _REPORT.search(s.text) and (praised or advice):
            v, why = _voice(s.text)
        elif advice and lem & _RECOMMEND and (_IMPERSONAL_ADVICE.search(s.text) or not _OFFICIAL.search(s.text)):
            v, why = "auditor", "A recommendation, which an audit gives ('zalecono')."
        else:
            continue
        if v == "office":
            continue  # the office about itself (docs/CURATION.md#findings)
        kind = "recommendation" if advice and not (lem & _PRAISE) else "praise"
        start = s.start
        if body_says and v == "certification_body":
            start = s.start + re.search(r",\s+że\s+", s.text).end()
        elif per_report:
            start = s.start + per_report.end()
            start += len(s.text[start - s.start :]) - len(s.text[start - s.start :].lstrip())
        s_cut = s
        if spoken:
            # the speech's own words: its opening dash or quotation mark and the attribution ('– mówi audytor') left out
            start = s.start + len(s.text) - len(s.text.lstrip("–—„ \t"))
            said = _SAID.search(s.text)
            if said:
                words = s.text[: said.start()].rstrip(' \t”"')
                s_cut = Piece(s.start, s.start + len(words), words)
        cut = (_PRAISE_CUT if kind == "praise" else _CLAUSE_CUT) if not praised or per_report or spoken else _SPLIT
        if _NEG_FINDING.search(s.text):
            cut = _NEG_CUT  # 'nie stwierdzili niezgodności, zwrócili natomiast uwagę na ...': the praise apart
        spans = _items(s_cut, start, cut if kind == "praise" else _SPLIT) or [(start, s_cut.end)]
        if kind == "praise" and lem & _PRAISE:
            spans = [part for a, b in spans for part in _and_items(s, a, b)]
        if len(spans) > 1 and spans[0][0] == start:
            spans[0] = _after_praising_verb(s, *spans[0])
        for a, b in spans:
            item_kind = kind
            words = s.text[a - s.start : b - s.start]
            if _ADVISE.search(words) or (lem & _RECOMMEND and kind != "praise"):
                item_kind = "recommendation"
            if re.search(r"niezgodnoś", words, re.I) and not _NEG.search(words.split("niezgodno")[0][-25:]):
                item_kind = "nonconformity"  # 'Audytorzy wskazali jedną niezgodność drobną, ...'
            elif re.search(r"niezgodnoś", words, re.I):
                continue  # 'nie stwierdzili niezgodności': what nonconformities() counts, no finding
            out.append(Finding(item_kind, v, why, (a, b), lead=(s.start, s.end), confidence=0.6))
    return out


def _after_praising_verb(s: Piece, a: int, b: int) -> tuple[int, int]:
    """The first of several praised things without the lead before it: from after a praising verb ('wyróżnili',
    'podkreśla się m.in.'), when the item holds one."""
    for w in lang.WORD.finditer(s.text, a - s.start, b - s.start):
        if lang.lemmas(w.group(0)) & _PRAISING:
            after = _AFTER_VERB.match(s.text, w.end())
            x = s.start + (after.end() if after else w.end())
            if len(lang.WORD.findall(s.text[x - s.start : b - s.start])) >= 2:
                return x, b
            break
    return a, b


_NEG_CUT = re.compile(r",\s+a\s+(?!także)|,\s+(?=(?:jako\s+\w+\s+\w+\s+)?\w+(?:ł|li|ły|ło)\b)|\s+oraz\s+", re.I)
_NEG_FINDING = re.compile(r"\bnie\s+stwierdzi\w*|\bniezgodnoś", re.IGNORECASE)


def _trim_sentence(s: Piece, start: int, end: int) -> tuple[int, int]:
    text_end = end
    body = s.text[start - s.start : end - s.start]
    if start != s.start:
        # A later item: no lead words before it.
        pass
    while text_end > start and s.text[text_end - s.start - 1] in " ,;":
        text_end -= 1
    if s.text[text_end - s.start - 1] == "." and not body[:1].isupper():
        text_end -= 1
    return start, text_end


_CONFORMING = {
    "zdolność",
    "zgodność",
    "wymaganie",
    "skuteczność",
    "skuteczny",
    "skutecznie",
    "spełniać",
    "zgodny",
    "utrzymywać",
    "utrzymywany",
    "funkcjonować",
    "doskonalić",
    "doskonalony",
}


def conformity(sentences: list[Piece]) -> list[Finding]:
    """Statements that the audit confirmed the system's conformity or effectiveness ('Audytor potwierdził, że system
    jest skutecznie utrzymywany'), the clause that says it (not the recommendation that follows it)."""
    out = []
    previous = False
    for s in sentences:
        lem = _lem(s.text)
        if len(s.text) < 80 and not re.search(r"[.!?;:,]\W*$", s.text):
            previous = False
            continue  # a heading ('Audyt potwierdził skuteczność systemu'): the page's title, no finding
        if not (_REPORT.search(s.text) or previous):
            previous = False
            continue
        verb = lem & {"potwierdzić", "potwierdzać", "stwierdzić", "stwierdzać", "wykazać"}
        what = lem & {"system", "zgodność"}
        # 'ocenił system jako skuteczny', 'ocenili, że urząd spełnia wymagania': a judgement, not 'został oceniony'
        judged = lem & {"ocenić", "oceniać"} and re.search(r"jako\s+skuteczn|,\s+że\s+.*(?:spełnia|skuteczn)", s.text)
        confirmed = ((verb and what) or judged) and lem & _CONFORMING and not lem & _NONCONF
        evidence = "dowód" in lem and lem & {"skuteczny", "funkcjonowanie", "skuteczność"}
        if confirmed or evidence:
            items = _items(s, s.start, _CLAUSE_CUT) if confirmed else []
            span = items[0] if items else (s.start, s.end)
            out.append(
                Finding(
                    "confirmed_conformity",
                    "auditor",
                    "An audit result stated in the report's terms.",
                    span,
                    confidence=0.6,
                )
            )
        previous = bool(confirmed or evidence)
    return out


def nonconformities(sentences: list[Piece]) -> list[Nonconformities]:
    """What the text says about nonconformities: none (0) or a number."""
    out = []
    for s in sentences:
        m = re.search(r"niezgodno\w*", s.text, re.IGNORECASE)
        if not m:
            continue
        before = s.text[: m.start()]
        number = re.search(r"(\d+)\s+(?:\w+\s+)?$", before)
        words = [w for w in lang.WORD.findall(before)[-3:]]
        spoken = next((_NUMERALS[lem] for w in words for lem in lang.lemmas(w) if lem in _NUMERALS), None)
        lead = len(s.text) - len(s.text.lstrip("–—-„\"' \t"))  # a dialogue dash or opening quote
        span = (s.start + lead, s.end)
        if _NEG.search(before[-30:] + s.text[m.start() : m.end()]):
            out.append(Nonconformities(0, span, "The text says there were none."))
        elif number:
            out.append(Nonconformities(int(number.group(1)), span, "The number of nonconformities is written."))
        elif spoken:
            out.append(Nonconformities(spoken, span, "The number of nonconformities is written as a word."))
    return out


# Clause and theme: nearest curated examples and codebook definitions by content lemmas (cosine, idf-weighted).


def content_lemmas(text: str) -> list[str]:
    """The lemma of each content word; a verbal noun or participle that is also a noun ('zaangażowanie',
    'doskonalenie') takes its verb's lemma, as 'zaangażowani' and 'doskonalony' do, so that the forms meet."""
    out = []
    for w in lang.WORD.findall(text):
        if len(w) < 3:
            continue
        # the older spelling 'audit', 'auditor' is the word 'audyt'
        found = [(lem.lower(), tag.split(":")[0]) for lem, tag in lang.analyses(re.sub(r"^(?i:audit)", "audyt", w))]
        verbal = [lem for lem, pos in found if pos in _VERBAL]
        cands = verbal or [lem for lem, pos in found if pos in _CONTENT_POS]
        if cands:
            out.append(cands[0])
        elif not found or all(pos == "ign" for _lem, pos in found):
            out.append(w.lower())  # a word the dictionary does not know; a known function word ('się', 'przez') is none
    return out


_VERBAL = ("ger", "ppas", "pact")


# Words that speak of the management system as a whole, or name the finding's kind, point to no clause: 'system
# spełnia wymagania normy' is a general statement of conformity (docs/CURATION.md#clauses: no clause), and
# 'niezgodność dotycząca nadzoru nad zapisami' is about records (7.5), not about nonconformity handling (10.2).
GENERAL_LEMMAS = frozenset(
    {
        "system",
        "norma",
        "wymagać",
        "wymaganie",
        "wymagania",
        "zgodność",
        "zgodny",
        "skuteczny",
        "skutecznie",
        "skuteczność",
        "spełniać",
        "spełnić",
        "urząd",
        "niezgodność",
        "spostrzeżenie",
        "obserwacja",
        "zalecenie",
        "rekomendacja",
        # words that relate rather than name: 'dotycząca', 'odnoszące się', 'związane z'
        "dotyczyć",
        "odnosić",
        "związać",
    }
)
# An organisational unit's name ('w Biurze Obsługi Klienta', 'Wydział Komunikacji') says where, not what.
_NAME_WORDS = r"(?:\s+(?:ds\.|do\s+spraw|i|oraz)?\s*[A-ZĄĆĘŁŃÓŚŹŻ][\w-]*)+"
_UNIT_NAME = re.compile(
    r"\b(?:Wydzia\w+|Referat\w*|Biur\w+|Sal[iaęy]|Sala|Kancelari\w+|Departament\w*|Zesp[oó]\w+|Oddzia\w+)" + _NAME_WORDS
)
# So does a named post for the clause ('Pełnomocnika ds. Przeciwdziałania Zagrożeniom Korupcyjnym' is no bribery
# risk); the post itself is the staff theme's ('pełnomocników i koordynatorów').
_POST_NAME = re.compile(r"\b(?:Pełnomocni\w+|Koordynator\w*|Kierowni\w+|Dyrektor\w*|Naczelni\w+)" + _NAME_WORDS)
# A statement about the system as a whole names it or its standard's requirements.
_SYSTEM_LEMMAS = frozenset({"system", "norma", "wymagać", "wymaganie", "wymagania", "zgodność", "zgodny"})


def topic(text: str) -> list[str]:
    """The content lemmas a clause is judged by: a finding's words without unit and post names and without the words
    of the system as a whole or of the finding's kind (GENERAL_LEMMAS)."""
    bare = _POST_NAME.sub(" ", _UNIT_NAME.sub(" ", text))
    return [x for x in content_lemmas(bare) if x not in GENERAL_LEMMAS]


class Suggester:
    """Suggests a theme and a clause for a finding's text from the codebook, its lexicons and curated findings."""

    THEME_PRIOR = 0.2  # the weight of the theme's curated examples' clauses beside the lexicon's coverage

    def __init__(self, k: Known, exclude_source: str | None = None):
        self.examples = []
        for f in k.findings:
            if f["source_id"] == exclude_source:
                continue
            self.examples.append(
                (Counter(content_lemmas(f["quote"] + " " + f["text_pl"])), f, f"curated finding {f['finding_id']}")
            )
        self.themes = [(Counter(content_lemmas(t["label_pl"] + " " + t["definition_pl"])), t) for t in k.themes]
        # each theme's definition with its terms (theme_lexicon); the idf stays the definitions' and examples'
        self.theme_words = [
            (
                set(content_lemmas(" ".join((t["label_pl"], t["definition_pl"], theme_lexicon.terms(t["theme_id"]))))),
                t,
            )
            for t in k.themes
        ]
        codebook = [c for c in k.clauses if c["standard_id"] == "iso9001-2015"]
        self.clauses = [(Counter(content_lemmas(c["label_pl"] + " " + c["definition_pl"])), c) for c in codebook]
        # each heading's words with its sub-clauses' (clause_lexicon); the idf stays the codebook's and examples'
        self.lexicons = [
            (
                Counter(
                    content_lemmas(" ".join((c["label_pl"], c["definition_pl"], clause_lexicon.lexicon(c["clause"]))))
                ),
                c,
            )
            for c in codebook
        ]
        docs = [c for c, _f, _r in self.examples] + [c for c, _t in self.themes] + [c for c, _ in self.clauses]
        df = Counter(lem for d in docs for lem in d)
        self.idf = {lem: math.log((1 + len(docs)) / (1 + n)) + 1 for lem, n in df.items()}
        # a word no example or definition uses (a lexicon's term, 'ryzyko') is the rarest, not the commonest
        self.rare = math.log(1 + len(docs)) + 1

    def _cos(self, a: Counter, b: Counter) -> float:
        num = sum(a[x] * b[x] * self.idf.get(x, 1.0) ** 2 for x in a if x in b)
        na = math.sqrt(sum((v * self.idf.get(x, 1.0)) ** 2 for x, v in a.items()))
        nb = math.sqrt(sum((v * self.idf.get(x, 1.0)) ** 2 for x, v in b.items()))
        return num / (na * nb) if na and nb else 0.0

    def theme(self, text: str) -> tuple[str, float, str]:
        """The theme whose definition and terms (theme_lexicon) cover most of the finding's words, unit names left
        out; a general statement about the system (its words, none of any clause's) is the theme of such statements."""
        if _SYSTEM_LEMMAS & set(content_lemmas(text)) and not self._clause_words(text):
            return "qms_conformity", 0.5, "A general statement about the system: it names no clause's subject."
        q = Counter(content_lemmas(_UNIT_NAME.sub(" ", text)))
        # the share of the finding's (idf-weighted) words the theme's definition and terms have, as for the clause; the
        # nearest curated example is not used: it carries one document's wording to another (README)
        mass = sum(self.idf.get(x, self.rare) ** 2 for x in q)
        scores: dict[str, float] = {}
        for words, t in self.theme_words:
            cov = sum(self.idf.get(x, self.rare) ** 2 for x in q if x in words) / mass if mass else 0.0
            if cov:
                scores[t["theme_id"]] = cov
        if not scores:
            return "qms_conformity", 0.0, "No theme shares words with the finding."
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        theme_id, score = ranked[0]
        shared = sorted({x for x in q for words, t in self.theme_words if t["theme_id"] == theme_id and x in words})
        margin = score - (ranked[1][1] if len(ranked) > 1 else 0.0)
        return (
            theme_id,
            min(score, margin + 0.1),
            f"Words of the theme's definition and terms: {', '.join(shared)} ({score:.2f} of the finding's words).",
        )

    def _clause_words(self, text: str) -> set[str]:
        """The finding's topic words any clause's lexicon has."""
        q = set(topic(text))
        return {x for c, _cl in self.lexicons for x in q if x in c}

    def clause(self, text: str, theme: str | None = None) -> tuple[str | None, float, str]:
        """The heading (4-10) whose words cover most of the finding's (the codebook definition with its sub-clauses'
        words, clause_lexicon), plus a small prior: how often the curated examples of the finding's theme are coded
        so. (None, 0, why) when no heading shares a word. The nearest curated example is not used: it carries one
        document's wording to another (it scored lower, see README)."""
        q = Counter(topic(text))
        scores: dict[str, float] = {}
        why: dict[str, list[str]] = {}
        mass = sum(self.idf.get(x, self.rare) ** 2 for x in q)
        for c, cl in self.lexicons:
            # the share of the finding's (idf-weighted) words the clause's lexicon has: a long lexicon is no penalty
            score = sum(self.idf.get(x, self.rare) ** 2 for x in q if x in c) / mass if mass else 0.0
            if score:
                scores[cl["clause"]] = score
                sub = clause_lexicon.subclause(cl["clause"], content_lemmas, set(q))
                label = f"{sub} of " if sub else ""
                why.setdefault(cl["clause"], []).append(
                    f"words of {label}clause {cl['clause']} {cl['label_en']} ({score:.2f})"
                )
        if theme and scores:
            coded = Counter(f["clause"] for _c, f, _n in self.examples if f["theme_id"] == theme and f["clause"])
            total = sum(coded.values())
            for clause, n in coded.items():
                if clause in scores:
                    scores[clause] += self.THEME_PRIOR * n / total
                    why[clause].append(f"{n} of {total} examples of theme {theme}")
        if not scores:
            return None, 0.0, "No clause shares words with the finding."
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        clause, score = ranked[0]
        margin = score - (ranked[1][1] if len(ranked) > 1 else 0.0)
        return clause, min(score, margin + 0.1), "Closest: " + "; ".join(why[clause]) + "."
