"""Polish words the generated documents are made of: dates, ordinals, audit findings with their themes and clauses."""

import datetime as dt
from dataclasses import dataclass

from cityiso.labels import MONTHS_GENITIVE_PL, MONTHS_NOMINATIVE_PL

# The months as a date writes them ("20 września 2016"): the interface's own list.
MONTHS_GEN = MONTHS_GENITIVE_PL
MONTHS_LOC = [
    "styczniu",
    "lutym",
    "marcu",
    "kwietniu",
    "maju",
    "czerwcu",
    "lipcu",
    "sierpniu",
    "wrześniu",
    "październiku",
    "listopadzie",
    "grudniu",
]
MONTHS_NOM = MONTHS_NOMINATIVE_PL
NO_NONCONFORMITIES = (
    "Nie stwierdzono niezgodności.",
    "Audyt nie wykazał niezgodności.",
    "Nie stwierdzono żadnych niezgodności.",
)
ROMAN = ["", "I", "II", "III", "IV", "V"]
ORDINAL_ADJ = ["", "Pierwszy", "Drugi", "Trzeci", "Czwarty", "Piąty"]
TIMES = [
    "pierwszy",
    "drugi",
    "trzeci",
    "czwarty",
    "piąty",
    "szósty",
    "siódmy",
    "ósmy",
    "dziewiąty",
    "dziesiąty",
    "jedenasty",
    "dwunasty",
]


def day_words(d: dt.date) -> str:
    """'12 marca 2015 r.'"""
    return f"{d.day} {MONTHS_GEN[d.month - 1]} {d.year} r."


def dotted(d: dt.date) -> str:
    """'12.03.2015 r.'"""
    return f"{d.day:02d}.{d.month:02d}.{d.year} r."


def month_words(d: dt.date) -> str:
    """'w marcu 2015 r.'"""
    return f"w {MONTHS_LOC[d.month - 1]} {d.year} r."


def year_words(d: dt.date) -> str:
    return f"w {d.year} roku"


def this_year_words(d: dt.date) -> str:
    """'20 września br.' (the year is the document's)."""
    return f"{d.day} {MONTHS_GEN[d.month - 1]} br."


def cycle_words(n: int) -> str:
    return f"po raz {TIMES[n - 1]}"


@dataclass(frozen=True)
class Item:
    kind: str
    theme_id: str
    clause: int | None  # ISO 9001:2015 heading, or None when no clause fits
    text: str  # as the document writes the item
    text_pl: str
    text_en: str


def _items(kind: str, rows: list[tuple]) -> list[Item]:
    return [Item(kind, *row) for row in rows]


