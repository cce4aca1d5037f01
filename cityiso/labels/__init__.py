"""Every word the app shows, in Polish and English, and dates in each language's form.

A text that agrees with a count carries one form per CLDR plural category, chosen by Babel's rule for the language:
`plural("n", one="{n} dokument", few="{n} dokumenty", many="{n} dokumentów")` and t(key, lang, n=22) gives
"22 dokumenty". A label before a colon ("Slajdów: {n}") does not inflect and stays a plain string."""

import datetime as dt
import numbers
import operator
import string

import pandas as pd
from babel import Locale
from babel.numbers import format_decimal

from cityiso import vocabulary
from cityiso.labels import app, common, compare, cycles, deck, office, overview, praised, review, sources
from cityiso.labels.draft_reasons import REASON_TEXT
from cityiso.labels.method import METHOD_MD  # noqa: F401
from cityiso.labels.plural import COUNT_CATEGORIES, DEFAULT_LANG, LANGS, PLURAL_RULES, Plural, plural  # noqa: F401

# Month names from Babel's CLDR data: Polish stand-alone (nominative: "marzec 2015") and format (genitive: "30 marca
# 2016", "do kwietnia 2018") forms, English wide and abbreviated forms.
_PL, _EN = Locale.parse("pl"), Locale.parse("en")
MONTHS_NOMINATIVE_PL = tuple(_PL.months["stand-alone"]["wide"][m] for m in range(1, 13))
MONTHS_GENITIVE_PL = tuple(_PL.months["format"]["wide"][m] for m in range(1, 13))
MONTHS_EN = tuple(_EN.months["format"]["wide"][m] for m in range(1, 13))
MONTHS_SHORT = {
    "pl": tuple(_PL.months["stand-alone"]["abbreviated"][m] for m in range(1, 13)),
    "en": tuple(_EN.months["format"]["abbreviated"][m] for m in range(1, 13)),
}

# Every text of the interface, by key: (Polish, English). One module per section of the app, named as its keys begin
# (overview.*, map.* and trends.* in overview; deck.* and present.* in deck; words every part uses in common).
SECTIONS = (common, app, overview, cycles, praised, compare, office, sources, deck, review)
TEXT: dict[str, tuple[str | Plural, str | Plural]] = {
    key: pair for section in SECTIONS for key, pair in section.TEXT.items()
}

# --- The drafter's reasons (the curator's review page): cityiso/labels/draft_reasons.py holds the pairs -------------
TEXT.update({f"draft.reason.{name}": pair for name, pair in REASON_TEXT.items()})
# The lead-in of a build problem shown on the review page: the problem itself is the data check's own words.
TEXT["draft.build_problem"] = ("Problem w danych: {problem}", "{problem}")


def t(key: str, lang: str, /, **values) -> str:
    """The text for a key in the language, with {placeholders} filled (a large whole number grouped as the language
    writes it: grouped()); a plural text in the form its count takes."""
    lang = "en" if lang == "en" else "pl"
    text = TEXT[key][LANGS.index(lang)]
    if isinstance(text, Plural):
        text = text.forms[_category(key, text.count, values, lang)]
    if not values:
        return text
    plain = {name for _, name, spec, _ in string.Formatter().parse(text) if name and not spec}
    return text.format(**{k: grouped(v, lang) if k in plain else v for k, v in values.items()})


# From here on a whole number shows its thousands grouped. Below it no year gets a separator; Polish groups only from
# here anyway (CLDR's minimum grouping digits), so "2133 urzędy" and "44 489 dokumentów".
GROUPED_FROM = 10_000


def grouped(value: object, lang: str) -> object:
    """A whole number of GROUPED_FROM or more as the language writes it (Babel: "44 489" in Polish, with a no-break
    space, "44,489" in English); any other value as it is."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool) and abs(value) >= GROUPED_FROM:
        return format_decimal(int(value), locale=lang)
    return value


def _category(key: str, count: str, values: dict, lang: str) -> str:
    """The CLDR plural category of a text's count; a count missing or not a whole number is a caller's error."""
    if count not in values:
        raise TypeError(f"label {key!r} agrees with a count: call it with {count}=<a whole number>")
    try:
        n = operator.index(values[count])
    except TypeError:
        raise TypeError(f"label {key!r}: {count} must be a whole number, not {values[count]!r}") from None
    return PLURAL_RULES[lang](n)


def localized(column: str, lang: str) -> str:
    """The column holding a data label in the language: localized('theme', 'en') is 'theme_en'."""
    return f"{column}_en" if lang == "en" else f"{column}_pl"


def code_label(domain: str, code: str | None, lang: str) -> str:
    """The label of a vocabulary code (event kind, finding kind, voice, ...)."""
    if code is None or (isinstance(code, float) and pd.isna(code)):
        return "—"
    pl, en = vocabulary.ALL[domain].get(code, (code, code))
    return en if lang == "en" else pl


def format_date(value, precision: str | None, lang: str, inferred: bool = False, genitive: bool = False) -> str:
    """A date as people write it: '30 września 2016', 'marzec 2015', '2019'; '~' marks an inferred one.

    genitive: a month after a Polish preposition ('ważny do kwietnia 2018')."""
    if value is None or pd.isna(value):
        return t("undated", lang)
    date = pd.Timestamp(value).date() if not isinstance(value, dt.date) else value
    if precision == "year":
        text = str(date.year)
    elif precision == "month":
        polish = MONTHS_GENITIVE_PL if genitive else MONTHS_NOMINATIVE_PL
        month = MONTHS_EN[date.month - 1] if lang == "en" else polish[date.month - 1]
        text = f"{month} {date.year}"
    else:
        month = MONTHS_EN[date.month - 1] if lang == "en" else MONTHS_GENITIVE_PL[date.month - 1]
        text = f"{date.day} {month} {date.year}"
    return f"~{text}" if inferred else text


def _bound_precision(value: dt.date, first: bool) -> str:
    """The precision a bound was written with: a bound on a whole year or month is stored as its first or last day."""
    if (value.month, value.day) == ((1, 1) if first else (12, 31)):
        return "year"
    if value.day == 1 if first else (value + dt.timedelta(days=1)).day == 1:
        return "month"
    return "day"


def format_bounds(not_before, not_after, lang: str) -> str:
    """An undated fact known only between bounds: '~2016–2017', '~after March 2015'; 'undated' without bounds."""
    low = pd.Timestamp(not_before).date() if not_before is not None and pd.notna(not_before) else None
    high = pd.Timestamp(not_after).date() if not_after is not None and pd.notna(not_after) else None
    if low is None and high is None:
        return t("undated", lang)
    if low and high:
        first = format_date(low, _bound_precision(low, True), lang)
        return f"~{first}–{format_date(high, _bound_precision(high, False), lang)}"
    if low:
        return t("not_before", lang, date=format_date(low, _bound_precision(low, True), lang, genitive=True))
    return t("not_after", lang, date=format_date(high, _bound_precision(high, False), lang, genitive=True))


def clause_label(clause, label_pl: str | None, label_en: str | None, lang: str) -> str:
    """'5 Przywództwo' / '5 Leadership' from the codebook's labels; 'bez rozdziału' where no clause fits."""
    if clause is None or pd.isna(clause):
        return t("no_clause", lang)
    return f"{int(clause)} {label_en if lang == 'en' else label_pl}"
