"""The deck: presentation mode, its setup page and the exports. Each key: (Polish, English)."""

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
}
