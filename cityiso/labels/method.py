"""The Sources page's account of the method, in both languages."""

METHOD_MD = (
    """
- **Każdy fakt ma cytat.** Certyfikaty, zdarzenia, jednostki i ustalenia niosą dosłowny cytat z dokumentu
  źródłowego; budowanie bazy sprawdza, że cytat występuje w tekście.
- **Daty mają precyzję** (dzień, miesiąc, rok). Data podana miesiącem jest zapisana jako pierwszy dzień
  miesiąca i pokazywana jako miesiąc („marzec 2015”). Słowa źródła są zachowane obok.
- **Daty wywnioskowane** są oznaczone „~” i mają jednozdaniowe uzasadnienie kuratora. Czego tekst nie podaje,
  zostaje puste (np. „30 listopada” bez roku).
- **Status certyfikatu** wynika tylko z datowanych dowodów, osobno dla każdej rodziny norm: ważny, gdy dokładne
  daty go wykazują; przybliżony, gdy daty są zgrubne lub wywnioskowane (sama data wydania: najwyżej 3 lata,
  bo cykl certyfikacji trwa najwyżej 3 lata); zawieszony po zawieszeniu bez późniejszego zdarzenia;
  wygasły, nieprzedłużony albo cofnięty po dacie ważności, końcu okresu przejściowego wydania normy lub
  zdarzeniu, które go kończy; w pozostałych przypadkach — brak dowodów.
- **Ustalenia**: „podane wybiórczo” znaczy, że źródło mówi „m.in.”; brak ustaleń w źródle to co innego niż
  „nie stwierdzono”. Priorytety i autoprezentacja urzędu nie są pochwałą audytorów: wykresy tego, co docenili
  audytorzy, liczą tylko głos audytorów, chyba że wybierzesz więcej.
- **Rozdziały ISO 9001:2015** pochodzą z nagłówków raportu albo z kodowania kuratora (oznaczone).
- **Udział** liczy, jaką część ustaleń każdego audytu stanowi dana kategoria, uśredniając po audytach:
  dłuższy raport nie wygląda przez to lepiej.
""",
    """
- **Every fact has a quote.** Certificates, events, units and findings carry a verbatim quote from their
  source document; the build checks that each quote stands in the text.
- **Dates carry a precision** (day, month, year). A date known to the month is stored as the month's first
  day and shown as a month (“March 2015”). The source's own words are kept alongside.
- **Inferred dates** are marked “~” and carry the curator's one-line reason. What a text does not say stays
  empty (e.g. “30 listopada” with no year).
- **Certificate status** follows only from dated evidence, for each standard family on its own: valid where
  exact dates show it; approximate where dates are coarse or inferred (an issue date alone: at most 3 years, as
  a certification cycle lasts at most 3 years); suspended after a suspension with no later event; expired,
  lapsed or withdrawn after the expiry date, the end of the edition's transition period or an event ending
  it; otherwise, no evidence.
- **Findings**: “reported in part” means the source says “m.in.” (among others); a source that reports no
  findings is not the same as “none found”. An office's own priorities and self-description are not
  auditors' praise: charts of what the auditors praised count only the auditors' voice unless you choose more.
- **ISO 9001:2015 clauses** come from the report's headings or from the curator's coding (marked).
- **Share** counts what part of each audit's findings a category takes, averaged over audits, so a longer
  report does not simply look better.
""",
)
