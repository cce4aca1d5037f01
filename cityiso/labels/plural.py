"""Languages and plural forms (Babel's CLDR rules): a text that agrees with a count."""

from collections.abc import Mapping
from dataclasses import dataclass

from babel import Locale

LANGS = ("pl", "en")
DEFAULT_LANG = "pl"
PLURAL_RULES = {lang: Locale.parse(lang).plural_form for lang in LANGS}
# The categories a whole number takes: counts are whole, so a form only fractions take (Polish "other", "1,5
# dokumentu") is never written. Polish and English integer rules repeat within every thousand.
COUNT_CATEGORIES = {lang: frozenset(map(rule, range(1000))) for lang, rule in PLURAL_RULES.items()}


@dataclass(frozen=True)
class Plural:
    """A text that agrees with the count given as the value `count`: one form per CLDR plural category."""

    count: str
    forms: Mapping[str, str]


def plural(count: str, **forms: str) -> Plural:
    """plural("n", one=..., few=..., many=...) for Polish, plural("n", one=..., other=...) for English."""
    return Plural(count, forms)