PRAISE = _items(
    "praise",
    [
        ("communication_residents", 7, "regularne informowanie mieszkańców o działaniach urzędu",
         "Regularne informowanie mieszkańców", "Regular information for residents"),
        ("communication_residents", 7, "dobra komunikacja z przedsiębiorcami i organizacjami pozarządowymi",
         "Komunikacja z przedsiębiorcami i organizacjami", "Communication with businesses and NGOs"),
        ("civic_participation", 4, "aktywne prowadzenie konsultacji społecznych", "Konsultacje społeczne",
         "Active public consultation"),
        ("civic_participation", 4, "sprawna organizacja budżetu obywatelskiego", "Budżet obywatelski",
         "Well-run participatory budget"),
        ("customer_focus", 5, "silna orientacja na potrzeby mieszkańców", "Orientacja na mieszkańców",
         "Strong focus on residents' needs"),
        ("customer_focus", 9, "systematyczne badanie satysfakcji klientów urzędu", "Badanie satysfakcji klientów",
         "Regular customer satisfaction surveys"),
        ("customer_focus", 8, "krótki czas załatwiania spraw", "Krótki czas załatwiania spraw",
         "Short case-handling times"),
        ("strategy_objectives", 6, "powiązanie celów jakościowych ze strategią rozwoju",
         "Cele powiązane ze strategią", "Quality objectives linked to the development strategy"),
        ("strategy_objectives", 6, "czytelnie określone cele operacyjne wydziałów", "Cele operacyjne wydziałów",
         "Clear operational objectives of the departments"),
        ("leadership_commitment", 5, "zaangażowanie kierownictwa w doskonalenie systemu",
         "Zaangażowanie kierownictwa", "Management commitment to improving the system"),
        ("leadership_commitment", 5, "osobisty udział kierownictwa w przeglądach zarządzania",
         "Udział kierownictwa w przeglądach", "Management takes part in reviews in person"),
        ("management_control", 6, "spójne powiązanie kontroli zarządczej z systemem zarządzania",
         "Kontrola zarządcza powiązana z systemem", "Management control linked to the management system"),
        ("management_control", 6, "rzetelna analiza ryzyka w procesach", "Analiza ryzyka",
         "Thorough risk analysis in processes"),
        ("analysis_reporting", 9, "rozbudowany system mierników procesów", "Mierniki procesów",
         "Developed process indicators"),
        ("analysis_reporting", 9, "rzetelna sprawozdawczość z realizacji zadań", "Sprawozdawczość",
         "Reliable reporting on tasks"),
        ("public_finance", 9, "dyscyplina budżetowa i przejrzystość finansów", "Dyscyplina budżetowa",
         "Budget discipline and transparent finances"),
        ("investors_business", 8, "kompleksowa obsługa inwestorów", "Obsługa inwestorów",
         "Comprehensive service for investors"),
        ("eu_funds", 8, "skuteczne pozyskiwanie środków zewnętrznych", "Pozyskiwanie środków zewnętrznych",
         "Effective raising of external funds"),
        ("social_health", 8, "programy wsparcia dla seniorów", "Programy dla seniorów",
         "Support programmes for seniors"),
        ("it_eservices", 7, "nowoczesne e-usługi dla mieszkańców", "E-usługi", "Modern e-services for residents"),
        ("it_eservices", 7, "elektroniczny obieg dokumentów", "Elektroniczny obieg dokumentów",
         "Electronic document flow"),
        ("infrastructure", 7, "dostosowanie budynku do potrzeb osób z niepełnosprawnościami", "Dostępny budynek",
         "Building adapted for people with disabilities"),
        ("infrastructure", 7, "wygodne i estetyczne biuro obsługi interesanta", "Biuro obsługi interesanta",
         "Convenient client service office"),
        ("staff_competence", 7, "wysokie kompetencje i zaangażowanie pracowników", "Kompetencje pracowników",
         "Competent and committed staff"),
        ("staff_competence", 7, "systematyczne szkolenia pracowników", "Szkolenia pracowników",
         "Regular staff training"),
        ("internal_audit", 9, "rzetelnie prowadzone audity wewnętrzne", "Audity wewnętrzne",
         "Thorough internal audits"),
        ("internal_audit", 9, "wnikliwy przegląd zarządzania", "Przegląd zarządzania", "Thorough management review"),
        ("continual_improvement", 10, "skuteczne wdrażanie działań doskonalących", "Działania doskonalące",
         "Effective improvement actions"),
        ("continual_improvement", 10, "system zgłaszania pomysłów usprawnień przez pracowników",
         "Zgłaszanie usprawnień", "Staff suggestion scheme"),
        ("service_delivery", 8, "sprawna realizacja zadań wydziałów", "Realizacja zadań",
         "Efficient delivery of the departments' tasks"),
        ("service_delivery", 8, "wzorowe prowadzenie postępowań administracyjnych", "Postępowania administracyjne",
         "Exemplary administrative proceedings"),
    ],
)  # fmt: skip
NONCONFORMITIES = _items(
    "nonconformity",
    [
        ("internal_audit", 9, "nieterminowe przeprowadzenie auditu wewnętrznego", "Nieterminowy audit wewnętrzny",
         "Internal audit not held on time"),
        ("analysis_reporting", 9, "brak analizy mierników dla części procesów", "Brak analizy mierników",
         "Indicators of some processes not analysed"),
        ("service_delivery", 8, "przekroczenie terminów załatwienia spraw", "Przekroczone terminy",
         "Case deadlines exceeded"),
        ("staff_competence", 7, "nieaktualne zakresy obowiązków pracowników", "Nieaktualne zakresy obowiązków",
         "Outdated job descriptions"),
        ("management_control", 6, "niepełna identyfikacja ryzyk", "Niepełna identyfikacja ryzyk",
         "Incomplete identification of risks"),
        ("continual_improvement", 10, "niewdrożone działania korygujące", "Niewdrożone działania korygujące",
         "Corrective actions not implemented"),
    ],
)  # fmt: skip
RECOMMENDATIONS = _items(
    "recommendation",
    [
        ("customer_focus", 9, "rozszerzenie badania satysfakcji o e-usługi", "Badać satysfakcję z e-usług",
         "Extend satisfaction surveys to e-services"),
        ("strategy_objectives", 6, "uproszczenie systemu celów jakościowych", "Uprościć cele jakościowe",
         "Simplify the quality objectives"),
        ("communication_residents", 7, "lepsze informowanie mieszkańców o wynikach konsultacji",
         "Informować o wynikach konsultacji", "Tell residents the results of consultations"),
    ],
)  # fmt: skip
OBSERVATIONS = _items(
    "observation",
    [
        ("analysis_reporting", 9, "nierówna jakość sprawozdań wydziałów", "Nierówna jakość sprawozdań",
         "Uneven quality of the departments' reports"),
        ("infrastructure", 7, "ciasne pomieszczenia archiwum zakładowego", "Ciasne archiwum", "Cramped archive"),
    ],
)  # fmt: skip
CONFORMITY = Item(
    "confirmed_conformity",
    "qms_conformity",
    None,
    "Audytorzy potwierdzili, że system spełnia wymagania normy i jest skutecznie utrzymywany.",
    "System spełnia wymagania normy",
    "The system meets the standard's requirements",
)
OFFICE_VOICE = _items(
    "praise",
    [
        ("customer_focus", None, "urząd stale doskonali obsługę mieszkańców", "Urząd doskonali obsługę",
         "The office keeps improving its service"),
        ("staff_competence", None, "to zasługa całego zespołu pracowników", "Zasługa pracowników",
         "Credit to the whole staff"),
        ("continual_improvement", None, "certyfikat potwierdza wysoką jakość pracy urzędników",
         "Certyfikat potwierdza jakość pracy", "The certificate confirms the quality of work"),
    ],
)  # fmt: skip
PRESS_VOICE = _items(
    "praise",
    [
        ("qms_conformity", None, "to zasłużone wyróżnienie dla urzędników", "Zasłużone wyróżnienie",
         "A well-earned distinction"),
        ("customer_focus", None, "mieszkańcy chwalą sobie sprawną obsługę w urzędzie", "Mieszkańcy chwalą obsługę",
         "Residents praise the service"),
    ],
)  # fmt: skip
BODY_VOICE = _items(
    "praise",
    [
        ("qms_conformity", None, "urząd jest wzorem dla innych samorządów", "Wzór dla innych samorządów",
         "A model for other local governments"),
        ("continual_improvement", None, "system zarządzania w urzędzie jest dojrzały i skuteczny",
         "Dojrzały system zarządzania", "A mature and effective management system"),
    ],
)  # fmt: skip

