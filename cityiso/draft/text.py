"""The input text cut into lines, blocks and sentences, each with its span; page debris told apart from content."""

import itertools
import re
from dataclasses import dataclass

from cityiso.draft import lang

BULLET = re.compile(r"[ \t]*(?:[-–•*·▪]|\d{1,2}[).]|[a-z][)])[ \t]+")
# A line that is a page's furniture rather than its text: contact lines, addresses, e-mail, widget prompts.
_CONTACT = re.compile(r"(@|https?://|www\.|\btel\.?\s*:?\s*\+?\d|\bfax\b)", re.IGNORECASE)
# A cookie or privacy banner, and a breadcrumb trail ('Strona główna » Aktualności » ...').
_BANNER = re.compile(r"\bcookies?\b|\bciasteczk\w*|polityk\w+ prywatności|\bRODO\b", re.IGNORECASE)
_CRUMB = re.compile(r"^Strona główna\b|\s[»›]\s|(?:\s>\s.*){2}", re.IGNORECASE)
_TOPIC = {"iso", "certyfikat", "certyfikacja", "recertyfikacja", "jakość", "audit", "audyt", "norma", "system"}


@dataclass(frozen=True)
class Piece:
    """A stretch of the input: its span and its text."""

    start: int
    end: int
    text: str


def lines(text: str) -> list[Piece]:
    """Every non-blank line, stripped, with its span."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        raw = m.group(0)
        if raw.strip():
            lead = len(raw) - len(raw.lstrip())
            out.append(Piece(m.start() + lead, m.start() + len(raw.rstrip()), raw.strip()))
    return out


def is_debris(line: Piece) -> bool:
    """True for a line of page furniture: a contact line, a widget, a short line with no verb and no topic word."""
    words = lang.WORD.findall(line.text)
    if _CONTACT.search(line.text) or _BANNER.search(line.text) or _CRUMB.search(line.text):
        return True
    if BULLET.match(line.text):
        return False
    topical = any(lang.lemmas(w) & _TOPIC for w in words) or re.search(r"\d{4}", line.text)
    if len(words) <= 1 and not topical:
        return True
    if len(words) <= 3 and not topical and not any(lang.is_verb(w) for w in words):
        return True
    if len(words) < 8 and not any(lang.is_verb(w) for w in words):
        return not any(lang.lemmas(w) & _TOPIC for w in words)
    return False


def title(text: str) -> Piece | None:
    """The document's title: its first line that names the topic and is not a sentence of the text."""
    for line in [p for p in lines(text) if not is_debris(p)][:6]:
        words = lang.WORD.findall(line.text)
        if (
            2 <= len(words) <= 14
            and any(lang.lemmas(w) & _TOPIC for w in words)
            and not (line.text.endswith(".") and not line.text.endswith(" r."))
        ):
            return line
    return None


def debris(text: str) -> list[Piece]:
    """The lines left out as page debris (menus, widgets, footers, contact lines)."""
    return [line for line in lines(text) if is_debris(line)]


def content_mask(text: str) -> list[bool]:
    """Per character: True when it belongs to the text itself (not to a debris line)."""
    mask = [True] * len(text)
    for piece in debris(text):
        for i in range(piece.start, piece.end):
            mask[i] = False
    return mask


# Polish abbreviations written with a full stop in official texts; any other word before a full stop ends a sentence
# ('ważny przez rok. Audytor ...' is two).
_SHORT_WORDS = (
    "[a-ząćęłńóśźż]|ul|al|pl|os|nr|np|tj|tzn|tzw|in|ok|ww|wg|ds|sp|st|dr|mgr|inż|hab|prof|ks|gen|płk|ob|godz|pkt"
    "|art|ust|poz|par|zał|rozdz|cz|str|im|św|tel|woj|pow|gm|przew|zast|kier|red|zob|por|dot|itd|itp|tys|mln|mld|zł"
    "|gr|min|max|ang|łac|pn|wyd"
)
# An abbreviation or an ordinal ('2.') before a full stop; a year or a standard's date ('2015.', '2017-06.') ends
# a sentence.
_ABBREV = re.compile(r"(?:(?<![\w])(?:" + _SHORT_WORDS + r"|Sp|[A-Z])\.|(?:^|\s)\d{1,2}\.)$")


def sentences(text: str) -> list[Piece]:
    """Sentences of the content with their spans: cut at sentence ends, blank lines, bullets and line ends after
    punctuation; a hard-wrapped line (no punctuation at its end) continues the sentence."""
    mask = content_mask(text)
    cuts = {0, len(text)}
    for m in re.finditer(r"\n[ \t]*\n|\n(?=" + BULLET.pattern + r")", text):
        cuts.add(m.start())
        cuts.add(m.end())
    for m in re.finditer(r"[.!?;:](?=[ \t]*\n)", text):
        cuts.add(m.end())
    for m in re.finditer(r"[.!?](?=[ \t]+[A-ZĄĆĘŁŃÓŚŹŻ„\"(])", text):
        before = text[max(0, m.start() - 5) : m.end()]
        if not _ABBREV.search(before) or before.endswith((" r.", "o.o.", " S.A.", " SA.")):
            cuts.add(m.end())
    # A short line without a sentence end (a heading) stands alone.
    for line in lines(text):
        if len(line.text) < 60 and not re.search(r"[,;]$", line.text):
            cuts.update({line.start, line.end})
    # Debris lines never join the sentences around them.
    for piece in debris(text):
        cuts.update({piece.start, piece.end})
    out = []
    points = sorted(cuts)
    for a, b in itertools.pairwise(points):
        chunk = text[a:b]
        lead = len(chunk) - len(chunk.lstrip())
        s, e = a + lead, a + len(chunk.rstrip())
        if e > s and mask[s]:
            out.append(Piece(s, e, text[s:e]))
    return _join_date_fragments(text, out)


def _join_date_fragments(text: str, pieces: list[Piece]) -> list[Piece]:
    """'W dniach 15-16.05.2012 r. Polskie Centrum ... przeprowadziło audyt': a piece ending in ' r.' with no verb is
    the date that opens the next sentence on its line, not a sentence."""
    out: list[Piece] = []
    for p in pieces:
        prev = out[-1] if out else None
        if (
            prev
            and prev.text.endswith(" r.")
            and "\n" not in text[prev.end : p.start]
            and not any(lang.is_verb(w) for w in lang.WORD.findall(prev.text))
            and re.search(r"\d", prev.text)
        ):
            out[-1] = Piece(prev.start, p.end, text[prev.start : p.end])
            continue
        out.append(p)
    return out
