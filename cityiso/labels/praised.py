"""The praised areas page.
Each key: (Polish, English)."""

TEXT = {
    "praised.all_covered": ("Wszystkie urzędy spełniające warunki ({n})", "Every office meeting the conditions ({n})"),
    "praised.heatmap_top": (
        "Mapa pokazuje urzędy z największą liczbą ustaleń: {shown} z {n}; zawęź warunki, by zobaczyć inne.",
        "The map shows the offices with the most findings: {shown} of {n}; narrow the conditions to see others.",
    ),
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
    "praised.search": ("Szukaj w ustaleniach", "Search the findings"),
    "praised.search_help": (
        "Bez polskich znaków też działa: „skargi”, „informatyzacja”.",
        "Works without Polish characters too: “skargi”, “informatyzacja”.",
    ),
    "praised.search_placeholder": ("skargi, informatyzacja, fundusze UE …", "complaints, digitisation, EU funds …"),
    "praised.all_findings": ("Wszystkie ustalenia dla tych filtrów", "All findings for these filters"),
    "praised.undated_in": (
        "W tym ustalenia z audytów bez daty (bez roku): {n}.",
        "Including findings of undated audits (no year): {n}.",
    ),
    "praised.undated_out": (
        "Pominięto ustalenia z audytów bez daty: {n} (włącz „{toggle}”, by je pokazać).",
        "Left out: findings of undated audits: {n} (turn on “{toggle}” to show them).",
    ),
}
