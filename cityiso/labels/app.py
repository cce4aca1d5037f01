"""The words every page shares: navigation, filters, notices, downloads, dates. Each key: (Polish, English)."""

from cityiso.labels.plural import plural

TEXT = {
    # navigation
    "not_before": ("~od {date}", "~from {date}"),
    "not_after": ("~do {date}", "~until {date}"),
    "nav.overview": ("Przegląd", "Overview"),
    "nav.cycles": ("Cykle certyfikacji", "Certification cycles"),
    "nav.praised": ("Obszary docenione", "Praised areas"),
    "nav.compare": ("Porównanie", "Compare"),
    "nav.office": ("Urząd", "Office"),
    "nav.sources": ("Źródła i metodologia", "Sources and method"),
    "nav.section.explore": ("Analiza", "Explore"),
    "nav.section.about": ("O danych", "About the data"),
    "language": ("Język", "Language"),
    "nav.section.curator": ("Kurator", "Curator"),
    "nav.review": ("Szkice do przejrzenia", "Review drafts"),
    # shared
    "app.tagline": ("Certyfikacja ISO w urzędach", "ISO certification in Polish local-government offices"),
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
    "notice.bad_param": (
        "Pominięto nieprawidłowy parametr adresu „{key}={value}”: {why}.",
        "Ignored an invalid URL parameter “{key}={value}”: {why}.",
    ),
    "why.lang": ("dostępne języki: pl, en", "languages available: pl, en"),
    "why.unknown_codes": ("nieznane wartości {codes}", "unknown values {codes}"),
    "why.date": ("data w formacie RRRR-MM-DD", "a date as YYYY-MM-DD"),
    "why.choice": ("dozwolone: {allowed}", "allowed: {allowed}"),
    "why.years": ("zakres lat RRRR-RRRR", "a year range YYYY-YYYY"),
    "why.too_long": (
        plural(
            "n",
            one="za długi ({n} znak, najwyżej {max})",
            few="za długi ({n} znaki, najwyżej {max})",
            many="za długi ({n} znaków, najwyżej {max})",
        ),
        plural("n", one="too long ({n} character, at most {max})", other="too long ({n} characters, at most {max})"),
    ),
    "why.too_many": (
        plural("max", one="najwyżej {max} wartość", few="najwyżej {max} wartości", many="najwyżej {max} wartości"),
        plural("max", one="at most {max} value", other="at most {max} values"),
    ),
    "why.at_least": (
        plural(
            "low",
            one="wybierz co najmniej {low} wartość",
            few="wybierz co najmniej {low} wartości",
            many="wybierz co najmniej {low} wartości",
        ),
        plural("low", one="choose at least {low} value", other="choose at least {low} values"),
    ),
    "why.count": ("wybierz od {low} do {high} urzędów", "choose {low} to {high} offices"),
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
    "filter.search": ("Szukaj urzędu", "Find an office"),
    "filter.search_help": (
        "Miejscowość, nazwa urzędu lub kod TERYT; wielkość liter i polskie znaki nie mają znaczenia.",
        "Place, office name or TERYT code; case and Polish letters do not matter.",
    ),
    "filter.voivodeships": ("Województwa", "Voivodeships"),
    "filter.office_kinds": ("Rodzaje urzędów", "Kinds of office"),
    "filter.offices": ("Wybrane urzędy", "Chosen offices"),
    "filter.offices_help": (
        "Puste: wszystkie urzędy spełniające warunki obok.",
        "Empty: every office meeting the conditions beside it.",
    ),
    "filter.all": ("wszystkie", "all"),
    # The filter's box, its label saying what the filter keeps: 'Które urzędy: „gda” · pomorskie · 3 urzędy wybrane'.
    "filter.expander": ("Które urzędy", "Which offices"),
    "filter.quoted": ("„{text}”", "“{text}”"),
    "filter.n_voivodeships": (
        plural("n", one="{n} województwo", few="{n} województwa", many="{n} województw"),
        plural("n", one="{n} voivodeship", other="{n} voivodeships"),
    ),
    "filter.n_office_kinds": (
        plural("n", one="{n} rodzaj urzędów", few="{n} rodzaje urzędów", many="{n} rodzajów urzędów"),
        plural("n", one="{n} kind of office", other="{n} kinds of office"),
    ),
    "filter.n_size_classes": (
        plural("n", one="{n} klasa wielkości", few="{n} klasy wielkości", many="{n} klas wielkości"),
        plural("n", one="{n} size class", other="{n} size classes"),
    ),
    "filter.n_offices": (
        plural("n", one="{n} urząd wybrany", few="{n} urzędy wybrane", many="{n} urzędów wybranych"),
        plural("n", one="{n} office chosen", other="{n} offices chosen"),
    ),
}
