"""Polish date expressions with their precision and what was inferred: 'W marcu 2015 roku', '20 kwietnia 2015 r.',
'30.09.2012r.', 'w 2010 roku', '30 listopada' (no year: left empty), '20 września br.' (year from publication)."""

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from cityiso.draft.lang import month_forms

# 'a' stands for a mistyped 'w' ("a październiku"); the word before a date is part of its words.
_LEAD = (
    r"(?:(?<!\w)(?:[Ww] dniu|[Zz] dnia|[Dd]nia|[Pp]od koniec|[Nn]a początku|[Ww] połowie|[WwAaZz]e?|[Dd]o|[Oo]d)\s+)?"
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

    @property
    def precision(self) -> str:
        return {4: "year", 7: "month", 10: "day"}.get(len(self.value or ""), "")


@cache
def _pattern() -> re.Pattern:
    months = "|".join(sorted(month_forms(), key=len, reverse=True))
    return re.compile(
        rf"(?P<lead>{_LEAD})(?:"
        rf"(?P<dd>\d{{1,2}})\.(?P<dm>\d{{1,2}})\.(?P<dy>\d{{4}})(?:\s?r\.)?"
        rf"|(?P<d>\d{{1,2}})\s+(?P<m>{months})(?:\s+(?P<y>\d{{4}}){_YEAR_WORD}?|(?P<rel>{_REL}))?"
        rf"|(?P<m2>{months})\s+(?:(?P<y2>\d{{4}}){_YEAR_WORD}?|(?P<rel2>{_REL}))"
        rf"|(?<![:\d-])(?P<y3>(?:19|20)\d{{2}}){_YEAR_WORD}"
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
        if g["dd"]:
            y, mo, d = int(g["dy"]), int(g["dm"]), int(g["dd"])
            if not _valid(y, mo, d):
                continue
            value = f"{y:04d}-{mo:02d}-{d:02d}"
        elif g["m"]:
            mo, d = months[g["m"].lower()], int(g["d"])
            if g["y"]:
                if not _valid(int(g["y"]), mo, d):
                    continue
                value = f"{int(g['y']):04d}-{mo:02d}-{d:02d}"
            elif g["rel"] and published:
                value, relative = f"{published.year:04d}-{mo:02d}-{d:02d}", True
                reason = f"'{g['rel'].strip()}' (this year) is the year of publication, {published.year}."
                conf = 0.8
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
            value = g["y3"]
        start = m.start() + (len(m.group("lead")) - len(m.group("lead").lstrip()))
        out.append(DateExpr(start, m.end(), text[start : m.end()], value, lead, relative, reason, conf))
    return out


_THIS_YEAR = re.compile(r"\b(?:[Tt]egoroczn\w*|[Ww] tym roku|[Ww] bieżącym roku)\b")


def this_year_words(text: str) -> list[tuple[int, int]]:
    """Spans of words meaning 'this year' ('Tegoroczny certyfikat', 'w tym roku')."""
    return [(m.start(), m.end()) for m in _THIS_YEAR.finditer(text)]
