"""Every id made from words follows one rule (cityiso.ids.slug)."""

import pytest

from cityiso.ids import slug


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Urząd Łódź 2015", "urzad-lodz-2015"),
        ("ŻÓŁĆ_gęślą", "zolc-gesla"),
        ("  Nowa  Wola ", "nowa-wola"),
        ("Gießen & Ærø", "giessen-aero"),
    ],
)
def test_polish_and_other_letters_fold_to_ascii_words_joined_by_dashes(words: str, expected: str) -> None:
    assert slug(words) == expected


def test_a_cut_id_never_ends_in_a_dash_and_nothing_left_gives_the_fallback() -> None:
    assert slug("ab cd", max_chars=3) == "ab"
    assert slug("___", fallback="draft") == "draft"
