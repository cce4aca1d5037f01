"""The app's frame: navigation, notices, the office filter and why a value was refused.
Each key: (Polish, English)."""

from cityiso.labels.plural import plural

TEXT = {
    "nav.overview": ("Przegląd", "Overview"),
    "nav.cycles": ("Cykle certyfikacji", "Certification cycles"),
    "nav.praised": ("Obszary docenione", "Praised areas"),
    "nav.compare": ("Porównanie", "Compare"),
    "nav.office": ("Urząd", "Office"),
    "nav.sources": ("Źródła i metodologia", "Sources and method"),
    "nav.section.explore": ("Analiza", "Explore"),
    "nav.section.about": ("O danych", "About the data"),
    "nav.section.curator": ("Kurator", "Curator"),
    "nav.review": ("Szkice do przejrzenia", "Review drafts"),
    "app.tagline": ("Certyfikacja ISO w urzędach", "ISO certification in Polish local-government offices"),
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
    # Peer groups and size classes (issue 20): the size filter, the compare page's peers of one office.
    "filter.size_classes": ("Ludność", "Population"),
    "filter.size_classes_help": (
        "Liczba mieszkańców miejscowości urzędu według GeoNames (dla starostwa: miasta, w którym ma siedzibę). "
        "„Liczba mieszkańców nieznana”: GeoNames nie wskazał jednoznacznie miejscowości.",
        "Inhabitants of the office's place per GeoNames (for a county office: the town where it sits). "
        "'Population unknown': GeoNames did not name one place for certain.",
    ),
    "filter.no_offices": ("Żaden urząd nie spełnia tych warunków.", "No office meets these conditions."),
    "why.pick": (
        "oczekiwano np. clause:zabrze|5 albo theme:|leadership",
        "expected e.g. clause:zabrze|5 or theme:|leadership",
    ),
    "nav.presentation": ("Prezentacja", "Presentation"),
    "notice.unknown_left_out": (
        "Parametr adresu „{key}={value}”: pominięto nieznane wartości {codes}, pozostałe zachowano.",
        "URL parameter “{key}={value}”: left out the unknown values {codes}, kept the others.",
    ),
    # the shared views (cityiso/views): dates, evidence, ties, undated, comparisons
    "why.date_range": ("data od {low} do {high}", "a date from {low} to {high}"),
}
