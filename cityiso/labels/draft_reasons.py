"""The drafter's reasons in Polish and English: name -> (Polish, English). The English text is the template the
drafter's f-strings write (word for word), so cityiso.draft.reasons can read a reason back into its name and values
and say it in Polish; cityiso.labels holds these as "draft.reason.<name>". Values are data (quotes, ids, numbers, dates)
and go in as written; a value named reason, place or places is itself a reason, said in the language too."""

REASON_TEXT: dict[str, tuple[str, str]] = {
    # --- sources, identifiers, the document itself
    "made_id": ("Identyfikator nadany przy szkicowaniu.", "Identifier made by the drafter."),
    "given": ("Podane przy szkicowaniu.", "Given to the drafter."),
    "saved_text": ("Zapisany tekst.", "A saved text."),
    "saved_file": ("Zapisany plik.", "The saved file."),
    "title_line": ("Pierwszy wiersz, który nazywa temat.", "The first line naming the topic."),
    "no_title": ("Nie znaleziono wiersza z tytułem.", "No title line found."),
    "polish_text": ("Tekst po polsku.", "Polish text."),
    "url_given": (
        "Podany w --url (tekst musi go podawać: docs/CURATION.md#sources).",
        "Given with --url (the text must state it: docs/CURATION.md#sources).",
    ),
    "published_given": ("Podana w --published.", "Given with --published."),
    "cut": ("Tekst urywa się w pół zdania.", "The text stops mid-sentence."),
    "whole": (
        "Tekst kończy się pełnym zdaniem albo resztkami strony.",
        "The text ends with a complete sentence or page debris.",
    ),
    "document_drafted": ("Dokument, z którego powstał szkic.", "The document drafted."),
    "date_line": ("Wiersz z datą samej strony: „{line}”.", "The page's own date line '{line}'."),
    "date_line_weekday": (
        "Wiersz z datą samej strony: „{line}”: sama data w wierszu, dzień tygodnia zgodny z kalendarzem.",
        "The page's own date line '{line}': a date alone on its line, its weekday true to the calendar.",
    ),
    "to_fill": ("Do uzupełnienia: {columns} ({reason}).", "To fill: {columns} ({reason})."),
    "to_fill_division": (
        "nie ma tego w tekście: z urzędowego wykazu podziału terytorialnego",
        "not in the text: from the reference source of the territorial division",
    ),
    "to_fill_curator": ("do napisania przez kuratora", "for the curator to write"),
    "to_fill_text": ("nie ma tego w tekście", "not in the text"),
    # --- offices
    "office_of_document": ("Urząd, którego dotyczy dokument.", "The office the document is about."),
    "office_of_item": ("Urząd, który wymienia ta pozycja.", "The office this item names."),
    "office_kind_from_name": ("Z nazwy urzędu.", "From the office's name."),
    "place_nominative": ("Miejscowość w mianowniku (morfeusz2).", "The place in the nominative (morfeusz2)."),
    "name_as_written": ("Nazwa w brzmieniu dokumentu.", "The name as the document writes it."),
    "drafted_office": ("Urząd ze szkicu.", "Drafted office."),
    "place_is": ("„{words}” to {town} (morfeusz2)", "'{words}' is {town} (morfeusz2)"),
    "new_office": (
        "w offices.csv nie ma dla tej miejscowości pozycji „{kind}”: nowy urząd.",
        "no {kind} of that place in offices.csv: a new office.",
    ),
    "known_office": (
        "offices.csv ma {office} ({kind}), podobieństwo {score}.",
        "offices.csv has {office} ({kind}), similarity {score}.",
    ),
    "proposed_id": ("Proponowany office_id: „{office}”.", "Proposed office_id '{office}'."),
    "adjective": (
        "„{words}” to przymiotnik od nazwy {town} (jego lemat „{lemma}” zamieniony z powrotem w miejscowość znaną "
        "morfeusz2).",
        "'{words}' is the adjective of {town} (its lemma '{lemma}' turned back into a place morfeusz2 knows).",
    ),
    "adjective_of_several": (
        "„{words}” to przymiotnik od nazwy {town} (jego lemat „{lemma}” zamieniony z powrotem w miejscowość znaną "
        "morfeusz2; z {names} najludniejsza według GeoNames).",
        "'{words}' is the adjective of {town} (its lemma '{lemma}' turned back into a place morfeusz2 knows; of "
        "{names} the most populous in GeoNames).",
    ),
    "its_city_hall": ("„{words}” to jej urząd miasta", "'{words}' is its city hall"),
    "its_county_office": ("„{words}” to jej starostwo powiatowe", "'{words}' is its county office"),
    "its_municipal_office": ("„{words}” to jej urząd gminy", "'{words}' is its municipal office"),
    "its_marshal_office": ("„{words}” to jej urząd marszałkowski", "'{words}' is its marshal office"),
    "postal": (
        "Adres pocztowy „{words}” wskazuje miejscowość {town} (GeoNames)",
        "The postal address '{words}' places the page in {town} (GeoNames)",
    ),
    "no_gmina_word": (
        "żadne słowo nie mówi o gminie ani powiecie: urząd miasta",
        "no word of a gmina or county: a city hall",
    ),
    "speaks_of_county": (
        "tekst mówi o powiecie („starosta”, „powiat”)",
        "the text speaks of a county ('starosta', 'powiat')",
    ),
    "speaks_of_gmina": ("tekst mówi o gminie („wójt”, „gmina”)", "the text speaks of a gmina ('wójt', 'gmina')"),
    "not_named_check": ("Tekst go nie nazywa: sprawdź.", "Not named in the text: check."),
    "no_place_named": ("Nie podano miejscowości.", "No place named."),
    # --- where an office is (TERC, GeoNames)
    "no_teryt": ("Brak kodu TERYT: {reason}.", "No TERYT code: {reason}."),
    "terc_missing": (
        "TERC nie jest zaimportowany do {folder}/ (python -m cityiso.register.terc import FILE)",
        "TERC is not imported into {folder}/ (python -m cityiso.register.terc import FILE)",
    ),
    "missing": ("Brakuje: {what} ({reason}; {reason2})", "Missing: {what} ({reason}; {reason2})"),
    "voivodeship_named": (
        "Nazwa urzędu wskazuje województwo: {voivodeship}.",
        "The office's name names the voivodeship: {voivodeship}.",
    ),
    "from_geonames": ("Z GeoNames (TERC tego nie podaje): {reason}", "From GeoNames (TERC does not tell): {reason}"),
    "geonames": ("GeoNames: {reason}", "GeoNames: {reason}"),
    "place": (
        "{name} ({voivodeship}, ludność {population}, GeoNames {geonameid})",
        "{name} ({voivodeship}, population {population}, GeoNames {geonameid})",
    ),
    "one_place": (
        "GeoNames: {place}, jedyna miejscowość o nazwie „{name}”.",
        "GeoNames: {place}, the one place named '{name}'.",
    ),
    "one_place_in": (
        "GeoNames: {place}, jedyna miejscowość o nazwie „{name}” w województwie {voivodeship}.",
        "GeoNames: {place}, the one place named '{name}' in {voivodeship}.",
    ),
    "several_places": (
        "W GeoNames jest kilka miejscowości o nazwie „{name}”: najludniejsza to {place}; pozostałe: {places}.",
        "Several places named '{name}' in GeoNames: the most populous, {place}; also {places}.",
    ),
    "several_places_in": (
        "W GeoNames jest kilka miejscowości o nazwie „{name}” w województwie {voivodeship}: najludniejsza to "
        "{place}; pozostałe: {places}.",
        "Several places named '{name}' in {voivodeship} in GeoNames: the most populous, {place}; also {places}.",
    ),
    "no_such_place": (
        "GeoNames nie zna w Polsce miejscowości „{name}” (wymienia miejscowości od 500 mieszkańców).",
        "GeoNames has no place named '{name}' in Poland (it lists places of 500 people or more).",
    ),
    "no_coordinates": ("Brak współrzędnych: {reason}", "No coordinates: {reason}"),
    "rounded": ("Zaokrąglone do 0,01°.", "Rounded to 0.01°."),
    "marshal_seat": (
        "Siedziba urzędu marszałkowskiego: {name}.",
        "The marshal office sits in {name}.",
    ),
    "ambiguous": ("niejednoznaczne: {reason}", "ambiguous: {reason}"),
    "no_population": (
        "GeoNames nie podaje liczby ludności dla {name} (GeoNames {geonameid}).",
        "GeoNames gives {name} (GeoNames {geonameid}) no population.",
    ),
    # --- certificates: standard, edition, body, dates
    "standard_number": ("Numer normy.", "The standard's number."),
    "as_text_writes": ("Tak, jak zapisuje tekst.", "As the text writes it."),
    "as_written": ("Tak, jak w tekście.", "As written."),
    "standard_form": (
        "standard_forms.csv: „{words}” oznacza {standard}",
        "standard_forms.csv: '{words}' names {standard}",
    ),
    "standard_form_like": (
        "standard_forms.csv: „{words}” (forma „{form}”) oznacza {standard}",
        "standard_forms.csv: '{words}' (the form '{form}') names {standard}",
    ),
    "form_inferred": (
        "{reason}; zapisanej formy nie ma w standard_forms.csv, więc wydanie jest wywnioskowane.",
        "{reason}; the form as written is not in standard_forms.csv, so the edition is inferred.",
    ),
    "edition_at": (
        "Tekst nie podaje wydania normy. W chwili „{words}” ({date}) obowiązywało wydanie {standard}.",
        "The text names no edition. At '{words}' ({date}) the current edition was {standard}.",
    ),
    "edition_at_before": (
        "Tekst nie podaje wydania normy. W chwili „{words}” ({date}) obowiązywało wydanie {standard} ({later} "
        "opublikowano {published}).",
        "The text names no edition. At '{words}' ({date}) the current edition was {standard} ({later} was "
        "published in {published}).",
    ),
    "edition_unknown": (
        "Tekst nie podaje wydania normy ani daty, z której można je wywnioskować.",
        "The text names no edition and gives no date to infer it from.",
    ),
    "edition_span": (
        "Tekst nie podaje wydania normy; jego daty biegną od „{first}” do „{last}”, poza koniec {standard} ({end}), "
        "więc obejmują więcej niż jedno wydanie.",
        "The text names no edition; its dates run from '{first}' to '{last}', past the end of {standard} ({end}), "
        "so they span more than one edition.",
    ),
    "two_editions": (
        "Tekst wymienia kilka wydań {family} ({editions}): każde zostaje tak, jak zapisano, z osobnym certyfikatem; "
        "sprawdź, czy tekst mówi o przejściu na nowe wydanie, czy jedno podał omyłkowo.",
        "The text names two editions of {family} ({editions}): each is kept as written, one certificate each; "
        "check whether the text tells a transition or names one by mistake.",
    ),
    "issued_before_edition": (
        "Data wydania z {year} jest wcześniejsza niż publikacja {standard} ({published}): to data wcześniejszego "
        "certyfikatu.",
        "An issue date of {year} is before {standard} was published ({published}): an earlier certificate's.",
    ),
    "issued_before_edition_earlier": (
        "Data wydania z {year} jest wcześniejsza niż publikacja {standard} ({published}): to wcześniejszy certyfikat, "
        "według wydania obowiązującego wtedy, {later}.",
        "An issue date of {year} is before {standard} was published ({published}): an earlier certificate's, to the "
        "edition current then, {later}.",
    ),
    "edition_of_line_before": (
        "Wiersz nie wymienia normy: to wydanie certyfikatu sprzed niego, {standard}.",
        "The line names no standard: the edition of the certificate before it, {standard}.",
    ),
    "timeline_year_dates_certificate": (
        "Rok, od którego zaczyna się wiersz kalendarium, datuje certyfikat, o którym mówi ten wiersz.",
        "The year that opens the timeline's line dates the certificate its line tells.",
    ),
    "held_before_edition": (
        "Certyfikat jest utrzymywany od {year}, zanim opublikowano {standard} ({published}): jego wydania nie da się "
        "ustalić.",
        "The certificate is held since {year}, before {standard} was published ({published}): its edition cannot be "
        "told.",
    ),
    "body_alias": ("body_aliases.csv: „{words}”", "body_aliases.csv: '{words}'"),
    "body_declined": (
        "Odmieniona forma nazwy „{words}” (te same lematy).",
        "A declined form of '{words}' (same lemmas).",
    ),
    "body_of_list": ("Jednostka, której to lista.", "The body whose list this is."),
    "only_standard": ("Jedyna norma wymieniona w tekście.", "The only standard the text names."),
    "office_of_sentences": ("Urząd, który wymieniają te zdania.", "The office these sentences name."),
    "several_offices": (
        "Strona mówi o certyfikatach kilku urzędów: źródło nie dotyczy jednego urzędu.",
        "The page tells the certificates of several offices: the source is about no single office.",
    ),
    "only_body": ("Jedyna jednostka certyfikująca wymieniona w tekście.", "The only body the text names."),
    "iqnet": ("Tekst wymienia certyfikat IQNet.", "An IQNet certificate is named."),
    "until_item": ("„do …” w pozycji urzędu.", "'do …' in the office's item."),
    "until_sentence": ("„do …” w zdaniu o certyfikacie.", "'do …' in a sentence about the certificate."),
    "quoted": ("„{words}”.", "'{words}'."),
    "scope": (
        "Słowa po „w zakresie”/„dotyczący”/„dla”.",
        "The words after 'w zakresie'/'dotyczący'/'dla'.",
    ),
    "validity_ran_out": (
        "Ważność certyfikatu upłynęła: „{words}”.",
        "The certificate's validity ran out on '{words}'.",
    ),
    "issued_not_before_audit": (
        "Tekst datuje audyt („{words}”), a nie wydanie certyfikatu: certyfikat wydano w dniu audytu lub później.",
        "The text dates the audit ('{words}'), not the certificate's issue: the certificate was issued on or after it.",
    ),
    "held_since": (
        "„{words}”: urząd ma certyfikat od tej daty, więc to data jego przyznania.",
        "'{words}': the office has held the certificate since then, the date of its grant.",
    ),
    "heading_dates_grant": (
        "Nagłówek „{words}” datuje certyfikację, o której mówi strona: certyfikat wydano w {year} r.",
        "The heading '{words}' dates the certification the page tells: the certificate was issued in {year}.",
    ),
    "standard_of_lead": ("Norma z wprowadzenia listy.", "The standard of the list's lead."),
    "lead_dates": (
        "„{words}” we wprowadzeniu listy datuje przyznane w niej certyfikaty.",
        "'{words}' in the list's lead dates the certificates it grants.",
    ),
    "among_others": ("„m.in.” (między innymi) we wprowadzeniu listy.", "'m.in.' (among others) in the list's lead."),
    # --- events: kind, date, outcome
    "cue_surveillance": ("„{words}” (audyt nadzoru)", "'{words}' (surveillance audit)"),
    "cue_renewal": ("„{words}” (recertyfikacja)", "'{words}' (renewal)"),
    "cue_new_cycle": ("„{words}” (nowy cykl)", "'{words}' (a new cycle)"),
    "cue_initial": ("„{words}” (audyt certyfikujący)", "'{words}' (certification audit)"),
    "cue_edition": ("„{words}” (nowe wydanie normy)", "'{words}' (a new edition)"),
    "cue_year": ("„{words}” (kolejny rok)", "'{words}' (one more year)"),
    "cue_first": ("„{words}” (pierwszy certyfikat)", "'{words}' (the first certificate)"),
    "cue_crowned": (
        "„{words}”, potem „{granted}”: certyfikat zwieńczył wdrożenie",
        "'{words}' then '{granted}': the certificate that crowned the implementation",
    ),
    "points_different_ways": (
        "Tekst wskazuje różne rodzaje audytu: {reason}",
        "The text points different ways: {reason}",
    ),
    "kind_unsaid": ("Tekst nie mówi, jaki to był audyt.", "The text does not say which kind of audit."),
    "tells_handover": ("Tekst mówi o wręczeniu certyfikatu.", "The text tells a handover."),
    "tells_council": ("Tekst mówi o prezentacji przed radą.", "The text tells a council presentation."),
    "tells_lapse": ("Tekst mówi o wygaśnięciu certyfikacji.", "The text tells a lapse."),
    "tells_expiry": ("Tekst mówi o upływie ważności certyfikatu.", "The text tells a expiry."),
    "tells_transition": ("Tekst mówi o przejściu na nowe wydanie normy.", "The text tells a transition."),
    "tells_granted": ("Tekst mówi o przyznaniu certyfikatu.", "The text tells a certificate granted."),
    "tells_given_up": ("Tekst mówi o rezygnacji z certyfikacji.", "The text tells the certification given up."),
    "announced": ("Zapowiedziane na przyszłość.", "Announced for the future."),
    "told_past": ("Opowiedziane w czasie przeszłym lub teraźniejszym.", "Told in the past or present tense."),
    "planned": ("Zdarzenie zaplanowane.", "A planned event."),
    "ordinal": ("Numer kolejny audytu.", "Ordinal of the audit."),
    "this_year": (
        "„{words}” (bieżący rok) to rok publikacji: {year}.",
        "'{words}' (this year) is the year of publication, {year}.",
    ),
    "range_of_days": (
        "Przedział dni od {start} do {end}: data to dzień początku, ostatni dzień to górna granica.",
        "A range of days, {start} to {end}: the date is the day it began, the last day its upper bound.",
    ),
    "report_year": (
        "„{words}” datuje raport z audytu; audyt odbył się w tym roku.",
        "'{words}' dates the audit's report; the audit was in that year.",
    ),
    "year_listed": ("Jeden z lat wymienionych w „{words}”.", "One of the years listed in '{words}'."),
    "timeline_year": ("Rok, który otwiera wiersz osi czasu.", "The year that opens the timeline's line."),
    "date_reasoning": ("Uzasadnienie daty, bez samej daty.", "The date's reasoning, without a date."),
    "audit_result": ("Wynik audytu podany w kategoriach raportu.", "An audit result stated in the report's terms."),
    "none_found": ("Tekst mówi, że nie było żadnych.", "The text says there were none."),
    "count_written": ("Liczba niezgodności jest zapisana cyframi.", "The number of nonconformities is written."),
    "count_word": ("Liczba niezgodności jest zapisana słownie.", "The number of nonconformities is written as a word."),
    # --- audited units
    "areas": ("„{words}”: liczba obszarów.", "'{words}': the number of areas."),
    "unit_of_list": (
        "Jednostka z listy „{words}”, nazwana „{name}” w mianowniku.",
        "A unit of the list '{words}', named '{name}' in the nominative.",
    ),
    "unit_nominative": (
        "Rzeczownik jednostki i jego przymiotniki w mianowniku (morfeusz2); reszta tak, jak w tekście.",
        "The unit's noun and its adjectives in the nominative (morfeusz2); the rest as written.",
    ),
    # --- findings: kind, voice, theme, clause
    "from_lead": ("Z wprowadzenia listy lub zdania.", "From the lead of the list or sentence."),
    "own_words": ("Słowa samej pozycji: skróć do jednego zdania.", "The item's own words: shorten to one sentence."),
    "curator_writes": ("Do napisania przez kuratora.", "To be written by the curator."),
    "auditor_speaks": ("Mówi audytor („{words}”).", "The auditor speaks ('{words}')."),
    "body_speaks": ("Mówi przedstawiciel jednostki certyfikującej.", "The certification body's representative speaks."),
    "body_speaks_who": (
        "Mówi przedstawiciel jednostki certyfikującej („{words}”).",
        "The certification body's representative speaks ('{words}').",
    ),
    "cites_auditors": (
        "Fragment przytacza audytorów lub ich raport („{words}”).",
        "The passage cites the auditors or their report ('{words}').",
    ),
    "official_speaks": (
        "Mówi pracownik urzędu („{words}”), nie przytacza audytora ani raportu.",
        "An official of the office speaks ('{words}'), citing no auditor or report.",
    ),
    "office_speaks": (
        "Tekst nie przytacza audytora, raportu ani jednostki: urząd mówi o sobie.",
        "No auditor, report or body is cited: the office speaks about itself.",
    ),
    "body_judges": (
        "Jednostka certyfikująca, która przeprowadziła audyt („my”), ocenia własnym głosem.",
        "The certification body, which audited ('we'), judges in its own voice.",
    ),
    "audit_recommends": (
        "Zalecenie, które daje audyt („zalecono”).",
        "A recommendation, which an audit gives ('zalecono').",
    ),
    "report_item": ("Pozycja samego raportu.", "The report's own item."),
    "no_theme": ("Żaden temat nie ma słów wspólnych z ustaleniem.", "No theme shares words with the finding."),
    "closest_finding": (
        "Najbliższe opracowane ustalenie {finding} (podobieństwo {score}) ma ten temat.",
        "Closest curated finding {finding} (similarity {score}) has this theme.",
    ),
    "theme_words": (
        "Słowa wspólne z definicją tematu (podobieństwo {score}).",
        "Words shared with the theme's definition (similarity {score}).",
    ),
    "theme_terms": (
        "Słowa definicji i terminów tematu: {words} ({score} słów ustalenia).",
        "Words of the theme's definition and terms: {words} ({score} of the finding's words).",
    ),
    "general_statement": (
        "Ogólne stwierdzenie o systemie: nie nazywa przedmiotu żadnego rozdziału.",
        "A general statement about the system: it names no clause's subject.",
    ),
    "no_clause": ("Żaden rozdział nie ma słów wspólnych z ustaleniem.", "No clause shares words with the finding."),
    "closest_clause": ("Najbliżej: {reason}.", "Closest: {reason}."),
    "clause_words_sub": (
        "słowa punktu {sub} rozdziału {clause} {label} ({score})",
        "words of {sub} of clause {clause} {label} ({score})",
    ),
    "clause_words": ("słowa rozdziału {clause} {label} ({score})", "words of clause {clause} {label} ({score})"),
    "theme_examples": ("{n} z {total} przykładów tematu {theme}", "{n} of {total} examples of theme {theme}"),
    "suggested": ("Zaproponowane przy szkicowaniu: {reason}", "Suggested by the drafter: {reason}"),
}
