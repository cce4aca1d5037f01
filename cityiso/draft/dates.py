"""Polish date expressions with their precision and what was inferred: 'W marcu 2015 roku', '20 kwietnia 2015 r.',
'30.09.2012r.', 'w 2010 roku', '30 listopada' (no year: left empty), '20 września br.' (year from publication)."""

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from cityiso.draft.lang import month_forms

# 'a' stands for a mistyped 'w' ("a październiku"); the word before a date is part of its words.
_LEAD = (
    r"(?:(?<!\w)(?:[Ww] dniu|[Zz] dnia|[Zz] dniem|[Dd]nia|[Pp]od koniec|[Nn]a początku|[Ww] połowie|[WwAaZz]e?|[Dd]o|"
    r"[Oo]d)\s+)?"
)
_YEAR_WORD = r"(?:\s*(?:roku|rok|r\.))"
_REL = r"(?:\s*(?:br\.|b\.r\.|bieżącego roku|tego roku))"


@dataclass(frozen=True)
class DateExpr:
    """A date as written: its span, words, value (YYYY[-MM[-DD]] or None) and lead word."""

    start: int
    end: int
    words: str
    value: str | None
    lead: str
    relative: bool = False  # 'br.': the year is the publication's
    reason: str = ""
    confidence: float = 0.95
    inferred_part: str = "year"  # what a relative date deduced: the year ('br.') or the whole date
    last: str | None = None  # a range's last day ('14-15.10.2019'): the value is its first day
    group: int | None = None  # dates of one list of years ('w latach 2005, 2008 i 2011') share its start

    @property
    def precision(self) -> str:
        return {4: "year", 7: "month", 10: "day"}.get(len(self.value or ""), "")


@cache
def _pattern() -> re.Pattern:
    months = "|".join(sorted(month_forms(), key=len, reverse=True))
    return re.compile(
        rf"(?P<lead>{_LEAD})(?:"
        rf"(?:(?P<rd>\d{{1,2}})\s?[-–]\s?)?(?P<dd>\d{{1,2}})(?P<sep>[.-])(?P<dm>\d{{1,2}})(?P=sep)(?P<dy>\d{{4}})"
        rf"(?:\s?r\.|\s+roku)?"
        rf"|(?<![\d.-])(?P<iy>(?:19|20)\d{{2}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})"
        rf"|(?:(?:(?<=[Oo]d )|(?<=[Oo]d dnia ))(?P<rd3>\d{{1,2}})\s+do\s+)?"
        rf"(?:(?P<rd2>\d{{1,2}})(?:\s?[-–]\s?|\s+i\s+))?(?P<d>\d{{1,2}})(?:-?go|-ego)?\s+(?P<m>{months})"
        rf"(?:\s+(?P<y>\d{{4}}){_YEAR_WORD}?|(?P<rel>{_REL}))?"
        rf"|(?P<m2>{months})\s+(?:(?P<y2>\d{{4}}){_YEAR_WORD}?|(?P<rel2>{_REL}))"
        rf"|(?<![:\d-])(?P<y3>(?:19|20)\d{{2}}){_YEAR_WORD}"
        rf"|(?<=[Ww] )(?:roku|r\.)\s+(?P<y4>(?:19|20)\d{{2}})"
        rf")(?![\w-])",
        re.IGNORECASE,
    )


