"""The compare page and the peer comparisons.
Each key: (Polish, English)."""

from cityiso.labels.plural import plural

TEXT = {
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
    "compare.title": ("Porównanie urzędów", "Compare offices"),
    "compare.pick": ("Urzędy do porównania (2–4)", "Offices to compare (2–4)"),
    "compare.pick_more": (
        "Wybierz od 2 do 4 urzędów, aby je porównać.",
        "Choose 2 to 4 offices to compare them.",
    ),
    "compare.clauses": ("Profil rozdziałów (udział w ustaleniach)", "Clause profile (share of findings)"),
    "compare.themes": ("Profil tematów (udział w ustaleniach)", "Theme profile (share of findings)"),
    "compare.bodies": ("Jednostki i wydania norm", "Bodies and editions"),
    "compare.only_in": ("Docenione tylko w jednym z urzędów", "Praised in one office only"),
    # Names stand alone, never after a preposition: "w Testowo" would need the locative ("w Testowie").
    "compare.only_in_one": (
        "{a}: tematy docenione tylko tu (pozostałe urzędy: {others})",
        "{a}: themes praised here only (other offices: {others})",
    ),
    "compare.nothing_unique": ("Brak tematów docenionych tylko tutaj.", "No theme praised here only."),
    "compare.no_findings_reported": ("Bez ustaleń w źródłach: {names}", "No findings reported: {names}"),
}
