"""The pages: overview, certification cycles, praised areas, compare, the office profile, sources.
Each key: (Polish, English)."""

from cityiso.labels.plural import plural

TEXT = {
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
    "compare.pick_more": (
        "Wybierz od 2 do 4 urzędów, aby je porównać.",
        "Choose 2 to 4 offices to compare them.",
    ),
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
    # office (the office profile)
    "office.pick": ("Urząd", "Office"),
    "office.voivodeship": ("woj. {voivodeship}", "{voivodeship} Voivodeship"),
    "office.teryt": ("TERYT {teryt}", "TERYT code {teryt}"),
    "office.certificates": ("Certyfikaty", "Certificates"),
    "office.events": ("Audyty i inne zdarzenia", "Audits and other events"),
    "office.findings": ("Ustalenia według rozdziałów", "Findings by clause"),
    "office.sources": ("Źródła", "Sources"),
    "office.no_findings": (
        "Źródła nie podają ustaleń audytów dla tego urzędu.",
        "The sources report no audit findings for this office.",
    ),
    "office.print_hint": (
        "Do druku: Ctrl+P (strona drukuje się bez paska bocznego).",
        "To print: Ctrl+P (the page prints without the sidebar).",
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
}
