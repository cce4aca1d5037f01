"""National scale: trends, the voivodeship map, an office's standing, the summary deck. Each key: (Polish, English)."""

TEXT = {
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
}
