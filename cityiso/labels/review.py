"""The curator's review page and its queue.
Each key: (Polish, English)."""

from cityiso.labels.plural import plural

TEXT = {
    # the curator's review page (curate/review.py, cityiso/app/review_page.py, cityiso/draft/save.py)
    "review.title": ("Szkic z komunikatu prasowego", "Drafting from a press release"),
    "review.caption": (
        "Strona kuratora, zapisuje do {folder}. Każda wartość to szkic: przyjmij ją, popraw albo odrzuć.",
        "Curator's page, writes into {folder}. Every value is a draft: accept, edit or reject it.",
    ),
    "review.not_loopback": (
        "Ta strona działa tylko na serwerze dostępnym wyłącznie z tego komputera (adres 127.0.0.1, ::1 lub "
        "localhost), a serwer nasłuchuje na adresie {address}. Uruchom go przez `./run curate`.",
        "This page runs only on a server reachable from this computer alone (address 127.0.0.1, ::1 or "
        "localhost), and the server listens on {address}. Start it with `./run curate`.",
    ),
    "review.hosts": (
        "Ta strona działa tylko, gdy serwer przyjmuje połączenia wyłącznie pod nazwami tego komputera "
        "(server.allowedHosts: 127.0.0.1, localhost, ::1). Uruchom go przez `./run curate`.",
        "This page runs only when the server accepts connections under this computer's names alone "
        "(server.allowedHosts: 127.0.0.1, localhost, ::1). Start it with `./run curate`.",
    ),
    "review.recovered": (
        "Poprzedni zapis został przerwany; folder danych przywrócono do stanu sprzed niego.",
        "An earlier save was interrupted; the data folder was put back as it was before it.",
    ),
    "review.busy": (
        "Inny zapis do tego folderu danych wciąż trwa. Spróbuj ponownie za chwilę.",
        "Another save into this data folder is still under way. Try again in a moment.",
    ),
    "review.paste": ("…albo wklej tekst", "…or paste the text"),
    "review.file_name": ("Nazwa pliku w data/sources/", "File name in data/sources/"),
    "review.url": ("Adres podany w dokumencie (opcjonalnie)", "Address the document states (optional)"),
    "review.published": ("Data publikacji, RRRR-MM-DD (opcjonalnie)", "Publication date, YYYY-MM-DD (optional)"),
    "review.not_utf8": (
        "Wgrany plik nie jest tekstem UTF-8 (błędny bajt nr {byte}). Zapisz go jako UTF-8 i wgraj ponownie.",
        "The uploaded file is not UTF-8 text (bad byte at {byte}). Save it as UTF-8 and upload it again.",
    ),
    "review.too_big": (
        "Tekst jest za długi: dokument może mieć najwyżej {max} kB.",
        "The text is too long: a document may have at most {max} kB.",
    ),
    "review.control.text": (
        "Tekst zawiera niedozwolony znak sterujący {char}: dokument może zawierać tylko tabulatory i końce wierszy.",
        "The text holds a control character, {char}: a document may hold only tabs and line ends.",
    ),
    "review.control.field": (
        "Pole „{field}” zawiera niedozwolony znak sterujący: {value}",
        "The field '{field}' holds a control character: {value}",
    ),
    "review.control.cell": (
        "Tabela {table}, wiersz {n}, kolumna {column}: niedozwolony znak sterujący w {value}",
        "Table {table}, row {n}, column {column}: a control character in {value}",
    ),
    "review.bad_date": ("„{value}” nie jest datą (RRRR-MM-DD).", "'{value}' is not a date (YYYY-MM-DD)."),
    "review.name.empty": (
        "Podaj nazwę pliku dokumentu (np. miasto_audyt_2021.txt).",
        "Give the document a file name (e.g. city_audit_2021.txt).",
    ),
    "review.name.too_long": (
        "Nazwa pliku jest za długa (najwyżej {max} znaków): {name}",
        "The file name is too long (at most {max} characters): {name}",
    ),
    "review.name.path": (
        "Nazwa pliku nie może zawierać `/`, `\\` ani `..`: to ma być sama nazwa pliku w data/sources/: {name}",
        "A file name may not hold `/`, `\\` or `..`: it is a plain name inside data/sources/: {name}",
    ),
    "review.name.hidden": (
        "Nazwa pliku nie może zaczynać się od kropki: {name}",
        "A file name may not start with a dot: {name}",
    ),
    "review.name.chars": (
        "Nazwa pliku może zawierać tylko litery bez polskich znaków (a-z, A-Z), cyfry, `-`, `_` i `.` i musi "
        "zaczynać się literą lub cyfrą: {name}",
        "A file name may hold only letters without diacritics (a-z, A-Z), digits, `-`, `_` and `.`, and must start "
        "with a letter or digit: {name}",
    ),
    "review.name.txt": ("Nazwa pliku musi kończyć się na .txt: {name}", "A file name must end in .txt: {name}"),
    "review.name.taken": (
        "W data/sources/ jest już plik {name} o innej treści: wybierz inną nazwę.",
        "data/sources/ already has a file {name} with other content: choose another name.",
    ),
    "review.text_marked": ("Tekst z zaznaczonymi faktami ze szkicu", "The text, each drafted fact marked"),
    "review.legend.value": ("słowa samej wartości", "a drafted value's own words"),
    "review.legend.sentence": ("zdanie, na którym opiera się wiersz", "a sentence a row stands on"),
    "review.legend.hover": ("najedź kursorem, by zobaczyć kolumny", "hover for the columns"),
    "review.row": ("Tabela {table}, wiersz {n}", "{table} row {n}"),
    "review.decision.accept": ("przyjmij", "accept"),
    "review.decision.edit": ("popraw", "edit"),
    "review.decision.reject": ("odrzuć", "reject"),
    "review.decision.merge": ("scal z istniejącym", "merge"),
    "review.col.column": ("kolumna", "column"),
    "review.col.value": ("wartość", "value"),
    "review.col.confidence": ("pewność", "confidence"),
    "review.col.reason": ("uzasadnienie", "reason"),
    "review.write": ("Zapisz przyjęte wiersze i zbuduj bazę", "Write the accepted rows and build"),
    "review.written": (
        "Zapisano i zbudowano: przyjęte wiersze są w folderze danych.",
        "Written and built: the accepted rows are in the data folder.",
    ),
    "review.failed": (
        "Budowanie znalazło problemy (liczba: {n}); folder danych pozostał bez zmian.",
        "The build found problems (count: {n}); the data folder was left as it was.",
    ),
    "review.write_error": (
        "Zapis się nie powiódł; folder danych pozostał bez zmian. Szczegóły są w dzienniku serwera.",
        "The save failed; the data folder was left as it was. The server's log has the details.",
    ),
    # the review page's queue of documents (cityiso/app/review_page.py, cityiso/draft/queue.py, cityiso/draft/merge.py)
    "queue.upload": (
        "Wgraj zapisane dokumenty (jeden lub wiele naraz)",
        "Upload saved documents (one or many at once)",
    ),
    "queue.draft": ("Przygotuj szkice i dodaj do kolejki", "Draft and queue"),
    "queue.nothing": (
        "Nie ma czego dodać: wgraj pliki albo wklej tekst.",
        "Nothing to queue: upload files or paste a text.",
    ),
    "queue.title": ("Kolejka dokumentów", "Queue of documents"),
    "queue.progress": (
        "Przejrzane: {done} z {total} · zapisane: {saved} · odrzucone: {refused}",
        "{done} of {total} reviewed · {saved} saved · {refused} refused",
    ),
    "queue.status.waiting": ("czeka ({decided} z {rows} wierszy)", "waiting ({decided} of {rows} rows decided)"),
    "queue.status.reviewed": ("przejrzany", "reviewed"),
    "queue.status.saved": ("zapisany w danych", "saved in the data"),
    "queue.status.refused": ("odrzucony: {reason}", "refused: {reason}"),
    "queue.already_queued": ("{name} jest już w kolejce.", "{name} is already in the queue."),
    "queue.in_data": (
        "ten tekst jest już w danych jako {file} (źródło {source})",
        "already in the data as {file} (source {source})",
    ),
    "queue.unreadable": ("nie udało się odczytać pliku {name}", "the file {name} could not be read"),
    "queue.empty": ("dokument nie zawiera tekstu", "the document holds no text"),
    "queue.keys": (
        "Klawisze (poza polami tekstowymi): j / k następny / poprzedni wiersz · n / p następny / poprzedni dokument · "
        "a przyjmij · r odrzuć · m scal z istniejącym · e popraw · A przyjmij resztę · s zapisz dokument",
        "Keys (outside text fields): j / k next / previous row · n / p next / previous document · a accept · "
        "r reject · m merge with the existing row · e edit · A accept the rest · s save the document",
    ),
    "queue.prev_doc": ("← dokument (p)", "← document (p)"),
    "queue.next_doc": ("dokument → (n)", "document → (n)"),
    "queue.prev_row": ("↑ wiersz (k)", "↑ row (k)"),
    "queue.next_row": ("↓ wiersz (j)", "↓ row (j)"),
    "queue.accept": ("przyjmij (a)", "accept (a)"),
    "queue.reject": ("odrzuć (r)", "reject (r)"),
    "queue.merge": ("scal (m)", "merge (m)"),
    "queue.edit": ("popraw (e)", "edit (e)"),
    "queue.accept_rest": ("przyjmij resztę (A)", "accept the rest (A)"),
    "queue.document": ("Dokument {n} z {total}: {name}", "Document {n} of {total}: {name}"),
    "queue.current_row": ("▶ bieżący wiersz", "▶ current row"),
    "queue.matches": (
        "pasuje do istniejącego wiersza {id}: {why}. Scal (m) zamiast dodawać nowy; cytat trafi do "
        "further_evidence.csv jako drugi dowód.",
        "matches the existing row {id}: {why}. Merge (m) instead of adding a new one; the quote goes to "
        "further_evidence.csv as a second piece of evidence.",
    ),
    "queue.why.office_id": ("ten sam identyfikator urzędu", "the same office_id"),
    "queue.why.place": (
        "ta sama miejscowość i rodzaj urzędu: {place}, {kind}",
        "the same place and kind of office: {place}, {kind}",
    ),
    "queue.why.registration": (
        "ten sam urząd, norma i numer rejestracji {registration}",
        "the same office, standard and registration {registration}",
    ),
    "queue.why.validity": (
        "ten sam urząd i norma {family}, okresy ważności zachodzą na siebie: {start} – {end}",
        "the same office and standard {family}, validity overlapping: {start} – {end}",
    ),
    "queue.why.event": (
        "ten sam urząd i rodzaj ({kind}) oraz ta sama data: {date}, w szkicu {drafted}",
        "the same office and kind ({kind}) and the same date: {date}, drafted {drafted}",
    ),
    "queue.merge_gone": (
        "Wiersz {table} {n} miał być scalony z wierszem, którego już nie ma w danych: wybierz ponownie.",
        "Row {n} of {table} was to be merged into a row the data no longer holds: decide it again.",
    ),
    "queue.undecided": (
        plural(
            "n",
            one="{n} wiersz nie ma decyzji: przyjmij go, odrzuć albo przyjmij resztę (A).",
            few="{n} wiersze nie mają decyzji: przyjmij je, odrzuć albo przyjmij resztę (A).",
            many="{n} wierszy nie ma decyzji: przyjmij je, odrzuć albo przyjmij resztę (A).",
        ),
        plural(
            "n",
            one="{n} row has no decision: accept it, reject it or accept the rest (A).",
            other="{n} rows have no decision: accept them, reject them or accept the rest (A).",
        ),
    ),
    "queue.saved_already": ("Ten dokument jest już zapisany.", "This document is saved already."),
    "queue.nothing_accepted": (
        "Żaden wiersz nie został przyjęty: nie ma czego zapisać.",
        "No row is accepted: there is nothing to save.",
    ),
}
