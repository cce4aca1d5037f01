"""The sources and method page.
Each key: (Polish, English)."""

from cityiso.labels.plural import plural

TEXT = {
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
}
