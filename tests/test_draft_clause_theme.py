"""The drafter's clause and theme suggestions for a finding (cityiso/draft/findings.py Suggester, clause_lexicon,
theme_lexicon): one invented sentence per rule, against the frozen register."""

from functools import cache
from pathlib import Path

import pytest

from cityiso.draft.findings import Suggester, content_lemmas
from cityiso.draft.known import known

REGISTER = Path(__file__).with_name("draft_register")


@cache
def _suggester() -> Suggester:
    return Suggester(known(REGISTER))


def _clause(text: str) -> str | None:
    return _suggester().clause(text, _suggester().theme(text)[0])[0]


def test_a_verbal_noun_and_its_participle_meet() -> None:
    """'zaangażowanie' and 'zaangażowani' are one word for the suggestions, as are 'doskonalenie' and 'doskonalony'."""
    assert content_lemmas("zaangażowanie") == content_lemmas("zaangażowani")
    assert content_lemmas("doskonalenie") == content_lemmas("doskonalony")


def test_function_words_are_no_content_and_audit_spellings_meet() -> None:
    """'się' and 'przez' carry no subject; 'auditów' is 'audytów' in the older spelling."""
    assert content_lemmas("uczy się przez praktykę") == content_lemmas("uczy praktykę")
    assert content_lemmas("auditów wewnętrznych") == content_lemmas("audytów wewnętrznych")


@pytest.mark.parametrize(
    "text",
    [
        "Audytor stwierdził, że system spełnia wymagania normy.",
        "Audytorzy ocenili system jako zgodny i skuteczny.",
    ],
)
def test_a_general_statement_of_conformity_has_no_clause_and_its_own_theme(text: str) -> None:
    """A statement about the system as a whole names no clause (docs/CURATION.md#clauses) and is the theme of such
    statements."""
    assert _clause(text) is None
    assert _suggester().theme(text)[0] == "qms_conformity"


def test_the_kind_of_a_finding_is_not_its_subject() -> None:
    """'jedna niezgodność dotycząca nadzoru nad zapisami' is about records (7.5), not about nonconformities (10)."""
    got, _score, why = _suggester().clause("jedna niezgodność dotycząca nadzoru nad zapisami")
    assert got == "7" and "7.5" in why


def test_a_units_name_is_not_the_subject() -> None:
    """'Wydział Komunikacji' is where something is done, not communication (7.4): a finding naming nothing else gets
    no clause."""
    assert _clause("sprawna obsługa interesantów w Wydziale Komunikacji") == "8"
    assert _clause("przejrzyste procedury w Wydziale Komunikacji") is None


def test_a_posts_name_is_not_the_subject() -> None:
    """'Pełnomocnik ds. Polityki Jakości' names a post; what he does is the subject (the archive, 7.5)."""
    assert _clause("Pełnomocnik ds. Polityki Jakości uporządkował archiwum zakładowe") == "7"


def test_a_word_no_definition_uses_weighs_as_the_rarest() -> None:
    """'archiwum' is in no codebook definition or example, only in the lexicon of 7.5: it outweighs 'usług', which
    many use."""
    assert _clause("wzorowe archiwum usług geodezyjnych") == "7"


@pytest.mark.parametrize(
    ("finding", "clause", "sub"),
    [
        ("staranne przechowywanie zapisów w archiwum", "7", "7.5"),
        ("rozbudowa systemów informatycznych i sieci", "7", "7.1.3"),
        ("regularne badanie satysfakcji i analiza skarg", "9", "9.1.2"),
        ("życzliwa obsługa klientów i interesantów", "8", "8.5"),
        ("kompletny rejestr aspektów środowiskowych", "6", "6.1"),
    ],
)
def test_clause_from_the_words_an_office_uses_for_a_requirement(finding: str, clause: str, sub: str) -> None:
    """The 2008 terms of 7.5 (documents and records), the office's words for client feedback (9.1.2) and service
    (8.5), and the requirements of ISO 14001 and ISO/IEC 27001 under the shared headings (6.1) find their clause."""
    got, _score, why = _suggester().clause(finding)
    assert (got, sub in why) == (clause, True), why


@pytest.mark.parametrize(
    ("finding", "theme"),
    [
        ("coroczne badanie satysfakcji mieszkańców", "customer_focus"),
        ("sprawne rozliczanie dotacji z funduszy europejskich", "eu_funds"),
        ("nowa siedziba urzędu z przestronnymi pomieszczeniami", "infrastructure"),
        ("wzorowe konsultacje społeczne projektu budżetu obywatelskiego", "civic_participation"),
        ("rzetelne sprawozdania z realizacji wskaźników", "analysis_reporting"),
        ("wdrożenie e-usług i podpisu elektronicznego", "it_eservices"),
        ("życzliwa obsługa w Wydziale Finansów i Budżetu", "customer_focus"),
    ],
)
def test_theme_from_its_definition_and_terms(finding: str, theme: str) -> None:
    """A finding in the words of a theme's definition or its terms (theme_lexicon) gets that theme; a unit's name
    ('Wydział Finansów') is no subject."""
    got, _score, why = _suggester().theme(finding)
    assert got == theme, why


HELD_OUT = sorted((Path(__file__).with_name("draft_heldout") / "findings").glob("*.txt"))


@pytest.mark.parametrize("doc", HELD_OUT, ids=lambda p: p.stem)
def test_held_out_findings_are_verbatim_and_coded_in_the_codebook(doc: Path) -> None:
    """Every expected finding of the held-out documents stands in its text and uses the codebook's themes and the
    ISO 9001:2015 headings."""
    from cityiso.draft import evaluate as ev

    x = ev.read_expected(doc)
    k = known(REGISTER)
    themes = {t["theme_id"] for t in k.themes}
    headings = {c["clause"] for c in k.clauses if c["standard_id"] == "iso9001-2015" and "." not in c["clause"]}
    assert x.findings
    for f in x.findings:
        assert ev.locate(x.text, f["quote"]), f["quote"]
        assert f["theme"] in themes and f["clause"] in headings | {""}
