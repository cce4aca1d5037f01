"""Every word the app shows, in Polish and English, and dates in each language's form.

A text that agrees with a count carries one form per CLDR plural category, chosen by Babel's rule for the language:
`plural("n", one="{n} dokument", few="{n} dokumenty", many="{n} dokumentów")` and t(key, lang, n=22) gives
"22 dokumenty". A label before a colon ("Slajdów: {n}") does not inflect and stays a plain string."""

import datetime as dt
import operator
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
from babel import Locale

from cityiso import vocabulary
from cityiso.draft.reason_texts import REASON_TEXT

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

TEXT: dict[str, tuple[str | Plural, str | Plural]] = {
    # navigation
    "not_before": ("~od {date}", "~from {date}"),
    "not_after": ("~do {date}", "~until {date}"),
    "nav.overview": ("Przegląd", "Overview"),
    "nav.cycles": ("Cykle certyfikacji", "Certification cycles"),
    "nav.praised": ("Obszary docenione", "Praised areas"),
    "nav.compare": ("Porównanie", "Compare"),
    "nav.city": ("Urząd", "Office"),
    "nav.sources": ("Źródła i metodologia", "Sources and method"),
    "nav.section.explore": ("Analiza", "Explore"),
    "nav.section.about": ("O danych", "About the data"),
    "language": ("Język", "Language"),
    "nav.section.curator": ("Kurator", "Curator"),
    "nav.review": ("Szkice do przejrzenia", "Review drafts"),
    # the curator's review page (curate/review.py, cityiso/app/review_page.py, cityiso/draft/review.py)
    "review.title": ("Szkic z komunikatu prasowego", "Drafting from a press release"),
    "review.caption": (
        "Strona kuratora, zapisuje do {folder}. Każda wartość to szkic: przyjmij ją, popraw albo odrzuć.",
        "Curator's page, writes into {folder}. Every value is a draft: accept, edit or reject it.",
    ),
    "review.not_loopback": (
        "Ta strona działa tylko na serwerze dostępnym wyłącznie z tego komputera (adres 127.0.0.1, ::1 lub "
        "localhost), a serwer nasłuchuje na adresie {address}. Uruchom go przez `./run curate`.",
        "This page runs only on a server reachable from this computer alone (address 127.0.0.1, ::1 or "
        "localhost), and the server listens on {address}. Start it with `./run curate`.",
    ),
    "review.hosts": (
        "Ta strona działa tylko, gdy serwer przyjmuje połączenia wyłącznie pod nazwami tego komputera "
        "(server.allowedHosts: 127.0.0.1, localhost, ::1). Uruchom go przez `./run curate`.",
        "This page runs only when the server accepts connections under this computer's names alone "
        "(server.allowedHosts: 127.0.0.1, localhost, ::1). Start it with `./run curate`.",
    ),
    "review.recovered": (
        "Poprzedni zapis został przerwany; folder danych przywrócono do stanu sprzed niego.",
        "An earlier save was interrupted; the data folder was put back as it was before it.",
    ),
    "review.busy": (
        "Inny zapis do tego folderu danych wciąż trwa. Spróbuj ponownie za chwilę.",
        "Another save into this data folder is still under way. Try again in a moment.",
    ),
    "review.paste": ("…albo wklej tekst", "…or paste the text"),
    "review.file_name": ("Nazwa pliku w data/sources/", "File name in data/sources/"),
    "review.url": ("Adres podany w dokumencie (opcjonalnie)", "Address the document states (optional)"),
    "review.published": ("Data publikacji, RRRR-MM-DD (opcjonalnie)", "Publication date, YYYY-MM-DD (optional)"),
    "review.not_utf8": (
        "Wgrany plik nie jest tekstem UTF-8 (błędny bajt nr {byte}). Zapisz go jako UTF-8 i wgraj ponownie.",
        "The uploaded file is not UTF-8 text (bad byte at {byte}). Save it as UTF-8 and upload it again.",
    ),
    "review.too_big": (
        "Tekst jest za długi: dokument może mieć najwyżej {max} kB.",
        "The text is too long: a document may have at most {max} kB.",
    ),
    "review.control.text": (
        "Tekst zawiera niedozwolony znak sterujący {char}: dokument może zawierać tylko tabulatory i końce wierszy.",
        "The text holds a control character, {char}: a document may hold only tabs and line ends.",
    ),
    "review.control.field": (
        "Pole „{field}” zawiera niedozwolony znak sterujący: {value}",
        "The field '{field}' holds a control character: {value}",
    ),
    "review.control.cell": (
        "Tabela {table}, wiersz {n}, kolumna {column}: niedozwolony znak sterujący w {value}",
        "Table {table}, row {n}, column {column}: a control character in {value}",
    ),
    "review.bad_date": ("„{value}” nie jest datą (RRRR-MM-DD).", "'{value}' is not a date (YYYY-MM-DD)."),
    "review.name.empty": (
        "Podaj nazwę pliku dokumentu (np. miasto_audyt_2021.txt).",
        "Give the document a file name (e.g. city_audit_2021.txt).",
    ),
    "review.name.too_long": (
        "Nazwa pliku jest za długa (najwyżej {max} znaków): {name}",
        "The file name is too long (at most {max} characters): {name}",
    ),
    "review.name.path": (
        "Nazwa pliku nie może zawierać `/`, `\\` ani `..`: to ma być sama nazwa pliku w data/sources/: {name}",
        "A file name may not hold `/`, `\\` or `..`: it is a plain name inside data/sources/: {name}",
    ),
    "review.name.hidden": (
        "Nazwa pliku nie może zaczynać się od kropki: {name}",
        "A file name may not start with a dot: {name}",
    ),
    "review.name.chars": (
        "Nazwa pliku może zawierać tylko litery, cyfry, `-`, `_` i `.` i musi zaczynać się literą lub cyfrą: {name}",
        "A file name may hold only letters, digits, `-`, `_` and `.`, and must start with a letter or digit: {name}",
    ),
    "review.name.txt": ("Nazwa pliku musi kończyć się na .txt: {name}", "A file name must end in .txt: {name}"),
    "review.name.taken": (
        "W data/sources/ jest już plik {name} o innej treści: wybierz inną nazwę.",
        "data/sources/ already has a file {name} with other content: choose another name.",
    ),
    "review.text_marked": ("Tekst z zaznaczonymi faktami ze szkicu", "The text, each drafted fact marked"),
    "review.legend.value": ("słowa samej wartości", "a drafted value's own words"),
    "review.legend.sentence": ("zdanie, na którym opiera się wiersz", "a sentence a row stands on"),
    "review.legend.hover": ("najedź kursorem, by zobaczyć kolumny", "hover for the columns"),
    "review.row": ("Tabela {table}, wiersz {n}", "{table} row {n}"),
    "review.decision.accept": ("przyjmij", "accept"),
    "review.decision.edit": ("popraw", "edit"),
    "review.decision.reject": ("odrzuć", "reject"),
    "review.decision.merge": ("scal z istniejącym", "merge"),
    "review.col.column": ("kolumna", "column"),
    "review.col.value": ("wartość", "value"),
    "review.col.confidence": ("pewność", "confidence"),
    "review.col.reason": ("uzasadnienie", "reason"),
    "review.write": ("Zapisz przyjęte wiersze i zbuduj bazę", "Write the accepted rows and build"),
    "review.written": (
        "Zapisano i zbudowano: przyjęte wiersze są w folderze danych.",
        "Written and built: the accepted rows are in the data folder.",
    ),
    "review.failed": (
        "Budowanie znalazło problemy (liczba: {n}); folder danych pozostał bez zmian.",
        "The build found problems (count: {n}); the data folder was left as it was.",
    ),
    "review.write_error": (
        "Zapis się nie powiódł; folder danych pozostał bez zmian. Szczegóły są w dzienniku serwera.",
        "The save failed; the data folder was left as it was. The server's log has the details.",
    ),
    # the review page's queue of documents (cityiso/app/review_page.py, cityiso/draft/queue.py, cityiso/draft/merge.py)
    "queue.upload": (
        "Wgraj zapisane dokumenty (jeden lub wiele naraz)",
        "Upload saved documents (one or many at once)",
    ),
    "queue.draft": ("Przygotuj szkice i dodaj do kolejki", "Draft and queue"),
    "queue.nothing": (
        "Nie ma czego dodać: wgraj pliki albo wklej tekst.",
        "Nothing to queue: upload files or paste a text.",
    ),
    "queue.title": ("Kolejka dokumentów", "Queue of documents"),
    "queue.progress": (
        "Przejrzane: {done} z {total} · zapisane: {saved} · odrzucone: {refused}",
        "{done} of {total} reviewed · {saved} saved · {refused} refused",
    ),
    "queue.status.waiting": ("czeka ({decided} z {rows} wierszy)", "waiting ({decided} of {rows} rows decided)"),
    "queue.status.reviewed": ("przejrzany", "reviewed"),
    "queue.status.saved": ("zapisany w danych", "saved in the data"),
    "queue.status.refused": ("odrzucony: {reason}", "refused: {reason}"),
    "queue.already_queued": ("{name} jest już w kolejce.", "{name} is already in the queue."),
    "queue.in_data": (
        "ten tekst jest już w danych jako {file} (źródło {source})",
        "already in the data as {file} (source {source})",
    ),
    "queue.unreadable": ("nie udało się odczytać pliku {name}", "the file {name} could not be read"),
    "queue.empty": ("dokument nie zawiera tekstu", "the document holds no text"),
    "queue.keys": (
        "Klawisze (poza polami tekstowymi): j / k następny / poprzedni wiersz · n / p następny / poprzedni dokument · "
        "a przyjmij · r odrzuć · m scal z istniejącym · e popraw · A przyjmij resztę · s zapisz dokument",
        "Keys (outside text fields): j / k next / previous row · n / p next / previous document · a accept · "
        "r reject · m merge with the existing row · e edit · A accept the rest · s save the document",
    ),
    "queue.prev_doc": ("← dokument (p)", "← document (p)"),
    "queue.next_doc": ("dokument → (n)", "document → (n)"),
    "queue.prev_row": ("↑ wiersz (k)", "↑ row (k)"),
    "queue.next_row": ("↓ wiersz (j)", "↓ row (j)"),
    "queue.accept": ("przyjmij (a)", "accept (a)"),
    "queue.reject": ("odrzuć (r)", "reject (r)"),
    "queue.merge": ("scal (m)", "merge (m)"),
    "queue.edit": ("popraw (e)", "edit (e)"),
    "queue.accept_rest": ("przyjmij resztę (A)", "accept the rest (A)"),
    "queue.document": ("Dokument {n} z {total}: {name}", "Document {n} of {total}: {name}"),
    "queue.current_row": ("▶ bieżący wiersz", "▶ current row"),
    "queue.matches": (
        "pasuje do istniejącego wiersza {id}: {why}. Scal (m) zamiast dodawać nowy; cytat trafi do "
        "further_evidence.csv jako drugi dowód.",
        "matches the existing row {id}: {why}. Merge (m) instead of adding a new one; the quote goes to "
        "further_evidence.csv as a second piece of evidence.",
    ),
    "queue.why.office_id": ("ten sam identyfikator urzędu", "the same office_id"),
    "queue.why.place": (
        "ta sama miejscowość i rodzaj urzędu: {place}, {kind}",
        "the same place and kind of office: {place}, {kind}",
    ),
    "queue.why.registration": (
        "ten sam urząd, norma i numer rejestracji {registration}",
        "the same office, standard and registration {registration}",
    ),
    "queue.why.validity": (
        "ten sam urząd i norma {family}, okresy ważności zachodzą na siebie: {start} – {end}",
        "the same office and standard {family}, validity overlapping: {start} – {end}",
    ),
    "queue.why.event": (
        "ten sam urząd i rodzaj ({kind}) oraz ta sama data: {date}, w szkicu {drafted}",
        "the same office and kind ({kind}) and the same date: {date}, drafted {drafted}",
    ),
    "queue.merge_gone": (
        "Wiersz {table} {n} miał być scalony z wierszem, którego już nie ma w danych: wybierz ponownie.",
        "Row {n} of {table} was to be merged into a row the data no longer holds: decide it again.",
    ),
    "queue.undecided": (
        plural(
            "n",
            one="{n} wiersz nie ma decyzji: przyjmij go, odrzuć albo przyjmij resztę (A).",
            few="{n} wiersze nie mają decyzji: przyjmij je, odrzuć albo przyjmij resztę (A).",
            many="{n} wierszy nie ma decyzji: przyjmij je, odrzuć albo przyjmij resztę (A).",
        ),
        plural(
            "n",
            one="{n} row has no decision: accept it, reject it or accept the rest (A).",
            other="{n} rows have no decision: accept them, reject them or accept the rest (A).",
        ),
    ),
    "queue.saved_already": ("Ten dokument jest już zapisany.", "This document is saved already."),
    "queue.nothing_accepted": (
        "Żaden wiersz nie został przyjęty: nie ma czego zapisać.",
        "No row is accepted: there is nothing to save.",
    ),
    # shared
    "app.tagline": ("Certyfikacja ISO w urzędach", "ISO certification in Polish local-government offices"),
    "no_database": (
        "Brak bazy danych ({path}). Uruchom `./run start`, aby ją zbudować.",
        "No database ({path}). Run `./run start` to build it.",
    ),
    "notice.bad_param": (
        "Pominięto nieprawidłowy parametr adresu „{key}={value}”: {why}.",
        "Ignored an invalid URL parameter “{key}={value}”: {why}.",
    ),
    "why.lang": ("dostępne języki: pl, en", "languages available: pl, en"),
    "why.unknown_codes": ("nieznane wartości {codes}", "unknown values {codes}"),
    "why.date": ("data w formacie RRRR-MM-DD", "a date as YYYY-MM-DD"),
    "why.choice": ("dozwolone: {allowed}", "allowed: {allowed}"),
    "why.years": ("zakres lat RRRR-RRRR", "a year range YYYY-YYYY"),
    "why.too_long": (
        plural(
            "n",
            one="za długi ({n} znak, najwyżej {max})",
            few="za długi ({n} znaki, najwyżej {max})",
            many="za długi ({n} znaków, najwyżej {max})",
        ),
        plural("n", one="too long ({n} character, at most {max})", other="too long ({n} characters, at most {max})"),
    ),
    "why.too_many": (
        plural("max", one="najwyżej {max} wartość", few="najwyżej {max} wartości", many="najwyżej {max} wartości"),
        plural("max", one="at most {max} value", other="at most {max} values"),
    ),
    "why.at_least": (
        plural(
            "low",
            one="wybierz co najmniej {low} wartość",
            few="wybierz co najmniej {low} wartości",
            many="wybierz co najmniej {low} wartości",
        ),
        plural("low", one="choose at least {low} value", other="choose at least {low} values"),
    ),
    "why.count": ("wybierz od {low} do {high} urzędów", "choose {low} to {high} offices"),
    "source_line": (
        plural(
            "n",
            one="Źródło: cityiso, {n} dokument źródłowy; dowody do {evidence}; baza z {built}.",
            few="Źródło: cityiso, {n} dokumenty źródłowe; dowody do {evidence}; baza z {built}.",
            many="Źródło: cityiso, {n} dokumentów źródłowych; dowody do {evidence}; baza z {built}.",
        ),
        plural(
            "n",
            one="Source: cityiso, {n} source document; evidence up to {evidence}; built {built}.",
            other="Source: cityiso, {n} source documents; evidence up to {evidence}; built {built}.",
        ),
    ),
    "offices": ("Urzędy", "Offices"),
    "filter.search": ("Szukaj urzędu", "Find an office"),
    "filter.search_help": (
        "Miejscowość, nazwa urzędu lub kod TERYT; wielkość liter i polskie znaki nie mają znaczenia.",
        "Place, office name or TERYT code; case and Polish letters do not matter.",
    ),
    "filter.voivodeships": ("Województwa", "Voivodeships"),
    "filter.office_kinds": ("Rodzaje urzędów", "Kinds of office"),
    "filter.offices": ("Wybrane urzędy", "Chosen offices"),
    "filter.offices_help": (
        "Puste: wszystkie urzędy spełniające warunki obok.",
        "Empty: every office meeting the conditions beside it.",
    ),
    "filter.all": ("wszystkie", "all"),
    # Peer groups and size classes (issue 20): the size filter, the compare page's peers of one office.
    "filter.size_classes": ("Ludność", "Population"),
    "filter.size_classes_help": (
        "Liczba mieszkańców miejscowości urzędu według GeoNames (dla starostwa: miasta, w którym ma siedzibę). "
        "„Liczba mieszkańców nieznana”: GeoNames nie wskazał jednoznacznie miejscowości.",
        "Inhabitants of the office's place per GeoNames (for a county office: the town where it sits). "
        "'Population unknown': GeoNames did not name one place for certain.",
    ),
    "peers.title": ("Na tle podobnych urzędów", "Among similar offices"),
    "peers.intro": (
        "Wybierz urząd i to, co ma go łączyć z grupą porównawczą; można łączyć warunki. Bez warunku: wszystkie urzędy.",
        "Choose an office and what its peer group shares with it; conditions combine. No condition: every office.",
    ),
    "peers.office": ("Urząd", "Office"),
    "peers.by": ("Wspólne z tym urzędem", "Shared with this office"),
    "peers.by.kind": ("rodzaj urzędu", "kind of office"),
    "peers.by.voivodeship": ("województwo", "voivodeship"),
    "peers.by.size": ("wielkość miejscowości", "size of the place"),
    "peers.everyone": ("wszystkie urzędy", "every office"),
    "peers.count": (
        plural("n", one="{n} urząd", few="{n} urzędy", many="{n} urzędów"),
        plural("n", one="{n} office", other="{n} offices"),
    ),
    "peers.group": ("Grupa porównawcza ({count}): {definition}", "Peer group ({count}): {definition}"),
    "peers.size_unknown": (
        "Liczba mieszkańców miejscowości tego urzędu nie jest znana (GeoNames nie wskazał jednej miejscowości): "
        "grupy nie zawężono według wielkości.",
        "The population of this office's place is not known (GeoNames named no single place): the group is not "
        "narrowed by size.",
    ),
    "peers.population": ("Ludność miejscowości (GeoNames): {n}", "Population of the place (GeoNames): {n}"),
    "peers.measure": ("Miara", "Measure"),
    "peers.this_office": ("Ten urząd", "This office"),
    "peers.median": ("Mediana grupy", "Group median"),
    "peers.range": ("Najmniej–najwięcej w grupie", "Group lowest–highest"),
    "peers.rank": ("Miejsce w grupie", "Rank in the group"),
    "peers.percentile": ("Percentyl", "Percentile"),
    "peers.table_title": ("Urząd na tle grupy porównawczej", "The office against its peer group"),
    "peers.takeaway": (
        "{name} — {measure}: {value}; mediana grupy: {median} ({rank})",
        "{name} — {measure}: {value}; group median: {median} ({rank})",
    ),
    "peers.distribution": ("Audyty w grupie porównawczej", "Audits in the peer group"),
    "peers.mark": ("{count}; pomarańczowy: {name}", "{count}; orange: {name}"),
    "filter.no_offices": ("Żaden urząd nie spełnia tych warunków.", "No office meets these conditions."),
    "paging.findings": ("Ustalenia {first}–{last} z {total}", "Findings {first}–{last} of {total}"),
    "praised.all_covered": ("Wszystkie urzędy spełniające warunki ({n})", "Every office meeting the conditions ({n})"),
    "praised.heatmap_top": (
        "Mapa pokazuje urzędy z największą liczbą ustaleń: {shown} z {n}; zawęź warunki, by zobaczyć inne.",
        "The map shows the offices with the most findings: {shown} of {n}; narrow the conditions to see others.",
    ),
    "paging.documents": ("Dokumenty {first}–{last} z {total}", "Documents {first}–{last} of {total}"),
    "sources.search": ("Szukaj dokumentu", "Find a document"),
    "sources.search_help": (
        "Słowa z tytułu, nazwy pliku, adresu lub wydawcy.",
        "Words in the title, file name, address or publisher.",
    ),
    "sources.none": ("Żaden dokument nie spełnia tych warunków.", "No document meets these conditions."),
    "sources.show_facts": ("Pokaż fakty z tego dokumentu", "Show the facts from this document"),
    "sources.no_facts": (
        "Ten dokument nie podaje certyfikatów ani zdarzeń.",
        "This document states no certificate or event.",
    ),
    "paging.per_page": ("Urzędów na stronie", "Offices per page"),
    "paging.page": ("Strona", "Page"),
    "paging.showing": (
        "Urzędy {first}–{last} z {total} (najpierw te z największą liczbą zdarzeń)",
        "Offices {first}–{last} of {total} (those with the most events first)",
    ),
    "as_of": ("Stan na dzień", "Status on"),
    "count": ("Liczba", "Count"),
    "share": ("Udział w ustaleniach audytu", "Share of the audit's findings"),
    "measure": ("Miara", "Measure"),
    "measure.count": ("liczba", "count"),
    "measure.share": ("udział", "share"),
    "year": ("Rok", "Year"),
    "years": ("Lata", "Years"),
    "include_undated": ("Uwzględnij zdarzenia bez daty", "Include undated events"),
    "voice": ("Kto to mówi", "Who says it"),
    "voice_help": (
        "Domyślnie tylko audytorzy (raport z auditu). Urząd o sobie, jednostka certyfikująca i prasa "
        "są pokazywane osobno, każde pod własną nazwą.",
        "By default only the auditors (the audit report). The office about itself, the certification body "
        "and the press are shown separately, each under its own name.",
    ),
    "family": ("Norma", "Standard"),
    "family_help": (
        "Statusy, liczby, mapa i oś czasu dotyczą jednej rodziny norm.",
        "Status, counts, map and timeline are for one standard family.",
    ),
    "finding_kind": ("Rodzaj ustalenia", "Kind of finding"),
    "findings_status": ("Ustalenia w źródle", "Findings in the source"),
    "clause": ("Rozdział ISO 9001:2015", "ISO 9001:2015 clause"),
    "clause_as_coded": ("Punkt normy (jak zakodowano)", "Clause as coded"),
    "theme": ("Temat", "Theme"),
    "office": ("Urząd", "Office"),
    "place": ("Miejscowość", "Place"),
    "planned": ("planowany", "planned"),
    "date": ("Data", "Date"),
    "kind": ("Rodzaj", "Kind"),
    "body": ("Jednostka certyfikująca", "Certification body"),
    "standard": ("Norma", "Standard"),
    "edition": ("Wydanie normy", "Edition"),
    "quote": ("Cytat", "Quote"),
    "source": ("Źródło", "Source"),
    "text": ("Ustalenie", "Finding"),
    "note": ("Uwaga kuratora (po angielsku)", "Curator's note"),
    "no_clause": ("bez rozdziału", "no clause"),
    "unknown": ("nieznana", "unknown"),
    "undated": ("bez daty", "undated"),
    "inferred": ("wywnioskowana", "inferred"),
    "none_selected": ("Wybierz co najmniej jeden urząd.", "Choose at least one office."),
    "nothing_found": ("Brak ustaleń dla tych filtrów.", "No findings match these filters."),
    "download_csv": ("Pobierz CSV", "Download CSV"),
    "csv.dates": (
        "Dowody do {evidence}; baza z {built}.",
        "Evidence up to {evidence}; built {built}.",
    ),
    "csv.help": (
        "Trzy pierwsze wiersze pliku to tytuł, źródło i data danych; nagłówek tabeli jest w czwartym. "
        "W pandas: pd.read_csv(plik, skiprows=3); w arkuszu: import od wiersza 4.",
        "The file's first three lines are the title, the source and the date of the data; the table's header is the "
        "fourth. In pandas: pd.read_csv(file, skiprows=3); in a spreadsheet: import from row 4.",
    ),
    # overview
    "overview.title": ("Przegląd", "Overview"),
    "overview.offices": ("Urzędy w zestawieniu", "Offices tracked"),
    "overview.valid": ("Z ważnym certyfikatem", "Holding a valid certificate"),
    "overview.valid_help": (
        "Tylko tam, gdzie dowody pokazują ważność na ten dzień (w nawiasie: daty przybliżone).",
        "Only where evidence shows validity on that date (in brackets: approximate dates).",
    ),
    "overview.audits": ("Audyty", "Audits"),
    "overview.praised": ("Obszary docenione", "Praised items"),
    "overview.counted_to": (
        "Audyty i obszary docenione do {date}.",
        "Audits and praised items up to {date}.",
    ),
    "overview.counts_help": (
        "Zdarzenia z datą do wybranego dnia (data podana z dokładnością do roku lub miesiąca liczy się od jego "
        "pierwszego dnia). Bez daty, więc niepoliczone: audyty: {audits}, obszary docenione: {praised}.",
        "Events dated up to the chosen day (a date known to the year or month counts from its first day). Undated, "
        "so not counted: audits: {audits}, praised items: {praised}.",
    ),
    "overview.map": ("Status certyfikacji urzędów", "Offices' certification status"),
    "overview.trend": ("Audyty i obszary docenione w kolejnych latach", "Audits and praised items by year"),
    "overview.latest": ("Ostatnie zdarzenia", "Latest events"),
    "overview.next": ("Następne znane zdarzenia", "Next known events"),
    "overview.no_next": ("Brak zaplanowanych zdarzeń po tej dacie.", "No planned events after this date."),
    "praised_items": ("Obszary docenione", "Praised items"),
    "audits_held": ("Audyty", "Audits"),
    # cycles
    "cycles.title": ("Cykle certyfikacji", "Certification cycles"),
    "cycles.chart": ("Certyfikaty i zdarzenia w czasie", "Certificates and events over time"),
    "cycles.color_by": ("Kolor słupków", "Colour bars by"),
    "cycles.color.edition": ("wydanie normy", "edition"),
    "cycles.color.body": ("jednostka certyfikująca", "certification body"),
    "cycles.transition": ("koniec {edition}", "end of {edition}"),
    "cycles.sure": ("ważność potwierdzona", "validity shown"),
    "cycles.loose": ("ważność przybliżona", "approximate validity"),
    "cycles.open": ("bez znanego końca", "no known end"),
    "cycles.ended": ("zakończony {date}", "ended {date}"),
    "cycles.row": ("Urząd · norma", "Office · standard"),
    "cycles.no_certificate": ("bez wskazanego certyfikatu", "no certificate named"),
    "cycles.undated_certificates": (
        "Certyfikaty bez datowanych dowodów (poza osią czasu): {n} — {names}",
        "Certificates with no dated evidence (not on the timeline): {n} — {names}",
    ),
    "cycles.legend_note": (
        "Każdy certyfikat ma własny wiersz (kolejne certyfikaty jednej rejestracji dzielą wiersz). "
        "Pełny słupek: ważność wykazana dokładnymi datami. Kreskowany słupek: daty przybliżone lub "
        "wywnioskowane. Blady, kropkowany słupek ze strzałką „→”: koniec nieznany (najwyżej 3 lata od "
        "ostatniego dowodu). Puste znaczniki: zdarzenia zapowiedziane. „~” oznacza datę przybliżoną.",
        "Each certificate has its own row (consecutive certificates of one registration share a row). "
        "Solid bar: validity shown by exact dates. Hatched bar: approximate or inferred dates. Faded, "
        "dotted bar with an arrow “→”: no known end (at most 3 years past the last evidence). Open markers: "
        "announced events. “~” marks an approximate date.",
    ),
    "cycles.table": ("Zdarzenia (tabela)", "Events (table)"),
    "cycles.certificates": ("Certyfikaty (tabela)", "Certificates (table)"),
    "cycles.undated": ("Bez daty (nie na osi czasu)", "Undated (not on the timeline)"),
    "issued_on": ("Wydany", "Issued"),
    "valid_until": ("Ważny do", "Valid until"),
    "iqnet_certificate": ("Certyfikat IQNet", "IQNet certificate"),
    "holder_scope": ("Posiadacz i zakres", "Holder and scope"),
    "holder_scope.units": (
        plural("n", one="{n} jednostka", few="{n} jednostki", many="{n} jednostek"),
        plural("n", one="{n} unit", other="{n} units"),
    ),
    "status": ("Status", "Status"),
    # praised
    "praised.title": ("Obszary docenione", "Praised areas"),
    "praised.by_clause": ("Ustalenia według rozdziałów ISO 9001:2015", "Findings by ISO 9001:2015 clause"),
    "praised.by_theme": ("Ustalenia według tematów", "Findings by theme"),
    "praised.heatmap": ("Urzędy i tematy", "Offices and themes"),
    "praised.select_hint": (
        "Kliknij słupek lub pole mapy ciepła, aby zobaczyć ustalenia i cytaty.",
        "Click a bar or a heatmap cell to see the findings and quotes behind it.",
    ),
    "praised.selected": ("Ustalenia za wybranym elementem: {what}", "Findings behind the selection: {what}"),
    "praised.pick_clause": ("{clause} · {office}", "{clause} · {office}"),
    "praised.pick_theme": ("Temat: {theme} · {office}", "Theme: {theme} · {office}"),
    "praised.pick_all": ("wszystkie urzędy", "every office"),
    "praised.clear_pick": ("Wyczyść", "Clear"),
    "why.pick": (
        "oczekiwano np. clause:zabrze|5 albo theme:|leadership",
        "expected e.g. clause:zabrze|5 or theme:|leadership",
    ),
    "praised.search": ("Szukaj w ustaleniach", "Search the findings"),
    "praised.search_help": (
        "Bez polskich znaków też działa: „skargi”, „informatyzacja”.",
        "Works without Polish characters too: “skargi”, “informatyzacja”.",
    ),
    "praised.search_placeholder": ("skargi, informatyzacja, fundusze UE …", "complaints, digitisation, EU funds …"),
    "praised.all_findings": ("Wszystkie ustalenia dla tych filtrów", "All findings for these filters"),
    # compare
    "compare.title": ("Porównanie urzędów", "Compare offices"),
    "compare.pick": ("Urzędy do porównania (2–4)", "Offices to compare (2–4)"),
    "compare.clauses": ("Profil rozdziałów (udział w ustaleniach)", "Clause profile (share of findings)"),
    "compare.themes": ("Profil tematów (udział w ustaleniach)", "Theme profile (share of findings)"),
    "compare.bodies": ("Jednostki i wydania norm", "Bodies and editions"),
    "compare.only_in": ("Docenione tylko w jednym z urzędów", "Praised in one office only"),
    # Names stand alone, never after a preposition: "w Testowo" would need the locative ("w Testowie").
    "compare.only_in_one": (
        "{a}: tematy docenione tylko tu (pozostałe urzędy: {others})",
        "{a}: themes praised here only (other offices: {others})",
    ),
    "compare.nothing_unique": ("Brak tematów docenionych tylko tutaj.", "No theme praised here only."),
    # city
    "city.pick": ("Urząd", "Office"),
    "city.voivodeship": ("woj. {voivodeship}", "{voivodeship} Voivodeship"),
    "city.teryt": ("TERYT {teryt}", "TERYT code {teryt}"),
    "city.certificates": ("Certyfikaty", "Certificates"),
    "city.events": ("Audyty i inne zdarzenia", "Audits and other events"),
    "city.findings": ("Ustalenia według rozdziałów", "Findings by clause"),
    "city.sources": ("Źródła", "Sources"),
    "city.no_findings": (
        "Źródła nie podają ustaleń audytów dla tego urzędu.",
        "The sources report no audit findings for this office.",
    ),
    "city.print_hint": (
        "Do druku: Ctrl+P (strona drukuje się bez paska bocznego).",
        "To print: Ctrl+P (the page prints without the sidebar).",
    ),
    # deck (presentation mode and exports)
    "deck.title": ("Certyfikacja ISO: {names}", "ISO certification: {names}"),
    "deck.skip.summary_only": (
        "tylko w podsumowaniu więcej niż {n} urzędów",
        "only in a summary of more than {n} offices",
    ),
    "deck.skip.few_only": ("tylko dla najwyżej {n} wybranych urzędów", "only for at most {n} chosen offices"),
    "deck.skip.two_offices": (
        "potrzeba co najmniej dwóch urzędów z ustaleniami audytorów",
        "needs at least two offices with the auditors' findings",
    ),
    "deck.skip.nothing": ("nic do pokazania dla tego wyboru", "nothing to show for this choice"),
    "deck.summary": (
        "{family} · urzędy: {offices} · certyfikaty: {certificates} · zdarzenia: {events} · "
        "obszary docenione przez audytorów: {praised}",
        "{family} · offices: {offices} · certificates: {certificates} · events: {events} · "
        "items the auditors praised: {praised}",
    ),
    "deck.cycle": ("{n} cykl certyfikacji", "{n} certification cycle"),
    "deck.valid_until": ("ważny do {date}", "valid until {date}"),
    "deck.last_evidence": ("ostatni dowód: {date}", "last evidence: {date}"),
    "deck.no_dates": ("źródła nie podają dat", "the sources give no dates"),
    "deck.most_praised": ("Najczęściej doceniane: {what} ({n} z {total})", "Most praised: {what} ({n} of {total})"),
    "deck.status_counts": ("{family}, stan na {date}: {parts}", "{family}, status on {date}: {parts}"),
    "deck.unique_themes": (
        "Tematy docenione tylko w jednym urzędzie: {n} z {total}",
        "Themes praised in one office only: {n} of {total}",
    ),
    "deck.findings_title": ("Co docenili audytorzy: {office}", "What the auditors praised: {office}"),
    "deck.findings_takeaway": ("Obszary docenione: {n} · audyty: {events}", "Praised items: {n} · audits: {events}"),
    "deck.footer": (
        "Źródła: {sources} · dowody do {evidence} · baza z {built}",
        "Sources: {sources} · evidence up to {evidence} · built {built}",
    ),
    # presentation page
    "nav.presentation": ("Prezentacja", "Presentation"),
    "present.title": ("Tryb prezentacji", "Presentation mode"),
    "present.intro": (
        "Przygotuj slajdy na sesję rady: wybierz urzędy i wykresy, potem rozpocznij prezentację "
        "albo pobierz prezentację PowerPoint i materiał do druku.",
        "Prepare slides for a council session: choose offices and charts, then present, "
        "or download a PowerPoint deck and a printable handout.",
    ),
    "present.chart.map": ("Mapa statusu", "Status map"),
    "present.chart.cycles": ("Cykle certyfikacji", "Certification cycles"),
    "present.chart.clauses": ("Rozdziały ISO", "ISO clauses"),
    "present.chart.themes": ("Tematy", "Themes"),
    "present.chart.heatmap": ("Urzędy i tematy", "Offices and themes"),
    "present.chart.findings": ("Co docenili audytorzy", "What the auditors praised"),
    "present.screen": ("Ekran", "Screen"),
    "present.start": ("Rozpocznij prezentację", "Start presenting"),
    "present.exit": ("Zakończ", "Exit"),
    "present.previous": ("Wstecz", "Previous"),
    "present.next": ("Dalej", "Next"),
    "present.download_pptx": ("Pobierz prezentację (PPTX)", "Download the deck (PPTX)"),
    "present.download_pdf": ("Pobierz materiał do druku (PDF)", "Download the handout (PDF)"),
    "present.charts_png": ("Wykresy jako PNG", "Charts as PNG"),
    "present.charts_svg": ("Wykresy jako SVG", "Charts as SVG"),
    "present.no_browser": ("Eksport obrazów jest niedostępny: {reason}", "Image export is unavailable: {reason}"),
    "present.no_chromium": (
        "brak przeglądarki Chromium (apt-get install chromium)",
        "no Chromium browser found (apt-get install chromium)",
    ),
    "present.slide_of": ("{i} / {n}", "{i} / {n}"),
    "present.order": ("Slajdy i ich kolejność", "Slides and their order"),
    "present.order_help": (
        "Zaznacz wykresy, które mają się znaleźć w prezentacji; strzałki zmieniają ich kolejność. Po slajdzie "
        "tytułowym slajdy idą w tej kolejności w trybie prezentacji, w pliku PPTX i w PDF; adres strony "
        "ją zapamiętuje.",
        "Tick the charts the deck should show; the arrows change their order. After the title slide the slides follow "
        "this order when presenting, in the PPTX and in the PDF; the page's address keeps it.",
    ),
    "present.move_up": ("Przesuń wyżej", "Move up"),
    "present.move_down": ("Przesuń niżej", "Move down"),
    "present.no_slide": (
        "{chart} — bez slajdu dla tego wyboru: {reason}",
        "{chart} — no slide for this selection: {reason}",
    ),
    "present.drawing": ("Rysuję miniatury slajdów…", "Drawing the slides' thumbnails…"),
    "present.preview": ("Podgląd · slajdów: {n}", "Preview · slides: {n}"),
    "present.thumbnails_off": (
        "Podgląd miniatur jest niedostępny ({reason}). Slajdy w kolejności:",
        "Thumbnails are unavailable ({reason}). The slides in order:",
    ),
    "notice.unknown_left_out": (
        "Parametr adresu „{key}={value}”: pominięto nieznane wartości {codes}, pozostałe zachowano.",
        "URL parameter “{key}={value}”: left out the unknown values {codes}, kept the others.",
    ),
    "present.first": ("Pierwszy slajd", "First slide"),
    "present.last": ("Ostatni slajd", "Last slide"),
    "present.keys": (
        "W trakcie prezentacji: → ↓ PageDown spacja: dalej · ← ↑ PageUp: wstecz · Home/End: pierwszy/ostatni slajd · "
        "F: pełny ekran · Esc: wyjście z pełnego ekranu, potem z prezentacji",
        "While presenting: → ↓ PageDown Space: next · ← ↑ PageUp: previous · Home/End: first/last slide · "
        "F: full screen · Esc: leave full screen, then the presentation",
    ),
    # sources
    "sources.title": ("Źródła i metodologia", "Sources and method"),
    "sources.documents": ("Dokumenty źródłowe", "Source documents"),
    "sources.facts": ("Fakty z tego dokumentu", "Facts from this document"),
    "sources.references": ("Wiedza referencyjna", "Reference knowledge"),
    "sources.codebook": ("Słownik kodów", "Codebook"),
    "sources.method": ("Metoda", "Method"),
    "sources.citation": ("Jak cytować", "How to cite"),
    "sources.citation_text": (
        plural(
            "n",
            one="cityiso: certyfikacja ISO w polskich urzędach samorządowych, zbiór danych opracowany przez kuratora, "
            "wersja {version} (dane z {built}; {n} dokument źródłowy). Dostęp: {accessed}.",
            few="cityiso: certyfikacja ISO w polskich urzędach samorządowych, zbiór danych opracowany przez kuratora, "
            "wersja {version} (dane z {built}; {n} dokumenty źródłowe). Dostęp: {accessed}.",
            many="cityiso: certyfikacja ISO w polskich urzędach samorządowych, zbiór danych opracowany przez kuratora, "
            "wersja {version} (dane z {built}; {n} dokumentów źródłowych). Dostęp: {accessed}.",
        ),
        plural(
            "n",
            one="cityiso: ISO certification of Polish local-government offices, curated dataset, version {version} "
            "(data as of {built}; {n} source document). Accessed {accessed}.",
            other="cityiso: ISO certification of Polish local-government offices, curated dataset, version {version} "
            "(data as of {built}; {n} source documents). Accessed {accessed}.",
        ),
    ),
    "sources.downloads": ("Pobieranie danych", "Downloads"),
    "sources.table_csv": ("Tabela {table}: cała baza danych", "Table {table}: the whole database"),
    "sources.download_db": ("Pobierz bazę DuckDB", "Download the DuckDB database"),
    "sources.show_text": ("Pokaż pełny tekst", "Show the full text"),
    "sources.url": ("Adres", "Address"),
    "sources.publisher": ("Wydawca", "Publisher"),
    "sources.published": ("Data publikacji", "Published"),
    "sources.retrieved": ("Pobrano", "Retrieved"),
    "sources.language": ("Język", "Language"),
    "sources.truncated": ("tekst urwany", "text truncated"),
    "sources.fact_counts": (
        "certyfikaty: {certificates} · zdarzenia: {events} · ustalenia: {findings} · jednostki: {units} · "
        "dalsze dowody: {further}",
        "certificates: {certificates} · events: {events} · findings: {findings} · units: {units} · "
        "further evidence: {further}",
    ),
    "sources.codebook_intro": (
        "Kolumny każdego pliku danych (data/datapackage.json) i dozwolone w nich kody.",
        "The columns of every curated file (data/datapackage.json) and the codes they allow.",
    ),
    "sources.column": ("Kolumna", "Column"),
    "sources.description": ("Opis", "Description"),
    "sources.codes": ("Dozwolone kody", "Allowed codes"),
    "sources.code": ("Kod", "Code"),
    "sources.label": ("Nazwa", "Label"),
    "sources.definition": ("Zakres", "What it covers"),
    "sources.clauses": ("Punkty norm", "Clauses"),
    "sources.clause_number": ("Punkt w wydaniu", "Clause in its edition"),
    "sources.themes": ("Tematy ustaleń", "Themes of findings"),
    # national scale: trends, the voivodeship map, an office's standing, the summary deck (issue 10)
    "filter.expander": ("Które urzędy", "Which offices"),
    "overview.latest_evidence": (
        "Najnowsze zdarzenie w danych do tej daty: {date}.",
        "Latest event in the data up to this date: {date}.",
    ),
    "overview.past_planned": (
        "Zapowiedziane zdarzenia z datą do {date} bez znanego wyniku (nie są „następne”): {n}.",
        "Announced events dated up to {date} with no known outcome (not shown as next): {n}.",
    ),
    "overview.trends": ("Trendy", "Trends"),
    "overview.trends_intro": (
        "Stan na 31 grudnia każdego roku (w bieżącym roku: na wybrany dzień), liczony jak status certyfikatu.",
        "Status on 31 December of each year (in the current year: on the chosen date), counted as the "
        "certificate status is.",
    ),
    "overview.undated_kinds": (
        "Zdarzenia bez daty (poza wykresami lat) według rodzaju: {kinds}.",
        "Undated events (on no yearly chart) by kind: {kinds}.",
    ),
    "overview.standing": ("Gdzie jest urząd na tle innych", "Where an office stands among the others"),
    "overview.standing_pick": ("Urząd", "Office"),
    "overview.standing_placeholder": ("Wybierz urząd", "Choose an office"),
    "overview.standing_metric": ("Miejsce: {rank} z {n}", "Rank {rank} of {n}"),
    "overview.standing_metric_tied": (
        "Miejsce: {rank}–{last} z {n} (ex aequo: {tied})",
        "Rank {rank}–{last} of {n} (tied: {tied})",
    ),
    "overview.standing_help": (
        "Wśród urzędów tego rodzaju ({kind}); równe wartości dzielą miejsce. Percentyl: {percentile:.0f} "
        "(udział urzędów z wartością nie wyższą). Mediana: {median:g}.",
        "Among offices of its kind ({kind}); equal values share a rank. Percentile: {percentile:.0f} (the share "
        "of offices with a value no higher). Median: {median:g}.",
    ),
    "overview.standing_distribution": (
        "Audyty w urzędach tego rodzaju",
        "Audits at offices of its kind",
    ),
    "map.voivodeships": ("Województwa", "Voivodeships"),
    "map.by_voivodeship": (
        "według województw",
        "by voivodeship",
    ),
    "map.share_of_evidence": (
        "Z ważnym certyfikatem: odsetek urzędów z dowodami",
        "Holding a valid certificate: share of offices with evidence",
    ),
    "map.none_known": ("brak dowodów", "no evidence"),
    "map.mostly_unknown": ("ponad połowa bez dowodów", "over half without evidence"),
    "map.no_evidence_marker": (
        "brak dowodów (nie wiadomo, czy ma certyfikat)",
        "no evidence (not known whether certified)",
    ),
    "map.ended": ("wygasł, nieprzedłużony lub cofnięty", "expired, lapsed or withdrawn"),
    "map.no_evidence_known": (
        "brak dowodów (urzędy w danych)",
        "no evidence (offices in the data)",
    ),
    "map.terc_unknown": (
        "Ile urzędów istnieje: nie wiadomo (nie zaimportowano TERC)",
        "How many offices exist: unknown (no TERC imported)",
    ),
    "map.terc_by_name": (
        "Ile urzędów istnieje: nie dotyczy wyboru po nazwie ani po liczbie ludności",
        "How many offices exist: not counted for a selection by name or by population",
    ),
    "map.terc_total": (
        "TERC (stan na {date}), urzędy tych rodzajów: {total}; w danych: {known}; "
        "bez żadnego dokumentu w danych: {unrecorded}",
        "TERC (as of {date}), offices of these kinds: {total}; in the data: {known}; "
        "no document in the data: {unrecorded}",
    ),
    "map.table": ("Liczby według województw", "Counts by voivodeship"),
    "map.col_voivodeship": ("Województwo", "Voivodeship"),
    "map.col_in_data": ("Urzędy w danych", "Offices in the data"),
    "map.col_in_terc": ("Urzędy wg TERC", "Offices in TERC"),
    "map.col_unrecorded": ("Z TERC bez dokumentu w danych", "In TERC, no document in the data"),
    "map.unknown": ("nie wiadomo", "unknown"),
    "trends.year_end": ("stan na 31 grudnia", "status on 31 December"),
    "trends.by_family": ("Urzędy z ważnym certyfikatem: normy", "Offices with a valid certificate: standards"),
    "trends.by_office_kind": ("Odsetek z ważnym certyfikatem: rodzaje urzędów", "Share certified: kinds of office"),
    "trends.by_voivodeship": ("Odsetek z ważnym certyfikatem: województwa", "Share certified: voivodeships"),
    "trends.flows": ("Nowe, powroty, utraty, recertyfikacje", "New, returned, lost, recertified"),
    "trends.flow.newly": ("pierwsza certyfikacja", "first certification"),
    "trends.flow.first_evidence": (
        "pierwsze dowody (nie wiadomo, czy pierwsza certyfikacja)",
        "first evidence (not shown to be a first certification)",
    ),
    "trends.flow.again": ("znów z ważnym certyfikatem", "certified again"),
    "trends.flow.lost": ("utracony (wygasł, nieprzedłużony, cofnięty)", "lost (expired, lapsed, withdrawn)"),
    "trends.flow.recertifications": ("audyty recertyfikujące", "recertification audits"),
    "trends.offices": ("Urzędy", "Offices"),
    "trends.this_office": ("{kind}; pomarańczowy: ten urząd", "{kind}; orange: this office"),
    "trends.offices_held": ("Urzędy z ważnym certyfikatem", "Offices holding a valid certificate"),
    "trends.share_held": ("Udział urzędów", "Share of offices"),
    "trends.hover_valid": (
        "ważny: {valid}, w przybliżeniu: {approximate}",
        "valid: {valid}, approximately: {approximate}",
    ),
    "trends.office_history": ("Status urzędu w kolejnych latach", "The office's status by year"),
    "trends.measure.certificates": ("Liczba certyfikatów", "Number of certificates"),
    "trends.measure.audits": ("Liczba audytów", "Number of audits"),
    "trends.measure.praised": ("Obszary docenione przez audytorów", "Items the auditors praised"),
    "trends.tied_beyond": (
        "Tyle samo co ostatni pokazany ma jeszcze urzędów: {n}",
        "Offices tied with the last one shown but not listed: {n}",
    ),
    "trends.at_offices": ("urzędy: {n}", "offices: {n}"),
    "trends.hover_office": ("{office} (woj. {voivodeship})", "{office} ({voivodeship} Voivodeship)"),
    "trends.hover_rank": ("miejsce {rank}", "rank {rank}"),
    "trends.top_praised": ("Najwięcej obszarów docenionych przez audytorów", "Most items praised by the auditors"),
    "trends.top_audits": ("Najwięcej audytów", "Most audits"),
    "trends.distribution_certificates": (
        "Urzędy według liczby certyfikatów",
        "Offices by number of certificates",
    ),
    "trends.clause_totals": (
        "Obszary docenione według rozdziałów ISO 9001:2015",
        "Praised items by ISO 9001:2015 clause",
    ),
    "deck.summary_title": ("Certyfikacja ISO: {what}", "ISO certification: {what}"),
    "deck.all_offices": ("wszystkie urzędy", "all offices"),
    "deck.selected_offices": ("wybrane urzędy", "selected offices"),
    "deck.summary_counts": (
        "{family} · urzędy: {offices} · z ważnym certyfikatem: {valid} (+{approximate} w przybliżeniu) · "
        "do {date}: audyty: {audits} · obszary docenione przez audytorów: {praised}",
        "{family} · offices: {offices} · holding a valid certificate: {valid} (+{approximate} approximately) · "
        "to {date}: audits: {audits} · items the auditors praised: {praised}",
    ),
    "deck.held_takeaway": (
        "{family}, {year}: urzędy z ważnym certyfikatem: {held}; najwięcej: {peak} ({peak_year})",
        "{family}, {year}: offices holding a valid certificate: {held}; most: {peak} ({peak_year})",
    ),
    "deck.kind_takeaway": ("W {year}: {parts}", "In {year}: {parts}"),
    "deck.flows_takeaway": (
        "W {year}: pierwsze certyfikacje: {new}, pierwsze dowody: {first}, powroty: {again}, utraty: {lost}, "
        "recertyfikacje: {recert}",
        "In {year}: first certifications: {new}, first evidence: {first}, returns: {again}, losses: {lost}, "
        "recertifications: {recert}",
    ),
    "deck.voivodeship_takeaway": (
        "W {year} najwyższy udział: {best} ({best_share:.0f}%), najniższy: {worst} ({worst_share:.0f}%)",
        "In {year} the highest share: {best} ({best_share:.0f}%), the lowest: {worst} ({worst_share:.0f}%)",
    ),
    "deck.top_takeaway": ("Pierwsze miejsce: {names} ({n})", "First: {names} ({n})"),
    "deck.distribution_takeaway": (
        "Mediana: {median} · urzędy z zerem: {none}",
        "Median: {median} · offices with none: {none}",
    ),
    "deck.sources_count": ("dokumenty źródłowe: {n}", "source documents: {n}"),
    "present.chart.trends": ("Trendy krajowe", "National trends"),
    "present.chart.top": ("Najlepsze urzędy", "Top offices"),
    "present.chart.distribution": ("Rozkłady", "Distributions"),
    "present.summary_note": (
        "Wybrano urzędy: {n}. Powyżej {limit} prezentacja podsumowuje (stan, trendy, najlepsze urzędy, rozkłady) "
        "zamiast slajdów każdego urzędu; zawęź wybór, aby pokazać urzędy osobno.",
        "Offices selected: {n}. Above {limit} the deck summarises (status, trends, top offices, distributions) "
        "instead of slides per office; narrow the selection to show offices one by one.",
    ),
    # the shared views (cityiso/views): dates, evidence, ties, undated, comparisons
    "why.date_range": ("data od {low} do {high}", "a date from {low} to {high}"),
    "cycles.undated_events": (
        "Zdarzenia bez daty (poza osią czasu): {n} — {kinds}",
        "Undated events (not on the timeline): {n} — {kinds}",
    ),
    "latest_evidence": ("Ostatni dowód", "Latest evidence"),
    "status_in_words": ("Status w skrócie", "Status in words"),
    "coverage.title": ("Ile urzędów obejmują dane", "How many offices the data covers"),
    "coverage.kind": ("Rodzaj urzędu", "Kind of office"),
    "coverage.in_terc": ("Urzędy w TERC", "Offices in TERC"),
    "coverage.in_register": ("Z dowodami w danych", "With evidence in the data"),
    "coverage.share": ("Udział", "Share"),
    "coverage.unplaced": ("W danych, bez kodu TERC", "In the data, no TERC code"),
    "coverage.takeaway": (
        "Dane mówią o {known} z {total} urzędów gmin, powiatów i województw (TERC, stan na {date}); o pozostałych "
        "nic nie wiadomo: to nie znaczy, że nie mają certyfikatu.",
        "The data speaks of {known} of {total} offices of gminas, powiats and voivodeships (TERC as of {date}); "
        "nothing is known of the others, which does not mean they hold no certificate.",
    ),
    "coverage.unplaced_note": (
        "Urzędy w danych bez kodu TERC (poza tym zestawieniem): {n}.",
        "Offices in the data without a TERC code (not in these counts): {n}.",
    ),
    "coverage.no_terc": (
        "Brak zaimportowanego rejestru TERC, więc nie wiadomo, ilu urzędów dane nie obejmują "
        "(README: Rejestry referencyjne).",
        "No TERC register imported, so how many offices the data leaves out is unknown (README: Reference registers).",
    ),
    "overview.status_line": ("{family} na {date}: {line}", "{family} on {date}: {line}"),
    # One office's status in plain words, with its reason and date (views.cycles.status_sentence); the subject is
    # the certificate (ważny, wygasł: masculine).
    "status_words.valid_until": (
        "ważny do {until} (ostatni dowód: {evidence})",
        "valid until {until} (latest evidence: {evidence})",
    ),
    "status_words.valid": ("ważny (ostatni dowód: {evidence})", "valid (latest evidence: {evidence})"),
    "status_words.valid_approximate": (
        "prawdopodobnie ważny, daty przybliżone (ostatni dowód: {evidence})",
        "probably valid, dates approximate (latest evidence: {evidence})",
    ),
    "status_words.suspended": ("zawieszony (ostatni dowód: {evidence})", "suspended (latest evidence: {evidence})"),
    "status_words.transition_deadline": (
        "wygasł: okres przejściowy {standard} zakończył się {date}",
        "expired: the transition period of {standard} ended on {date}",
    ),
    "status_words.stated_expiry": ("wygasł: był ważny do {date}", "expired: it was valid until {date}"),
    "status_words.event": ("{status}: ostatni dzień ważności {date}", "{status}: last day in force {date}"),
    "status_words.no_evidence": (
        "brak dowodów ważności na ten dzień (ostatni dowód: {evidence})",
        "no evidence of validity on that day (latest evidence: {evidence})",
    ),
    "status_words.none": ("brak dowodów o certyfikacie na ten dzień", "no evidence of a certificate on that day"),
    "no_evidence_yet": ("brak datowanych dowodów", "no dated evidence"),
    "cycles.status_title": ("Status ({family}) na {date}", "Status ({family}) on {date}"),
    "deck.most_praised_tied": (
        "Najczęściej doceniane, ex aequo: {what} (po {n} z {total})",
        "Most praised, tied: {what} ({n} each of {total})",
    ),
    "compare.no_findings_reported": ("Bez ustaleń w źródłach: {names}", "No findings reported: {names}"),
    "no_findings_reported": ("Źródła nie podają ustaleń.", "No findings reported."),
    "deck.part": ("({i}/{n})", "({i}/{n})"),
    "date_reason": ("Uzasadnienie kuratora (po angielsku)", "Curator's reasons"),
    "clause_basis": ("Podstawa punktu", "Clause basis"),
    "city.status": ("Status na {date}", "Status on {date}"),
    "praised.undated_in": (
        "W tym ustalenia z audytów bez daty (bez roku): {n}.",
        "Including findings of undated audits (no year): {n}.",
    ),
    "praised.undated_out": (
        "Pominięto ustalenia z audytów bez daty: {n} (włącz „{toggle}”, by je pokazać).",
        "Left out: findings of undated audits: {n} (turn on “{toggle}” to show them).",
    ),
    "overview.busiest_year": ("Najwięcej audytów: {years} ({n})", "Most audits: {years} ({n})"),
    "overview.busiest_years": (
        "Najwięcej audytów, ex aequo: {years} (po {n})",
        "Most audits, tied: {years} ({n} each)",
    ),
    "overview.undated_activity": (
        "Poza latami na wykresie (bez daty): audyty: {audits}, obszary docenione: {praised}.",
        "Not in the chart's years (undated): audits: {audits}, praised items: {praised}.",
    ),
    "as_of_help": (
        "Stan na wybrany dzień: od pierwszego do ostatniego roku, o którym mówią dane.",
        "The status on the chosen day: from the first to the last year the data speaks of.",
    ),
}