def _valid(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return True


def find_dates(text: str, published: dt.date | None = None) -> list[DateExpr]:
    """Every date expression of the text, in order."""
    out = []
    months = month_forms()
    for m in _pattern().finditer(text):
        lead = m.group("lead").strip().lower()
        g = m.groupdict()
        value, reason, relative, conf = None, "", False, 0.95
        last = None
        if g["dd"]:
            y, mo, d = int(g["dy"]), int(g["dm"]), int(g["dd"])
            if not _valid(y, mo, d):
                continue
            value = f"{y:04d}-{mo:02d}-{d:02d}"
            if g["rd"]:
                value, last, reason = _range(y, mo, int(g["rd"]), d)
        elif g["iy"]:
            y, mo, d = int(g["iy"]), int(g["im"]), int(g["id"])
            if not _valid(y, mo, d):
                continue
            value = f"{y:04d}-{mo:02d}-{d:02d}"
        elif g["m"]:
            mo, d = months[g["m"].lower()], int(g["d"])
            if g["y"]:
                if not _valid(int(g["y"]), mo, d):
                    continue
                value = f"{int(g['y']):04d}-{mo:02d}-{d:02d}"
                if g["rd2"] or g["rd3"]:
                    value, last, reason = _range(int(g["y"]), mo, int(g["rd2"] or g["rd3"]), d)
                    lead = "od…do" if g["rd3"] else lead  # 'od 4 do 6 marca': a range, not a start
            elif g["rel"] and published:
                value, relative = f"{published.year:04d}-{mo:02d}-{d:02d}", True
                reason = f"'{g['rel'].strip()}' (this year) is the year of publication, {published.year}."
                conf = 0.8
                if g["rd2"] or g["rd3"]:
                    value, last, why = _range(published.year, mo, int(g["rd2"] or g["rd3"]), d)
                    reason = f"{why} {reason}" if value else why
            elif g["rel"]:
                relative = True
                reason = f"'{g['rel'].strip()}' (this year): the year is the publication's, which is not known."
            else:
                reason = "Day and month written without a year; no year is supplied (docs/CURATION.md#dates)."
                conf = 0.5
        elif g["m2"]:
            mo = months[g["m2"].lower()]
            if g["y2"]:
                value = f"{int(g['y2']):04d}-{mo:02d}"
            elif published:
                value, relative = f"{published.year:04d}-{mo:02d}", True
                reason = f"'{g['rel2'].strip()}' (this year) is the year of publication, {published.year}."
                conf = 0.8
            else:
                relative = True
                reason = "'br.' (this year): the year is the publication's, which is not known."
        else:
            value = g["y3"] or g["y4"]
        if (g["rd"] or ((g["rd2"] or g["rd3"]) and (g["y"] or (g["rel"] and published)))) and last is None:
            continue  # an impossible range of days
        start = m.start() + (len(m.group("lead")) - len(m.group("lead").lstrip()))
        out.append(DateExpr(start, m.end(), text[start : m.end()], value, lead, relative, reason, conf, last=last))
    taken = [(d.start, d.end) for d in out]
    out += [d for d in _year_lists(text) if not any(a < d.end and d.start < b for a, b in taken)]
    out += [d for d in _timeline(text) if not any(a < d.end and d.start < b for a, b in taken)]
    taken = [(d.start, d.end) for d in out]
    out += [d for d in _relative(text, published) if not any(a < d.end and d.start < b for a, b in taken)]
    return sorted(out, key=lambda d: d.start)


def _range(y: int, mo: int, first: int, last: int) -> tuple[str | None, str | None, str]:
    """A range of days in one month ('14-15.10.2019'): its first day, with the last day kept (an event that took
    several days is dated by the day it began; its last day bounds it)."""
    if first >= last or not _valid(y, mo, first):
        return None, None, "An impossible range of days."
    a, b = f"{y:04d}-{mo:02d}-{first:02d}", f"{y:04d}-{mo:02d}-{last:02d}"
    return a, b, f"A range of days, {a} to {b}: the date is the day it began, the last day its upper bound."


# A list of years after 'w latach' / 'w roku' ('w latach 2005, 2008, 2011 i 2014'): one date per year.
_YEAR_LIST = re.compile(
    r"(?<!\w)[Ww]\s+(?:latach|roku|r\.)\s+(?P<years>(?:19|20)\d{2}(?:\s*(?:,|\bi\b|\boraz\b)\s*(?:19|20)\d{2})+)"
    r"(?:\s*(?:r\.|roku))?(?![\w-])"
)


# A timeline's line: '2010 – po audycie recertyfikacyjnym urząd uzyskuje certyfikat ...'.
_TIMELINE = re.compile(r"^[ \t]*(?P<y>(?:19|20)\d{2})[ \t]*[–—-][ \t]+(?=\w)", re.MULTILINE)


def _timeline(text: str) -> list[DateExpr]:
    out = []
    for m in _TIMELINE.finditer(text):
        a = m.start("y")
        why = "The year that opens the timeline's line."
        out.append(DateExpr(a, a + 4, m.group("y"), m.group("y"), "", False, why, 0.85))
    return out


def _year_lists(text: str) -> list[DateExpr]:
    out = []
    for m in _YEAR_LIST.finditer(text):
        for y in re.finditer(r"(?:19|20)\d{2}", m.group("years")):
            a = m.start("years") + y.start()
            why = f"One of the years listed in '{' '.join(m.group(0).split())}'."
            out.append(DateExpr(a, a + 4, y.group(0), y.group(0), "latach", False, why, 0.9, group=m.start()))
    return out


# A month or year named relative to the document's own time: 'w ubiegłym miesiącu', 'w zeszłym roku'.
_RELATIVE = re.compile(
    r"(?<!\w)[Ww]\s+(?P<which>ubiegłym|zeszłym|poprzednim|tym|bieżącym|obecnym)\s+(?P<unit>miesiącu|roku)(?!\w)"
)


def _relative(text: str, published: dt.date | None) -> list[DateExpr]:
    out = []
    for m in _RELATIVE.finditer(text):
        back = 0 if m.group("which").lower() in ("tym", "bieżącym", "obecnym") else 1
        words = m.group(0)
        if m.group("unit") == "roku":
            if back == 0:
                continue  # 'w tym roku' is this_year_words' (a certificate's 'tegoroczny' reasoning)
            value = str(published.year - 1) if published else None
        elif published:
            y, mo = divmod(published.year * 12 + published.month - 1 - back, 12)
            value = f"{y:04d}-{mo + 1:02d}"
        else:
            value = None
        when = f"publication ({published.isoformat()})" if published else "publication, which is not known"
        reason = f"'{words}' counts from the {when}" + (f": {value}." if value else "; no date is supplied.")
        out.append(DateExpr(m.start(), m.end(), words, value, "w", True, reason, 0.7, "whole"))
    return out


_THIS_YEAR = re.compile(r"\b(?:[Tt]egoroczn\w*|[Ww] tym roku|[Ww] bieżącym roku)\b")


def this_year_words(text: str) -> list[tuple[int, int]]:
    """Spans of words meaning 'this year' ('Tegoroczny certyfikat', 'w tym roku')."""
    return [(m.start(), m.end()) for m in _THIS_YEAR.finditer(text)]


_PUBLISHED = re.compile(
    r"^[ \t]*(?:data\s+(?:publikacji|dodania|wytworzenia|wprowadzenia|utworzenia|udostępnienia)|opublikowano|dodano"
    r"|data)\s*:?[ \t]*",
    re.I | re.M,
)


_WEEKDAYS = ("poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela")
# A line holding nothing but a full date, maybe with its weekday or an hour after it: '2011-10-18, Wtorek'.
_DATE_LINE = re.compile(
    rf"^[ \t]*(?P<date>[^\n,|]+?)[ \t]*(?:[,|][ \t]*)?(?P<weekday>{'|'.join(_WEEKDAYS)})?[ \t]*"
    r"(?:,?[ \t]*(?:godz\.?[ \t]*)?\d{1,2}:\d{2})?[ \t]*$",
    re.I | re.M,
)
_WIDGET = re.compile(r"\b(?:dziś|dzisiaj|jest|imieniny)\b", re.I)


def _date_line(text: str) -> DateExpr | None:
    """A page's own date line: a full date alone on its line, the weekday (if written) after it and true to the
    calendar; a weekday first ('czwartek, 5 grudnia 2026') or words like 'Dziś jest' are a widget's today."""
    for m in _DATE_LINE.finditer(text):
        if _WIDGET.search(m.group(0)):
            continue
        found = [d for d in find_dates(m.group("date")) if d.precision == "day" and not d.lead and not d.last]
        if not found or found[0].words != m.group("date").strip():
            continue
        d = found[0]
        weekday = m.group("weekday")
        if weekday and _WEEKDAYS[dt.date.fromisoformat(d.value).weekday()] != weekday.lower():
            continue
        a = m.start("date") + m.group("date").index(d.words)
        why = f"The page's own date line '{m.group(0).strip()}': a date alone on its line"
        why += ", its weekday true to the calendar." if weekday else "."
        return DateExpr(a, a + len(d.words), d.words, d.value, "", False, why, 0.75 if weekday else 0.6, "")
    return None


def publication_date(text: str) -> DateExpr | None:
    """The page's own publication date, from a 'Data publikacji: 12.05.2021' / 'Opublikowano: ...' line (a full
    date right after the label), else from a line that is only a date ('2011-10-18, Wtorek')."""
    labelled = []
    for m in _PUBLISHED.finditer(text):
        line_end = text.find("\n", m.end())
        line = text[m.end() : line_end if line_end >= 0 else len(text)]
        found = [d for d in find_dates(line) if d.start == 0 and d.precision == "day"]
        if found:
            d = found[0]
            a = m.end() + d.start
            why = f"The page's own date line '{' '.join(text[m.start() : a + len(d.words)].split())}'."
            rank = next((i for i, w in enumerate(_LABEL_RANK) if w in m.group(0).lower()), len(_LABEL_RANK))
            labelled.append((rank, DateExpr(a, a + len(d.words), d.words, d.value, "", False, why, 0.85, "")))
    if labelled:
        return min(labelled, key=lambda x: x[0])[1]  # 'Data publikacji' before 'Data wytworzenia'
    return _date_line(text)


# Which label dates a page best: its publication, then its entry in the register, then the document's making.
_LABEL_RANK = ("publikacji", "opublikowano", "dodano", "dodania", "wprowadzenia", "udostępnienia", "wytworzenia")
