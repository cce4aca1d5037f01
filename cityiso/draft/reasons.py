"""A drafter's reason in the page's language. The drafter writes its reasons in English (drafts.json and the
evaluator keep them so); each is one or more sentences of cityiso/labels/draft_reasons.py, joined by ' ' or '; '.
Read back by those English templates into (name, values), a reason is said again with t("draft.reason.<name>"):
English stays the drafter's own text, Polish is made of the Polish templates. A reason that does not read back
whole is shown as written (English), never half translated."""

import re
import string
from functools import cache, lru_cache
from pathlib import Path

from cityiso.labels import code_label, t
from cityiso.labels.draft_reasons import REASON_TEXT

# Values that are reasons themselves (said in the language too); the rest are data, put in as written.
NESTED = ("reason", "reason2", "place", "places")
# Words of a list of what an office row lacks ("voivodeship and coordinates").
_MISSING_PL = {"voivodeship": "województwo", "coordinates": "współrzędne", "and": "i"}
# What a value of these names can be (ids, numbers, dates): a value of any other name is any text.
_SHAPES = {
    **dict.fromkeys(("n", "total", "geonameid"), r"\d+"),
    **dict.fromkeys(("score", "sub"), r"\d+(?:\.\d+)*"),
    **dict.fromkeys(("year", "date", "start", "end", "published"), r"\d{4}(?:-\d\d){0,2}"),
    "population": r"\d[\d,]*",
    **dict.fromkeys(("office", "finding", "standard", "later", "theme", "kind", "clause"), r"[\w.-]+"),
    "folder": r"\S+",
}
Parsed = tuple[tuple[str, dict[str, str], str], ...]  # (name, values, the separator after it)


@cache
def _templates() -> tuple[tuple[str, str, re.Pattern], ...]:
    """(name, the literal text before the first value, the English template as a pattern): the most literal text
    first (the more a template writes out, the surer its match)."""
    out = []
    for name, (_pl, en) in REASON_TEXT.items():
        pattern, prefix = [], None
        for literal, field, _spec, _conv in string.Formatter().parse(en):
            pattern.append(re.escape(literal))
            if prefix is None:
                prefix = literal
            if field is not None:
                pattern.append(f"(?P<{field}>{_SHAPES.get(field, '.+?')})")
        literal = sum(len(lit) for lit, *_ in string.Formatter().parse(en))
        out.append((literal, name, prefix or "", re.compile("".join(pattern), re.DOTALL)))
    return tuple((name, prefix, pattern) for _n, name, prefix, pattern in sorted(out, key=lambda x: (-x[0], x[1])))


@lru_cache(maxsize=4096)
def parse(reason: str) -> Parsed | None:
    """The reason as the templates it is made of, with their values (None: it does not read back whole)."""

    @cache
    def from_(i: int) -> Parsed | None:
        # The shortest sentence first: a value (a quote, a name) must not swallow the sentences after it.
        for j in range(i + 1, len(reason) + 1):
            sep = "" if j == len(reason) else "; " if reason.startswith("; ", j) else " " if reason[j] == " " else None
            if sep is None:
                continue
            piece = reason[i:j]
            for name, prefix, pattern in _templates():
                if not piece.startswith(prefix) or not (m := pattern.fullmatch(piece)):
                    continue
                values = m.groupdict()
                if any(k in NESTED and parse(v) is None for k, v in values.items()):
                    continue  # a nested reason must read back too ('GeoNames: GeoNames: ...')
                if j == len(reason):
                    return ((name, values, ""),)
                rest = from_(j + len(sep))
                if rest is not None:
                    return ((name, values, sep), *rest)
        return None

    return from_(0) if reason else ()


@cache
def _clause_labels(data_dir: Path | None) -> dict[str, str]:
    """A clause's English label -> its Polish one, from the register's clauses.csv."""
    from cityiso.draft.known import known

    k = known(data_dir) if data_dir else known()
    return {c["label_en"]: c["label_pl"] for c in k.clauses if c.get("label_en") and c.get("label_pl")}


def _value(key: str, value: str, lang: str, data_dir: Path | None) -> str:
    if key in NESTED:
        return in_language(value, lang, data_dir)
    if lang == "en":
        return value
    if key == "kind":
        return code_label("office_kind", value, lang)
    if key == "label":
        return _clause_labels(data_dir).get(value, value)
    if key == "what":
        return " ".join(_MISSING_PL.get(w, w) for w in value.split())
    return value


def in_language(reason: str, lang: str, data_dir: Path | None = None) -> str:
    """The reason said in the language: English as the drafter wrote it; Polish from the Polish templates, or as
    written when it does not read back whole."""
    if lang == "en" or not reason:
        return reason
    parsed = parse(reason)
    if parsed is None:
        return reason
    return "".join(
        t("draft.reason." + name, lang, **{k: _value(k, v, lang, data_dir) for k, v in values.items()}) + sep
        for name, values, sep in parsed
    )
