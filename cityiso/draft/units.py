"""Audited units: 'objął 11 obszarów' (a count) and the named units after 'w tym', each in the nominative."""

import re

from cityiso.draft import lang
from cityiso.draft.model import Drafted
from cityiso.draft.text import BULLET as _BULLET
from cityiso.draft.text import Piece

_COUNT = re.compile(r"\b(?:obj\w+|obejmował\w*|audytowan\w+|auditowan\w+)\s+(\d+)\s+(\w+)", re.IGNORECASE)
_LIST = re.compile(r"\bw tym\s+(?:(?P<head>\w+):\s*)?(?P<items>.+?)[.]?$", re.IGNORECASE | re.DOTALL)
_SEP = re.compile(r",\s+a także\s+|,\s+|\s+oraz\s+")


def units(sentence: Piece) -> tuple[Drafted | None, list[tuple[Drafted, Drafted]]]:
    """(units_audited, [(unit_name, unit_name_as_written)]) of one audit sentence."""
    count = None
    m = _COUNT.search(sentence.text)
    if m:
        s = sentence.start + m.start(1)
        count = Drafted(int(m.group(1)), (s, sentence.start + m.end(2)), 0.9, f"'{m.group(0)}': the number of areas.")
    named: list[tuple[Drafted, Drafted]] = []
    lm = _LIST.search(sentence.text)
    if not lm:
        return count, named
    head = lm.group("head")
    prefix = lang.nominative(head).capitalize() if head else ""
    base = sentence.start + lm.start("items")
    pos = 0
    items = lm.group("items")
    groups_end = [g.start() for g in re.finditer(r",\s+a także\s+", items)]
    for piece in _SEP.split(items):
        at = items.index(piece, pos)
        pos = at + len(piece)
        if groups_end and at > groups_end[0]:
            prefix = ""  # after ', a także' the items name their own kind of unit
        piece_s = piece.strip().rstrip(".")
        if not piece_s:
            continue
        s, e = base + at, base + at + len(piece_s)
        words = piece_s.split()
        if prefix:
            name, why = f"{prefix} {piece_s}", f"A unit of the list '{head}:', named '{prefix} …' in the nominative."
        else:
            name = " ".join([lang.nominative(words[0]), *words[1:]])
            why = "The first word in the nominative (morfeusz2); the rest as written."
        named.append((Drafted(name, (s, e), 0.7, why), Drafted(piece_s, (s, e), 0.95, "")))
    return count, named


def listed(text: str, is_lead) -> list[tuple[tuple[int, int], list[tuple[Drafted, Drafted, tuple[int, int]]]]]:
    """Lists of audited units: a lead ending in ':' that is_lead accepts ('Audytem objęto:') and the bullets after
    it, each one unit: (lead span, [(unit_name, unit_name_as_written, item span)])."""
    out = []
    lines = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"^.*$", text, re.MULTILINE)]
    current = None
    for start, end, line in lines:
        stripped = line.strip()
        if stripped.endswith(":") and is_lead(stripped):
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