# --- The drafter's reasons (the curator's review page): cityiso/draft/reason_texts.py holds the pairs -------------
TEXT.update({f"draft.reason.{name}": pair for name, pair in REASON_TEXT.items()})
# The lead-in of a build problem shown on the review page: the problem itself is the data check's own words.
TEXT["draft.build_problem"] = ("Problem w danych: {problem}", "{problem}")

METHOD_MD = (
    """
- **Każdy fakt ma cytat.** Certyfikaty, zdarzenia, jednostki i ustalenia niosą dosłowny cytat z dokumentu
  źródłowego; budowanie bazy sprawdza, że cytat występuje w tekście.
- **Daty mają precyzję** (dzień, miesiąc, rok). Data podana miesiącem jest zapisana jako pierwszy dzień
  miesiąca i pokazywana jako miesiąc („marzec 2015”). Słowa źródła są zachowane obok.
- **Daty wywnioskowane** są oznaczone „~” i mają jednozdaniowe uzasadnienie kuratora. Czego tekst nie podaje,
  zostaje puste (np. „30 listopada” bez roku).
- **Status certyfikatu** wynika tylko z datowanych dowodów, osobno dla każdej rodziny norm: ważny, gdy dokładne
  daty go wykazują; przybliżony, gdy daty są zgrubne lub wywnioskowane (sama data wydania: najwyżej 3 lata,
  bo cykl certyfikacji trwa najwyżej 3 lata); zawieszony po zawieszeniu bez późniejszego zdarzenia;
  wygasły, nieprzedłużony albo cofnięty po dacie ważności, końcu okresu przejściowego wydania normy lub
  zdarzeniu, które go kończy; w pozostałych przypadkach — brak dowodów.
- **Ustalenia**: „podane wybiórczo” znaczy, że źródło mówi „m.in.”; brak ustaleń w źródle to co innego niż
  „nie stwierdzono”. Priorytety i autoprezentacja urzędu nie są pochwałą audytorów: wykresy tego, co docenili
  audytorzy, liczą tylko głos audytorów, chyba że wybierzesz więcej.
- **Rozdziały ISO 9001:2015** pochodzą z nagłówków raportu albo z kodowania kuratora (oznaczone).
- **Udział** liczy, jaką część ustaleń każdego audytu stanowi dana kategoria, uśredniając po audytach:
  dłuższy raport nie wygląda przez to lepiej.
""",
    """
- **Every fact has a quote.** Certificates, events, units and findings carry a verbatim quote from their
  source document; the build checks that each quote stands in the text.
- **Dates carry a precision** (day, month, year). A date known to the month is stored as the month's first
  day and shown as a month (“March 2015”). The source's own words are kept alongside.
- **Inferred dates** are marked “~” and carry the curator's one-line reason. What a text does not say stays
  empty (e.g. “30 listopada” with no year).
- **Certificate status** follows only from dated evidence, for each standard family on its own: valid where
  exact dates show it; approximate where dates are coarse or inferred (an issue date alone: at most 3 years, as
  a certification cycle lasts at most 3 years); suspended after a suspension with no later event; expired,
  lapsed or withdrawn after the expiry date, the end of the edition's transition period or an event ending
  it; otherwise, no evidence.
- **Findings**: “reported in part” means the source says “m.in.” (among others); a source that reports no
  findings is not the same as “none found”. An office's own priorities and self-description are not
  auditors' praise: charts of what the auditors praised count only the auditors' voice unless you choose more.
- **ISO 9001:2015 clauses** come from the report's headings or from the curator's coding (marked).
- **Share** counts what part of each audit's findings a category takes, averaged over audits, so a longer
  report does not simply look better.
""",
)


def t(key: str, lang: str, /, **values) -> str:
    """The text for a key in the language, with {placeholders} filled; a plural text in the form its count takes."""
    lang = "en" if lang == "en" else "pl"
    text = TEXT[key][LANGS.index(lang)]
    if isinstance(text, Plural):
        text = text.forms[_category(key, text.count, values, lang)]
    return text.format(**values) if values else text


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