# ISO 9001:2015 heading -> the clause of ISO 9001:2000/2008 a curator codes the same content under.
CLAUSE_2008 = {4: "4", 5: "5", 6: "5", 7: "6", 8: "7", 9: "8", 10: "8.5"}
HEADINGS_2015 = {
    4: "W zakresie kontekstu organizacji:",
    5: "W zakresie przywództwa:",
    6: "W zakresie planowania:",
    7: "W zakresie wsparcia:",
    8: "W zakresie działań operacyjnych:",
    9: "W zakresie oceny efektów działania:",
    10: "W zakresie doskonalenia:",
}
UNITS = [
    ("Wydział Finansowy", "Wydziale Finansowym"),
    ("Wydział Komunikacji", "Wydziale Komunikacji"),
    ("Wydział Architektury i Budownictwa", "Wydziale Architektury i Budownictwa"),
    ("Wydział Ochrony Środowiska", "Wydziale Ochrony Środowiska"),
    ("Referat Podatków i Opłat", "Referacie Podatków i Opłat"),
    ("Biuro Rady", "Biurze Rady"),
    ("Urząd Stanu Cywilnego", "Urzędzie Stanu Cywilnego"),
    ("Wydział Oświaty", "Wydziale Oświaty"),
    ("Biuro Obsługi Interesanta", "Biurze Obsługi Interesanta"),
    ("Wydział Geodezji", "Wydziale Geodezji"),
    ("Referat Zamówień Publicznych", "Referacie Zamówień Publicznych"),
    ("Wydział Spraw Obywatelskich", "Wydziale Spraw Obywatelskich"),
    ("Wydział Inwestycji", "Wydziale Inwestycji"),
    ("Zespół Kadr", "Zespole Kadr"),
]
# Units in a certificate's scope besides the holder: (nominative, accusative) before 'w <place>'.
SITES = [
    ("Szkoła Podstawowa nr {n}", "Szkołę Podstawową nr {n}"),
    ("Przedszkole Publiczne nr {n}", "Przedszkole Publiczne nr {n}"),
    ("Ośrodek Pomocy Społecznej", "Ośrodek Pomocy Społecznej"),
    ("Zarząd Dróg i Zieleni", "Zarząd Dróg i Zieleni"),
    ("Centrum Usług Wspólnych", "Centrum Usług Wspólnych"),
    ("Biblioteka Publiczna", "Bibliotekę Publiczną"),
]
