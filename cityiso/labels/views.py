"""The shared views: dates, evidence, ties, undated items, comparisons, an office's status in plain words.
Each key: (Polish, English)."""

TEXT = {
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
    "office.status": ("Status na {date}", "Status on {date}"),
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
