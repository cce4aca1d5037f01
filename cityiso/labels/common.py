"""Words every part of the app uses: the things the data speaks of, measures, statuses in plain words, paging and
CSV downloads.
Each key: (Polish, English)."""

from cityiso.labels.plural import plural

TEXT = {
    "not_before": ("~od {date}", "~from {date}"),
    "not_after": ("~do {date}", "~until {date}"),
    "language": ("Język", "Language"),
    "no_database": (
        "Brak bazy danych ({path}). Uruchom `./run start`, aby ją zbudować.",
        "No database ({path}). Run `./run start` to build it.",
    ),
    "database_unreadable": (
        "Nie udało się teraz odczytać bazy danych ({path}): plik mógł być właśnie podmieniany. "
        "Odśwież stronę za chwilę.",
        "The database ({path}) could not be read just now: the file may have been in the middle of being replaced. "
        "Reload the page in a moment.",
    ),
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
    "paging.findings": ("Ustalenia {first}–{last} z {total}", "Findings {first}–{last} of {total}"),
    "paging.documents": ("Dokumenty {first}–{last} z {total}", "Documents {first}–{last} of {total}"),
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
    "praised_items": ("Obszary docenione", "Praised items"),
    "audits_held": ("Audyty", "Audits"),
    "issued_on": ("Wydany", "Issued"),
    "valid_until": ("Ważny do", "Valid until"),
    "iqnet_certificate": ("Certyfikat IQNet", "IQNet certificate"),
    "status": ("Status", "Status"),
    "latest_evidence": ("Ostatni dowód", "Latest evidence"),
    "status_in_words": ("Status w skrócie", "Status in words"),
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
    "no_findings_reported": ("Źródła nie podają ustaleń.", "No findings reported."),
    "date_reason": ("Uzasadnienie kuratora (po angielsku)", "Curator's reasons"),
    "clause_basis": ("Podstawa punktu", "Clause basis"),
    "as_of_help": (
        "Stan na wybrany dzień: od pierwszego do ostatniego roku, o którym mówią dane.",
        "The status on the chosen day: from the first to the last year the data speaks of.",
    ),
}
