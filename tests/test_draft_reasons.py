"""The drafter's reasons in both languages: every reason the drafter gives on the corpus reads back into the
templates of cityiso/labels/draft_reasons.py, says the same English again, and in Polish holds no English word."""

import re
import string
from functools import cache
from pathlib import Path

import pytest

from cityiso.draft import command as cli
from cityiso.draft.core import draft
from cityiso.draft.reasons import in_language, parse
from cityiso.labels import t
from cityiso.labels.draft_reasons import REASON_TEXT
from tests.test_page_language import other_words

TESTS = Path(__file__).resolve().parent
DOCUMENTS = sorted((TESTS / "draft_corpus").glob("*.txt")) + sorted((TESTS / "draft_documents").glob("*.txt"))


@cache
def corpus_reasons() -> tuple[str, ...]:
    """Every reason the drafter gives on the corpus and the test documents."""
    seen = set()
    for path in DOCUMENTS:
        d = draft(path.read_text(encoding="utf-8"), source_id=cli.source_id_for(path), file_name=path.name)
        seen |= {v.reason for rows in d.tables.values() for row in rows for v in row.values() if v.reason}
    return tuple(sorted(seen))


def test_the_corpus_gives_reasons_of_many_templates() -> None:
    used = {name for r in corpus_reasons() if (p := parse(r)) for name, _v, _s in p}
    assert len(DOCUMENTS) > 40 and len(used) > len(REASON_TEXT) // 2, sorted(set(REASON_TEXT) - used)


def test_every_reason_of_the_corpus_reads_back_and_says_the_same_english() -> None:
    unread = [r for r in corpus_reasons() if parse(r) is None]
    assert unread == []
    for reason in corpus_reasons():
        again = "".join(t("draft.reason." + name, "en", **values) + sep for name, values, sep in parse(reason))
        assert again == reason
        assert in_language(reason, "en") == reason


def test_every_reason_of_the_corpus_is_said_in_polish_without_english_words() -> None:
    english = {}
    for reason in corpus_reasons():
        polish = in_language(reason, "pl")
        assert polish != reason or not re.search(r"[A-Za-z]{3}", reason), reason
        # Data inside a reason is put in as written: quotes (which other_words leaves out), names, ids.
        # File names (offices.csv) are names, the same in both languages.
        shown = re.sub(r"[\w/.-]*\w\.(csv|txt|json|md)\b", " ", polish)
        if words := other_words(shown, "pl"):
            english[reason] = (polish, words)
    assert english == {}


def _sample(field: str, i: int) -> str:
    """A value a placeholder can hold: a nested reason for a reason, digits for a number, a word for the rest."""
    if field in ("reason", "reason2", "place", "places"):
        return "Rounded to 0.01°."
    if field in ("n", "total", "geonameid", "population"):
        return str(10 + i)
    if field in ("score", "sub"):
        return f"0.{i + 1}"
    if field in ("year", "date", "start", "end", "published"):
        return f"20{10 + i}"
    return f"wartość{i}"


@pytest.mark.parametrize("name", sorted(REASON_TEXT))
def test_each_template_reads_back_as_itself_and_renders_in_both_languages(name: str) -> None:
    fields = [f for _lit, f, _s, _c in string.Formatter().parse(REASON_TEXT[name][1]) if f]
    values = {f: _sample(f, i) for i, f in enumerate(fields)}
    english = t("draft.reason." + name, "en", **values)
    assert english == REASON_TEXT[name][1].format(**values)
    assert parse(english) == ((name, values, ""),)
    polish = in_language(english, "pl")
    assert polish == t("draft.reason." + name, "pl", **{k: in_language(v, "pl") for k, v in values.items()})
    for value in values.values():
        assert in_language(value, "pl") in polish


def test_two_reasons_joined_are_said_one_after_the_other() -> None:
    reason = "Identifier made by the drafter. 'Audyt nadzoru' (surveillance audit); 'ponownie' (renewal)"
    assert (
        in_language(reason, "pl")
        == "Identyfikator nadany przy szkicowaniu. „Audyt nadzoru” (audyt nadzoru); „ponownie” (recertyfikacja)"
    )


def test_a_reason_that_does_not_read_back_is_shown_as_written() -> None:
    assert parse("Something the templates do not know.") is None
    assert in_language("Something the templates do not know.", "pl") == "Something the templates do not know."


def test_a_nested_reason_must_read_back_too() -> None:
    """'GeoNames: {reason}' takes a reason: a place's description is no reason, so the longer template wins."""
    reason = "GeoNames: Testowo (pomorskie, population 1,234, GeoNames 42), the one place named 'Testowo'."
    assert [name for name, _v, _s in parse(reason)] == ["one_place"]
    assert "ludność 1,234" in in_language(reason, "pl")
