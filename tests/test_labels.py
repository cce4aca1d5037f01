"""The labels: Polish and English for every key, plural forms chosen by Babel's CLDR rules, and every key the code
asks for present (and every key present asked for)."""

import ast
import string

import numpy as np
import pytest

from cityiso.app import urlstate
from cityiso.data.descriptor import package
from cityiso.deck.slides import CHARTS
from cityiso.figures.praise import MEASURES
from cityiso.labels import COUNT_CATEGORIES, LANGS, TEXT, Plural, grouped, t
from cityiso.paths import ROOT

# Polish: 1 dokument, 2-4 dokumenty, 5-21 dokumentów, 22-24 dokumenty, 12-14 dokumentów, 101 dokumentów ...
POLISH_COUNTS = {
    0: "many",
    1: "one",
    2: "few",
    4: "few",
    5: "many",
    12: "many",
    14: "many",
    21: "many",
    22: "few",
    25: "many",
    101: "many",
    102: "few",
    112: "many",
}
# (key, the other values it needs, the words after the count in Polish by category, in English by category)
AGREEING = [
    (
        "source_line",
        {"built": "1 marca 2024", "evidence": "2023"},
        {"one": "dokument źródłowy", "few": "dokumenty źródłowe", "many": "dokumentów źródłowych"},
        {"one": "source document;", "other": "source documents;"},
    ),
    (
        "why.too_long",
        {"max": 2000},
        {"one": "znak,", "few": "znaki,", "many": "znaków,"},
        {"one": "character,", "other": "characters,"},
    ),
    (
        "sources.citation_text",
        {"version": "1.0", "built": "2024-03-01", "accessed": "2024-03-02"},
        {"one": "dokument źródłowy)", "few": "dokumenty źródłowe)", "many": "dokumentów źródłowych)"},
        {"one": "source document)", "other": "source documents)"},
    ),
]


@pytest.mark.parametrize(("key", "values", "polish", "english"), AGREEING, ids=[a[0] for a in AGREEING])
def test_a_count_takes_its_polish_form(key: str, values: dict, polish: dict, english: dict) -> None:
    for n, category in POLISH_COUNTS.items():
        assert f"{n} {polish[category]}" in t(key, "pl", n=n, **values), (key, n)


@pytest.mark.parametrize(("key", "values", "polish", "english"), AGREEING, ids=[a[0] for a in AGREEING])
def test_a_count_takes_its_english_form(key: str, values: dict, polish: dict, english: dict) -> None:
    for n, category in {0: "other", 1: "one", 2: "other"}.items():
        assert f"{n} {english[category]}" in t(key, "en", n=n, **values), (key, n)


def test_a_count_named_other_than_n_chooses_the_form() -> None:
    assert t("why.too_many", "pl", max=1) == "najwyżej 1 wartość"
    assert t("why.too_many", "pl", max=100) == "najwyżej 100 wartości"
    assert t("why.at_least", "en", low=1) == "choose at least 1 value"
    assert t("why.at_least", "en", low=3) == "choose at least 3 values"


def test_a_plural_label_without_its_count_fails_loudly() -> None:
    with pytest.raises(TypeError, match="agrees with a count"):
        t("source_line", "pl", built="1 marca 2024", evidence="2023")
    with pytest.raises(TypeError, match="whole number"):
        t("source_line", "en", n=2.5, built="x", evidence="y")
    with pytest.raises(TypeError, match="whole number"):
        t("why.too_long", "pl", n="%{customdata}", max=2)


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def forms(text: "str | Plural") -> list[str]:
    return list(text.forms.values()) if isinstance(text, Plural) else [text]


def test_every_key_has_both_languages_with_the_same_placeholders_in_every_form() -> None:
    for key, texts in TEXT.items():
        assert len(texts) == len(LANGS), key
        seen = set()
        for lang, text in zip(LANGS, texts, strict=True):
            if isinstance(text, Plural):
                assert set(text.forms) == COUNT_CATEGORIES[lang], (key, lang, sorted(text.forms))
            for form in forms(text):
                assert isinstance(form, str) and form.strip(), (key, lang)
                seen.add(frozenset(placeholders(form)))
            if isinstance(text, Plural):
                assert all(text.count in placeholders(f) for f in forms(text)), (key, lang, text.count)
        assert len(seen) == 1, (key, [sorted(s) for s in seen])


# --- Every key asked for exists, every key that exists is asked for -----------------------------------------------

