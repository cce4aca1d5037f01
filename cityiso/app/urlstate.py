"""Page state that lives in the URL, so a copied link opens the same view; bad values become notices."""

import datetime as dt
from collections.abc import Callable, Sequence

import streamlit as st

from cityiso.labels import DEFAULT_LANG, LANGS, t
from cityiso.safe_text import md

# A visitor writes the URL: a value longer than this, or a list with more items, is refused before it is parsed.
MAX_CHARS = 2_000
MAX_ITEMS = 100
# A search box takes at most this many characters, typed or from the URL (a search is a few words, not a document).
SEARCH_CHARS = 200
# The largest page or slide number a URL may ask for: past the last one the last is shown, and a larger number
# would overflow the database's integers when turned into an offset.
MAX_NUMBER = 1_000_000
# How much of a refused value (and of a reason quoting it) a notice shows.
SHOWN_CHARS = 60
SHOWN_REASON_CHARS = 200


def shorten(text: str, limit: int = SHOWN_CHARS) -> str:
    """At most `limit` characters of a visitor's text, and an ellipsis when there was more."""
    return text if len(text) <= limit else text[:limit] + "…"


def _notice(key: str, value: str, why: str) -> None:
    """Say, where the parameter is used, that it was ignored and why (the value shown literally, shortened)."""
    lang = st.session_state.get("lang", DEFAULT_LANG)
    text = t("notice.bad_param", lang, key=key, value=md(shorten(value)), why=md(shorten(why, SHOWN_REASON_CHARS)))
    st.warning(text, icon=":material/link_off:")


def notice(key: str, value: str, why: str) -> None:
    """Say that a value the URL or another page gave `key` was not used, and why."""
    _notice(key, value, why)


def _too_long(key: str, raw: str) -> bool:
    """Whether a value is over MAX_CHARS (then with a notice): checked before any parsing."""
    if len(raw) <= MAX_CHARS:
        return False
    _notice(key, raw, t("why.too_long", st.session_state.get("lang", DEFAULT_LANG), n=len(raw), max=MAX_CHARS))
    return True


def language() -> str:
    """The language from ?lang=, kept across pages in the session and written back to the URL."""
    raw = st.query_params.get("lang")
    if raw is not None and _too_long("lang", raw):
        raw = None
    if raw is not None and raw not in LANGS:
        _notice("lang", raw, t("why.lang", st.session_state.get("lang", DEFAULT_LANG)))
        raw = None
    lang = raw or st.session_state.get("lang", DEFAULT_LANG)
    st.session_state["lang"] = lang
    st.query_params["lang"] = lang
    return lang


def read(key: str, parse: Callable[[str], object], default: object) -> object:
    """A value from the URL when valid (else the default, with a notice)."""
    raw = st.query_params.get(key)
    if raw is None or _too_long(key, raw):
        return default
    try:
        return parse(raw)
    except ValueError as exc:
        _notice(key, raw, str(exc))
        return default


def bind(key: str, parse: Callable[[str], object], default: object) -> None:
    """Seed a widget's session state from the URL once, before the widget is drawn.

    Later runs keep the value, on any page: a widget's identity includes its page, so a value left by the same
    key's widget on another page is handed to this page's widget explicitly (else it would fall back to its
    default, and the family chosen on one page would be lost on the next)."""
    st.session_state[key] = st.session_state[key] if key in st.session_state else read(key, parse, default)


def write(key: str, value: object) -> None:
    """Put a widget's value into the URL (lists joined by commas, dates as ISO)."""
    if isinstance(value, (list, tuple)):
        text = ",".join(str(v) for v in value)
    elif isinstance(value, dt.date):
        text = value.isoformat()
    else:
        text = str(value)
    st.query_params[key] = text


# Parsers: each raises ValueError with a reason a user can act on.


def codes(allowed: Sequence[str], lang: str, low: int = 0, high: int | None = None) -> Callable[[str], list[str]]:
    """A comma-separated list of known codes, e.g. ?offices=zabrze,legionowo."""

    def parse(raw: str) -> list[str]:
        values = [v for v in raw.split(",", MAX_ITEMS) if v]
        if len(values) > MAX_ITEMS:
            raise ValueError(t("why.too_many", lang, max=MAX_ITEMS))
        unknown = [v for v in values if v not in allowed]
        if unknown:
            raise ValueError(t("why.unknown_codes", lang, codes=", ".join(unknown)))
        if len(values) < low or (high is not None and len(values) > high):
            why = t("why.at_least", lang, low=low) if high is None else t("why.count", lang, low=low, high=high)
            raise ValueError(why)
        return values

    return parse


def choice(allowed: Sequence[str], lang: str) -> Callable[[str], str]:
    """One of a few codes, e.g. ?measure=share."""

    def parse(raw: str) -> str:
        if raw not in allowed:
            raise ValueError(t("why.choice", lang, allowed=", ".join(allowed)))
        return raw

    return parse


