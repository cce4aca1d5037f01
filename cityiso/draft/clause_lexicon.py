"""The ISO 9001:2015 clause structure in Polish: each heading 4-10 with the titles of its sub-clauses and the key
terms the standard's own text gives them (PN-EN ISO 9001:2015-10 wording), for suggesting a clause for a finding.

Written from the standard's structure, not from any curated document: it says what each clause covers, so that a
finding about, say, training (7.2) or office buildings and IT (7.1.3) finds its clause even when no curated finding
uses those words. Besides the 2015 titles: the terms of ISO 9001:2008 for the same requirement (its 4.2.3 "nadzór nad
dokumentami" and 4.2.4 "nadzór nad zapisami" became 7.5 in the ISO/TC 176 correlation), the Polish words an office
uses for it (a "skarga" or "wniosek" of the administrative code is the client's feedback of 9.1.2, "obsługa
interesantów" the provision of service of 8.5), and the requirement of the standards that share the same headings
(Annex SL: ISO 14001's environmental aspects, ISO/IEC 27001's information-security risk, ISO 37001's bribery risk are
planning, 6.1)."""

SUBCLAUSES: dict[str, tuple[tuple[str, str], ...]] = {
    "4": (
        ("4.1", "zrozumienie organizacji i jej kontekstu, kwestie zewnętrzne i wewnętrzne"),
        ("4.2", "potrzeby i oczekiwania stron zainteresowanych"),
        ("4.3", "zakres systemu zarządzania jakością"),
        ("4.4", "system zarządzania jakością i jego procesy, podejście procesowe"),
    ),
    "5": (
        ("5.1.1", "przywództwo i zaangażowanie najwyższego kierownictwa"),
        ("5.1.2", "orientacja na klienta, potrzeby klienta, zwiększanie zadowolenia klienta"),
        ("5.2", "polityka jakości, komunikowanie polityki"),
        ("5.3", "role, odpowiedzialność i uprawnienia w organizacji"),
    ),
    "6": (
        ("6.1", "działania odnoszące się do ryzyk i szans, zarządzanie ryzykiem, analiza ryzyka"),
        ("6.2", "cele jakościowe i planowanie ich osiągnięcia"),
        ("6.3", "planowanie zmian"),
        ("6.1", "aspekty środowiskowe, ryzyko w bezpieczeństwie informacji, ryzyko korupcyjne"),
    ),
    "7": (
        ("7.1.2", "ludzie, osoby"),
        ("7.1.3", "infrastruktura: budynki, wyposażenie, sprzęt, oprogramowanie, transport, technologie informacyjne"),
        ("7.1.3", "systemy informatyczne i teleinformatyczne, sprzęt komputerowy, sieć, internet, informatyzacja"),
        ("7.1.4", "środowisko funkcjonowania procesów, warunki pracy"),
        ("7.1.5", "zasoby do monitorowania i pomiarów"),
        ("7.1.6", "wiedza organizacji"),
        ("7.2", "kompetencje, wykształcenie, szkolenia, doświadczenie"),
        ("7.3", "świadomość pracowników"),
        ("7.4", "komunikacja wewnętrzna i zewnętrzna"),
        ("7.5", "udokumentowane informacje, dokumentacja"),
        ("7.5", "dokumenty i zapisy, nadzór nad dokumentami, nadzór nad zapisami, aktualizowanie"),
        ("7.5", "dystrybucja, dostęp, przechowywanie, zabezpieczanie, archiwum, archiwizacja"),
    ),
    "8": (
        ("8.1", "planowanie i nadzór nad działaniami operacyjnymi"),
        ("8.2", "wymagania dotyczące usług, komunikacja z klientem, informacja o usługach"),
        ("8.3", "projektowanie i rozwój usług"),
        ("8.4", "nadzór nad procesami i usługami dostarczanymi z zewnątrz, dostawcy"),
        ("8.5", "produkcja i dostarczanie usług, świadczenie usług, obsługa klientów i interesantów"),
        ("8.7", "nadzór nad niezgodnymi wyjściami"),
    ),
    "9": (
        ("9.1.1", "monitorowanie, pomiary"),
        ("9.1.2", "zadowolenie klienta, postrzeganie klienta, ankiety, informacje zwrotne od klientów"),
        ("9.1.2", "satysfakcja klientów, badanie satysfakcji, skargi i wnioski"),
        ("9.1.3", "analiza i ocena danych i informacji"),
        ("9.2", "audit wewnętrzny"),
        ("9.3", "przegląd zarządzania"),
    ),
    "10": (
        ("10.2", "niezgodności i działania korygujące"),
        ("10.3", "ciągłe doskonalenie, doskonalenie, innowacje"),
    ),
}


def lexicon(clause: str) -> str:
    """The Polish words of a heading's sub-clauses, as one text."""
    return "; ".join(words for _sub, words in SUBCLAUSES.get(clause, ()))


def subclause(clause: str, lemmas_of, query: set[str]) -> str | None:
    """The sub-clause of a heading whose words the query shares most (None: none shared)."""
    best, score = None, 0
    for sub, words in SUBCLAUSES.get(clause, ()):
        n = len(query & set(lemmas_of(words)))
        if n > score:
            best, score = sub, n
    return best
