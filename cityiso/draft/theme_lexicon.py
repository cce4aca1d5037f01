"""The codebook's themes (data/themes.csv) in the words an office's documents use for them, for suggesting a theme for
a finding.

Written from each theme's definition, not from any curated or corpus document: every line spells out what the
definition names (its "skargi" and "zadowolenie" as the forms they take, "satysfakcja", "badanie satysfakcji"; its
"systemy informatyczne" as "informatyzacja", "e-usługi"), in the terms of Polish local government. A term that
belongs to two themes is left to neither."""

TERMS: dict[str, str] = {
    "communication_residents": "informowanie mieszkańców, informacja dla mieszkańców, dialog i spotkania z "
    "mieszkańcami, wizerunek urzędu, identyfikacja z miastem, media lokalne",
    "civic_participation": "konsultacje społeczne, budżet partycypacyjny, budżet obywatelski, organizacje pozarządowe, "
    "rady dzielnic, rady osiedli, społeczeństwo obywatelskie, partycypacja",
    "customer_focus": "jakość obsługi, obsługa klientów, zadowolenie klientów, satysfakcja klientów, badanie "
    "satysfakcji, ankiety, opinie klientów, skargi i wnioski, orientacja na klienta, życzliwość, uprzejmość",
    "strategy_objectives": "strategia rozwoju, cele strategiczne, cele operacyjne, cele jakościowe, zadania wydziałów, "
    "plany działania",
    "leadership_commitment": "zaangażowanie kierownictwa, przywództwo, prezydent, burmistrz, wójt, starosta, "
    "marszałek, kierownictwo urzędu, kadra kierownicza",
    "management_control": "kontrola zarządcza, system zintegrowany, nadzór kierownictwa, procedury wewnętrzne, "
    "regulaminy, zasady postępowania",
    "analysis_reporting": "analizy, opracowania analityczne i statystyczne, wskaźniki, pomiary, monitorowanie, "
    "sprawozdania, sprawozdawczość, raporty, dane",
    "public_finance": "finanse, budżet, ocena ratingowa, rating, dyscyplina budżetowa, zadłużenie, dochody, wydatki, "
    "podatki lokalne",
    "investors_business": "inwestorzy, przedsiębiorcy, działalność gospodarcza, ulgi podatkowe, pomoc de minimis, "
    "strefy ekonomiczne, tereny inwestycyjne, miejsca pracy",
    "eu_funds": "fundusze unijne, fundusze europejskie, środki zewnętrzne, dotacje, dofinansowanie, projekty unijne, "
    "programy operacyjne",
    "social_health": "programy społeczne, programy zdrowotne, profilaktyka, seniorzy, pomoc społeczna, osoby "
    "niepełnosprawne, rodziny",
    "it_eservices": "systemy informatyczne, informatyzacja, strony internetowe, internet, usługi elektroniczne, "
    "e-usługi, elektroniczna skrzynka podawcza, podpis elektroniczny, bezpieczeństwo informacji, cyberbezpieczeństwo",
    "infrastructure": "budynki, siedziba urzędu, pomieszczenia, warunki pracy, wyposażenie, parking, remont, "
    "dostępność architektoniczna",
    "staff_competence": "kwalifikacje, kompetencje, szkolenia, wiedza, doświadczenie, zaangażowanie pracowników, "
    "pełnomocnik, koordynator, rozwój zawodowy",
    "internal_audit": "audyty wewnętrzne, audytorzy wewnętrzni, przegląd zarządzania",
    "continual_improvement": "ciągłe doskonalenie, doskonalenie, usprawnienia, innowacje, działania korygujące, "
    "przydatność, adekwatność",
    "service_delivery": "realizacja usług i zadań, świadczenie usług, załatwianie spraw, terminowość, czas załatwiania "
    "spraw, karty usług",
    "qms_conformity": "zgodność z wymaganiami normy, skuteczność systemu, spełnianie wymagań, certyfikacja",
}


def terms(theme_id: str) -> str:
    """The words of a theme beyond its definition ('' for a theme this module does not know)."""
    return TERMS.get(theme_id, "")
