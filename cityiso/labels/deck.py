"""The council deck and the presentation page.
Each key: (Polish, English)."""

TEXT = {
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
    "present.first": ("Pierwszy slajd", "First slide"),
    "present.last": ("Ostatni slajd", "Last slide"),
    "present.keys": (
        "W trakcie prezentacji: → ↓ PageDown spacja: dalej · ← ↑ PageUp: wstecz · Home/End: pierwszy/ostatni slajd · "
        "F: pełny ekran · Esc: wyjście z pełnego ekranu, potem z prezentacji",
        "While presenting: → ↓ PageDown Space: next · ← ↑ PageUp: previous · Home/End: first/last slide · "
        "F: full screen · Esc: leave full screen, then the presentation",
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
    "deck.most_praised_tied": (
        "Najczęściej doceniane, ex aequo: {what} (po {n} z {total})",
        "Most praised, tied: {what} ({n} each of {total})",
    ),
    "deck.part": ("({i}/{n})", "({i}/{n})"),
}
