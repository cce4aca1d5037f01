"""No page speaks the other language: every page, opened in Polish and in English on the fixture package, shows
none of the other language's interface texts (cityiso/labels.py), in any element, widget, table or chart."""

import re

import duckdb
import pytest

from cityiso.data.descriptor import package
from cityiso.labels import TEXT, Plural
from tests.visible_text import visible_texts

PAGES = {
    "overview": {"office": "testowo"},
    "cycles": {},
    "praised": {"q": "obsługa"},
    "compare": {"offices": "testowo,testowo-powiat"},
    "city": {"office": "testowo-powiat"},
    "presentation": {"offices": "testowo,testowo-powiat"},
    "sources": {},
}
# A piece of a label shorter than this can be a word of both languages (or of a name): not a sign of the other one.
SHORTEST = 4
OTHER = {"pl": 1, "en": 0}


def _forms(text: "str | Plural") -> list[str]:
    return list(text.forms.values()) if isinstance(text, Plural) else [text]


def pieces(lang: str) -> dict[str, str]:
    """The fixed pieces of every text only `lang` has (text between placeholders), each with its key."""
    index = {"pl": 0, "en": 1}[lang]
    found = {}
    for key, texts in TEXT.items():
        mine, theirs = set(_forms(texts[index])), set(_forms(texts[1 - index]))
        for form in mine - theirs:
            for piece in re.split(r"\{[^}]*\}", form):
                piece = piece.strip(" .,:;·()–—")
                others = " ".join(theirs)
                if len(piece) >= SHORTEST and piece not in others:
                    found.setdefault(piece, key)
    return found


@pytest.fixture(scope="module")
def data_strings(package_db) -> list[str]:
    """Every text value of the fixture's tables (names, titles, quotes, codes) and the data package's column names
    and codes: data, not interface, longest first."""
    con = duckdb.connect(str(package_db), read_only=True)
    values = set()
    tables = con.execute("select table_name from information_schema.tables where table_type = 'BASE TABLE'")
    for (table,) in tables.fetchall():
        columns = con.execute(
            "select column_name from information_schema.columns where table_name = $t and data_type = 'VARCHAR'",
            {"t": table},
        ).fetchall()
        for (column,) in columns:
            values |= {v for (v,) in con.execute(f'select distinct "{column}" from "{table}"').fetchall() if v}
    con.close()
    # The codebook shows each file's column names and codes: identifiers, the same in both languages.
    for resource in package().resources:
        values |= set(resource.field_names) | {code for field in resource.fields for code in field.enum}
    return sorted(values, key=len, reverse=True)


def interface_text(texts: list[str], data: list[str]) -> str:
    """The page's texts with line breaks, markdown escapes and every data value taken out."""
    joined = "\n".join(texts).replace("<br>", " ")
    joined = re.sub(r"\\(.)", r"\1", joined)
    joined = re.sub(r"\s+", " ", joined)
    for value in data:
        if len(value) >= SHORTEST:
            joined = joined.replace(re.sub(r"\s+", " ", value), " ")
    return joined


def foreign(shown: str, lang: str) -> list[tuple[str, str]]:
    """(piece, key) of the other language's texts that the page shows as whole words."""
    hits = []
    for piece, key in pieces("en" if lang == "pl" else "pl").items():
        flags = re.IGNORECASE if " " in piece else 0  # one word may be a word of both ("Data", "data")
        if re.search(rf"(?<!\w){re.escape(piece)}(?!\w)", shown, flags):
            hits.append((piece, key))
    return hits


@pytest.mark.parametrize("lang", ["pl", "en"])
@pytest.mark.parametrize("page", list(PAGES))
def test_a_page_shows_no_text_of_the_other_language(open_page, data_strings, page: str, lang: str) -> None:
    at = open_page(page, lang=lang, **PAGES[page])
    shown = interface_text(visible_texts(at), data_strings)
    assert foreign(shown, lang) == []


def test_the_check_finds_an_english_label_in_a_polish_page() -> None:
    assert ("Source documents", "sources.documents") in foreign("Dokumenty · Source documents · 3", "pl")
    assert foreign("Dokumenty źródłowe", "pl") == []