SOURCES = [ROOT / "dashboard.py", *sorted((ROOT / "pages").glob("*.py")), *sorted((ROOT / "cityiso").rglob("*.py"))]
LABELS = ROOT / "cityiso" / "labels"
# Keys added for files being rewritten elsewhere (pages/office.py, praised.py, presentation.py, views/tables.py): they
# stay exempt until those files use them, and this list must then lose them.
AWAITING_USE: set[str] = set()


def _label_calls() -> tuple[set[str], set[str], set[str]]:
    """Across the app's code: the keys t() is called with as literals (or in a conditional), the prefixes it is
    called with (f"present.chart.{c}", "cycles." + style), and every string constant at all (a key kept in a
    table, as the presentation's downloads keep theirs)."""
    literals, prefixes, constants = set(), set(), set()
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and LABELS not in path.parents:
                constants.add(node.value)  # cityiso/labels/ holds every key as a constant: only its t() calls count
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "t"):
                continue
            if not node.args:
                continue
            key = node.args[0]
            if isinstance(key, ast.Constant):
                literals.add(key.value)
            elif isinstance(key, ast.IfExp):
                literals |= {b.value for b in (key.body, key.orelse) if isinstance(b, ast.Constant)}
            elif isinstance(key, ast.JoinedStr) and isinstance(key.values[0], ast.Constant):
                prefixes.add(key.values[0].value)
            elif isinstance(key, ast.BinOp) and isinstance(key.left, ast.Constant):
                prefixes.add(key.left.value)
    return literals, prefixes, constants


def test_every_key_the_code_asks_for_exists() -> None:
    literals, prefixes, _ = _label_calls()
    assert literals, "no t() call found: the scan is broken"
    assert sorted(literals - set(TEXT)) == []
    assert sorted(p for p in prefixes if not any(k.startswith(p) for k in TEXT)) == []
    # The families of keys a page builds from codes.
    assert sorted(f"present.chart.{c}" for c in CHARTS if f"present.chart.{c}" not in TEXT) == []
    assert sorted(f"measure.{m}" for m in MEASURES if f"measure.{m}" not in TEXT) == []


def test_every_key_is_asked_for() -> None:
    literals, prefixes, constants = _label_calls()
    used = {k for k in TEXT if k in literals or k in constants or any(k.startswith(p) for p in prefixes)}
    assert sorted(set(TEXT) - used - AWAITING_USE) == []
    assert sorted(AWAITING_USE & used) == [], "now used: take these off AWAITING_USE"
    assert set(TEXT) >= AWAITING_USE


def test_the_scan_sees_a_key_used_only_in_an_f_string() -> None:
    _, prefixes, _ = _label_calls()
    assert "present.chart." in prefixes and "cycles." in prefixes


@pytest.mark.parametrize(("lang", "why"), [("pl", "wybierz co najmniej 1 wartość"), ("en", "choose at least 1 value")])
def test_too_few_codes_with_no_upper_bound_says_at_least(lang: str, why: str) -> None:
    """?kinds= (empty) on the praised page: the reason once read "wybierz od 1 do None urzędów"."""
    with pytest.raises(ValueError, match=f"^{why}$"):
        urlstate.codes(["praise", "remark"], lang, 1)("")
    with pytest.raises(ValueError, match="od 2 do 4 urzędów"):
        urlstate.codes(["a", "b", "c", "d", "e"], "pl", 2, 4)("a,b,c,d,e")


def test_every_code_of_the_data_package_has_a_label_in_each_language() -> None:
    """A code's Polish and English labels differ: a label left as the code (or one language's word in both) shows
    English in the Polish codebook, or Polish in the English one."""
    same = [(field, code) for field, code, pl, en in package().codes() if pl == en]
    assert same == []


@pytest.mark.parametrize(
    ("lang", "n", "shown"),
    [("pl", 44489, "44\u00a0489 dokumentów"), ("en", 44489, "44,489 source documents"), ("pl", 2133, "2133 dokumenty")],
)
def test_a_count_of_ten_thousand_or_more_is_grouped_as_the_language_writes_it(lang: str, n: int, shown: str) -> None:
    """From 10,000 a count's thousands are grouped (Polish with a no-break space); below, nothing is, so a year never
    gets a separator; a placeholder that formats its number itself gets the number."""
    assert shown in t("source_line", lang, n=n, evidence="—", built="—")
    assert grouped(2026, "en") == 2026 and grouped(True, "en") is True and grouped(12.5, "pl") == 12.5
    assert grouped(np.int64(123456), "pl") == "123\u00a0456"
    # "Mediana: {median:g}" formats its number itself: it gets the number, not a grouped text (which :g refuses).
    assert "Median: 12345." in t("overview.standing_help", "en", kind="x", percentile=50, median=12345)
