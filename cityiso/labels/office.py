"""The office profile.
Each key: (Polish, English)."""

TEXT = {
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
    "office.status": ("Status na {date}", "Status on {date}"),
}
