"""No page speaks the other language: every page, opened in Polish and in English on the fixture package, shows
none of the other language's interface texts (cityiso/labels/), in any element, widget, table or chart."""

import re

import duckdb
import pytest

from cityiso.data.descriptor import package
from cityiso.labels import TEXT, Plural
from tests.visible_text import visible_texts

PAGES = {
    "overview": {"office": "testowo"},
    "cycles": {"tables": "certificates,events"},
    "praised": {"q": "obsługa", "tables": "findings"},
    "compare": {"offices": "testowo,testowo-powiat"},
    "office": {"office": "testowo-powiat"},
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
    # A style or a script (dashboard.py's, a page's) is no text anyone sees.
    joined = re.sub(r"<(style|script)>.*?</\1>", " ", "\n".join(texts), flags=re.DOTALL).replace("<br>", " ")
    joined = re.sub(r"\\(.)", r"\1", joined)
    joined = re.sub(r"\s+", " ", joined)
    for value in data:
        if len(value) >= SHORTEST:
            joined = joined.replace(re.sub(r"\s+", " ", value), " ")
    # File names and folders (the codebook's resources, data/sources/) are names, the same in both languages.
    return re.sub(r"[\w/.-]*\w\.(csv|txt|json|md|duckdb)\b|\bdata/\w+/", " ", joined)


def foreign(shown: str, lang: str) -> list[tuple[str, str]]:
    """(piece, key) of the other language's texts that the page shows as whole words."""
    hits = []
    for piece, key in pieces("en" if lang == "pl" else "pl").items():
        flags = re.IGNORECASE if " " in piece else 0  # one word may be a word of both ("Data", "data")
        if re.search(rf"(?<!\w){re.escape(piece)}(?!\w)", shown, flags):
            hits.append((piece, key))
    return hits


# Common words of one language that the other never uses: a text the labels module does not hold (a hard-coded
# string, a reference table's label, a drafter's reason) shows itself by them. "to", "no", "data", "status" and
# "audit" are words of both languages and left out.
ENGLISH_WORDS = [
    "the",
    "and",
    "of",
    "with",
    "from",
    "for",
    "which",
    "each",
    "every",
    "only",
    "none",
    "not",
    "unknown",
    "reported",
    "planned",
    "valid",
    "expired",
    "lapsed",
    "finding",
    "findings",
    "audits",
    "office",
    "offices",
    "source",
    "sources",
    "year",
    "years",
    "date",
    "dates",
    "page",
    "download",
    "chart",
    "clause",
    "theme",
    "themes",
    "praised",
    "certificate",
    "certificates",
    "event",
    "events",
    "between",
    "without",
]
POLISH_WORDS = [
    "oraz",
    "lub",
    "nie",
    "dla",
    "jest",
    "brak",
    "rok",
    "lata",
    "urząd",
    "urzędy",
    "wszystkie",
    "według",
    "bez",
]
POLISH_LETTERS = "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ"


def other_words(shown: str, lang: str) -> list[str]:
    """Words of the other language in a page's interface text (data values already taken out), outside quotation
    marks: a quoted example ("na kolejne 3 lata", „skargi”) is the documents' language."""
    words = re.findall(r"\w+", re.sub(r"[„“\"][^„“”\"]*[”\"]", " ", shown))
    if lang == "pl":
        return sorted({w for w in words if w.lower() in ENGLISH_WORDS})
    return sorted({w for w in words if w.lower() in POLISH_WORDS or set(w) & set(POLISH_LETTERS)})


@pytest.mark.parametrize("lang", ["pl", "en"])
@pytest.mark.parametrize("page", list(PAGES))
def test_a_page_shows_no_text_of_the_other_language(open_page, data_strings, page: str, lang: str) -> None:
    at = open_page(page, lang=lang, **PAGES[page])
    shown = interface_text(visible_texts(at), data_strings + list(PAGES[page].values()))  # the link's own values
    assert foreign(shown, lang) == []
    assert other_words(shown, lang) == [], shown


def test_the_check_finds_the_other_language_s_words() -> None:
    assert other_words("Dokumenty · Findings of the audit", "pl") == ["Findings", "of", "the"]
    assert other_words("Documents · Wygasł, brak dowodów", "en") == ["Wygasł", "brak", "dowodów"]
    assert other_words("Status: audit nadzoru · 3 dokumenty", "pl") == []
    assert other_words("Status: surveillance audit · 3 documents", "en") == []


def test_the_check_finds_an_english_label_in_a_polish_page() -> None:
    assert ("Source documents", "sources.documents") in foreign("Dokumenty · Source documents · 3", "pl")
    assert foreign("Dokumenty źródłowe", "pl") == []