def date(lang: str, low: dt.date | None = None, high: dt.date | None = None) -> Callable[[str], dt.date]:
    """An ISO date, e.g. ?as_of=2016-10-01, within [low, high] when given."""

    def parse(raw: str) -> dt.date:
        try:
            value = dt.date.fromisoformat(raw)
        except ValueError:
            raise ValueError(t("why.date", lang)) from None
        if (low and value < low) or (high and value > high):
            raise ValueError(t("why.date_range", lang, low=low.isoformat(), high=high.isoformat()))
        return value

    return parse


def year_range(lang: str, low: int, high: int) -> Callable[[str], tuple[int, int]]:
    """Two years joined by a dash, e.g. ?years=2015-2019, within the data's span."""

    def parse(raw: str) -> tuple[int, int]:
        try:
            start, end = (int(p) for p in raw.split("-"))
        except ValueError:
            raise ValueError(t("why.years", lang)) from None
        if not low <= start <= end <= high:
            raise ValueError(t("why.years", lang) + f" ({low}-{high})")
        return start, end

    return parse


def positive_int(lang: str) -> Callable[[str], int]:
    """A whole number from 1 to MAX_NUMBER, e.g. ?slide=3 (ASCII digits only: int() also reads "٣" and "1_000")."""

    def parse(raw: str) -> int:
        if not (raw.isascii() and raw.isdigit()) or len(raw) > len(str(MAX_NUMBER)) or not 1 <= int(raw) <= MAX_NUMBER:
            raise ValueError(t("why.choice", lang, allowed=f"1, 2, 3, … {MAX_NUMBER}"))
        return int(raw)

    return parse


def search_text(lang: str) -> Callable[[str], str]:
    """A search box's words, at most SEARCH_CHARS characters (the box itself takes no more)."""

    def parse(raw: str) -> str:
        if len(raw) > SEARCH_CHARS:
            raise ValueError(t("why.too_long", lang, n=len(raw), max=SEARCH_CHARS))
        return raw

    return parse


def flag(lang: str) -> Callable[[str], bool]:
    """true or false."""
    return lambda raw: {"true": True, "false": False}[raw] if raw in ("true", "false") else _bad_flag(lang)


def _bad_flag(lang: str) -> bool:
    raise ValueError(t("why.choice", lang, allowed="true, false"))


# A pick's office id and code are each at most this long (the codes of data/ are far shorter).
PICK_PART_CHARS = 100


def pick(lang: str) -> Callable[[str], object]:
    """A praised page's picked category, e.g. ?pick=clause:zabrze|5 or ?pick=theme:|leadership (every office):
    'clause:' or 'theme:' and comma-separated 'office_id|code' keys, each part printable and short ('': nothing)."""
    from cityiso.views.selection import Pick

    def parse(raw: str) -> Pick | None:
        if not raw:
            return None  # nothing picked
        kind, _, rest = raw.partition(":")
        keys = rest.split(",") if rest else []
        good = (
            kind in ("clause", "theme")
            and 0 < len(keys) <= MAX_ITEMS
            and all(
                key.count("|") == 1
                and all(len(part) <= PICK_PART_CHARS for part in key.split("|"))
                and key.isprintable()
                for key in keys
            )
        )
        if not good:
            raise ValueError(t("why.pick", lang))
        return Pick(kind, tuple(dict.fromkeys(keys)))

    return parse


# --- An ordered choice, e.g. the deck's slides (?slides=findings,map,cycles): the URL's order is the user's; a value
# the app does not know is named in a notice and left out while the others are kept; a repeated value counts once.


def ordered_codes(
    key: str, allowed: Sequence[str], lang: str, default: Sequence[str], legacy: str | None = None
) -> list[str]:
    """The known codes the URL lists under `key` (or under its older name `legacy`, named as `key` in a notice as the
    renamed offices are), in the URL's order, each once; the default when the URL gives none."""
    name, raw = key, st.query_params.get(key)
    if raw is None and legacy is not None:
        raw = st.query_params.get(legacy)
    if raw is None or _too_long(name, raw):
        return list(default)
    values = [v for v in raw.split(",", MAX_ITEMS) if v]
    if len(values) > MAX_ITEMS:
        _notice(name, raw, t("why.too_many", lang, max=MAX_ITEMS))
        return list(default)
    unique = list(dict.fromkeys(values))
    unknown = [v for v in unique if v not in allowed]
    if unknown:
        codes = md(shorten(", ".join(unknown), SHOWN_REASON_CHARS))
        text = t("notice.unknown_left_out", lang, key=name, value=md(shorten(raw)), codes=codes)
        st.warning(text, icon=":material/link_off:")
    return [v for v in unique if v in allowed]


def bind_order(
    key: str, allowed: Sequence[str], lang: str, default: Sequence[str], legacy: str | None = None
) -> list[str]:
    """The session's ordered choice, seeded from the URL once (ordered_codes); later runs keep what the user made of
    it, on any page."""
    if key not in st.session_state:
        st.session_state[key] = ordered_codes(key, allowed, lang, default, legacy)
    return list(st.session_state[key])
