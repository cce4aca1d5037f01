"""The size-class filter and the compare page's peer groups. Each key: (Polish, English)."""

from cityiso.labels.plural import plural

TEXT = {
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
        "Domyślnie tylko audytorzy (raport z audytu). Urząd o sobie, jednostka certyfikująca i prasa "
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
}
