"""The certification cycles page.
Each key: (Polish, English)."""

from cityiso.labels.plural import plural

TEXT = {
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
    "holder_scope": ("Posiadacz i zakres", "Holder and scope"),
    "holder_scope.units": (
        plural("n", one="{n} jednostka", few="{n} jednostki", many="{n} jednostek"),
        plural("n", one="{n} unit", other="{n} units"),
    ),
    "cycles.undated_events": (
        "Zdarzenia bez daty (poza osią czasu): {n} — {kinds}",
        "Undated events (not on the timeline): {n} — {kinds}",
    ),
    "cycles.status_title": ("Status ({family}) na {date}", "Status ({family}) on {date}"),
}
