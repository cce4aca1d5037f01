"""The overview page: national headline, map, trends and coverage of the TERC register.
Each key: (Polish, English)."""

TEXT = {
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
    # national scale: trends, the voivodeship map, an office's standing, the summary deck (issue 10)
    "overview.latest_evidence": (
        "Najnowsze zdarzenie w danych do tej daty: {date}.",
        "Latest event in the data up to this date: {date}.",
    ),
    "overview.past_planned": (
        "Zapowiedziane zdarzenia z datą do {date} bez znanego wyniku (nie są „następne”): {n}.",
        "Announced events dated up to {date} with no known outcome (not shown as next): {n}.",
    ),
    "overview.trends": ("Trendy", "Trends"),
    "overview.trend_pick": ("Wykres", "Chart"),
    "overview.trend.family": ("Normy", "Standards"),
    "overview.trend.office_kind": ("Rodzaje urzędów", "Kinds of office"),
    "overview.trend.voivodeship": ("Województwa", "Voivodeships"),
    "overview.trend.flows": ("Zyski i utraty", "Gained and lost"),
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
    "overview.busiest_year": ("Najwięcej audytów: {years} ({n})", "Most audits: {years} ({n})"),
    "overview.busiest_years": (
        "Najwięcej audytów, ex aequo: {years} (po {n})",
        "Most audits, tied: {years} ({n} each)",
    ),
    "overview.undated_activity": (
        "Poza latami na wykresie (bez daty): audyty: {audits}, obszary docenione: {praised}.",
        "Not in the chart's years (undated): audits: {audits}, praised items: {praised}.",
    ),
}
