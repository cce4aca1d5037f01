"""The curator's queue of documents, without Streamlit: each document read and drafted once, keyed by the hash of its
whitespace-normalised text, refused when its text is already in the data folder, and reviewed row by row.

A document is `waiting` until every drafted row has a decision, then `reviewed`; `saved` once its accepted rows were
written and built; `refused` (with the reason) when it cannot be drafted or is already in the data. The page keeps
one Queue per session (cityiso/app/review_page.py)."""

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from cityiso.draft.command import source_id_for
from cityiso.draft.core import Draft, draft
from cityiso.draft.inputs import SUFFIXES, read_input
from cityiso.draft.merge import Match, Rows, existing, find_matches
from cityiso.draft.output import plain_rows
from cityiso.draft.save import MAX_NAME_CHARS, MAX_TEXT_BYTES, TABLES, control_problem, document_name_problem
from cityiso.ids import slug
from cityiso.labels import t
from cityiso.safe_text import md, visible

WAITING, REVIEWED, SAVED, REFUSED = "waiting", "reviewed", "saved", "refused"
DECISIONS = ("accept", "edit", "reject", "merge")


def normalised_hash(text: str) -> str:
    """The sha256 of a text with every run of whitespace as one space (the same text wrapped or indented anew)."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def texts_in_data(data_dir: Path) -> dict[str, tuple[str, str]]:
    """normalised_hash -> (file name, source_id or '') of every document in data_dir/sources/."""
    ids = {r.get("file", ""): r.get("source_id", "") for r in existing(data_dir, "sources")}
    out: dict[str, tuple[str, str]] = {}
    folder = Path(data_dir) / "sources"
    for path in sorted(folder.glob("*.txt")) if folder.is_dir() else ():
        if path.is_symlink() or not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        out.setdefault(normalised_hash(text), (path.name, ids.get(path.name, "")))
    return out


@dataclass
class Document:
    """One queued document: its text and draft (None when refused), the curator's decisions and its state."""

    key: str  # normalised_hash of the text (of the upload's bytes when it could not be read)
    name: str  # the file name it is saved under in sources/
    text: str = ""
    draft: Draft | None = None
    status: str = WAITING
    reason: str = ""  # why it was refused, or why its last save failed (a message in the page's language)
    decisions: dict[tuple[str, int], str] = field(default_factory=dict)
    edits: dict[tuple[str, int, str], str] = field(default_factory=dict)
    written: object = None  # the last save's review.Written
    _cells: tuple[Path, dict[str, list[dict[str, str]]]] | None = field(default=None, repr=False, compare=False)

    def cells(self, data_dir: Path) -> dict[str, list[dict[str, str]]]:
        """The drafted rows as CSV cells, by table (made once: a page run asks for them many times)."""
        if self.draft is None:
            return {}
        if self._cells is None or self._cells[0] != data_dir:
            self._cells = (data_dir, {t: rows for t in TABLES if (rows := plain_rows(self.draft, t, data_dir))})
        return {t: [dict(r) for r in rows] for t, rows in self._cells[1].items()}

    def rows(self, data_dir: Path) -> list[tuple[str, int]]:
        """Every drafted row, (table, index), in the order the page shows them."""
        return [(t, i) for t, rows in self.cells(data_dir).items() for i in range(len(rows))]

    def matches(self, data_dir: Path) -> dict[tuple[str, int], Match]:
        """The drafted rows that tell a row the data folder holds now (found again after every save)."""
        return find_matches(self.cells(data_dir), data_dir)

    def decided(self, data_dir: Path) -> int:
        return sum((row in self.decisions) for row in self.rows(data_dir))

    def update_status(self, data_dir: Path) -> None:
        if self.status in (WAITING, REVIEWED):
            rows = self.rows(data_dir)
            self.status = REVIEWED if rows and all(r in self.decisions for r in rows) else WAITING

    def accepted(self, data_dir: Path) -> tuple[Rows, dict[tuple[str, int], str]]:
        """The rows to write ({table: [(index, cells)]}, edits applied) and the merges taken ((table, index) -> the
        existing row's id). A merge whose match is gone (the data changed) is refused by the caller."""
        rows: Rows = {}
        merges: dict[tuple[str, int], str] = {}
        found = self.matches(data_dir) if "merge" in self.decisions.values() else {}
        for table, table_rows in self.cells(data_dir).items():
            for i, cells in enumerate(table_rows):
                choice = self.decisions.get((table, i))
                if choice in (None, "reject"):
                    continue
                if choice == "edit":
                    cells = {c: self.edits.get((table, i, c), v) for c, v in cells.items()}
                if choice == "merge":
                    if (table, i) not in found:
                        continue
                    merges[(table, i)] = found[(table, i)].record_id
                rows.setdefault(table, []).append((i, cells))
        return rows, merges


# Saved web pages, web archives and PDF files, read by cityiso.draft.inputs.read_input; UTF-8 text as it is.
READABLE = tuple(s.lstrip(".") for s, kind in SUFFIXES.items() if kind != "text")
UPLOAD_TYPES = ("txt", *READABLE)
# Control characters a reader's text may carry (a PDF's form feed, a page's stray NUL): a space in the saved text.
_READ_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def saved_name(upload_name: str) -> str:
    """The plain .txt name an uploaded file is saved under in sources/: its last path part with .txt for its
    extension when that is already a plain name (ASCII letters, digits, '-', '_', '.', as document_name_problem and
    the data package take it: 'testowo_audyt_2018.pdf' -> 'testowo_audyt_2018.txt'), else the slug of its stem (the
    project's one rule for names made from words, cityiso.ids.slug: 'Urząd Łódź 2015.html' -> 'urzad-lodz-2015.txt',
    the words of the document's source id), at most MAX_NAME_CHARS characters. What comes out is still checked by
    document_name_problem, which decides."""
    base = re.split(r"[/\\]", upload_name)[-1]
    stem = base[: -len(Path(base).suffix)] if Path(base).suffix else base
    if document_name_problem(kept := f"{stem}.txt") is None:
        return kept
    return f"{slug(stem, MAX_NAME_CHARS - 4, fallback='dokument')}.txt"


def unique_name(name: str, taken: set[str]) -> str:
    """`name` ('raport.txt'), or with a number ('raport-2.txt', 'raport-3.txt', ...) when another document has it
    (two uploads whose names make the same slug: 'Raport.pdf' and 'raport.txt'); the name returned joins `taken`."""
    stem, candidate, n = name[: -len(".txt")], name, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem[: MAX_NAME_CHARS - 4 - len(str(n)) - 1]}-{n}.txt"
    taken.add(candidate)
    return candidate


def names_taken(data_dir: Path, queue: "Queue") -> set[str]:
    """The file names a new upload may not have: those in data_dir/sources/ and those of the queued documents."""
    folder = Path(data_dir) / "sources"
    found = {p.name for p in folder.iterdir()} if folder.is_dir() else set()
    return found | {d.name for d in queue.documents.values()}


def _as_date(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()) if value else None
    except ValueError:
        return None


def read_document(
    name: str,
    data: bytes,
    data_dir: Path,
    lang: str,
    in_data: dict[str, tuple[str, str]] | None = None,
    *,
    url: str | None = None,
    published: dt.date | None = None,
    upload: bool = False,
    taken: set[str] | None = None,
) -> Document:
    """A document from an upload (upload=True: its name made plain by saved_name, and unique among `taken`, the
    names in sources/ and of the queued documents, which it joins; a saved page or PDF read by read_input) or a
    pasted text (its bytes), drafted, or refused with the reason (Markdown-safe): too big, not UTF-8, a control
    character, a file name that is not a plain .txt name, or a text the data folder holds already (in_data:
    texts_in_data, read once for a batch)."""

    def refused(key: str, reason: str) -> Document:
        return Document(key, name, status=REFUSED, reason=reason)

    if len(data) > MAX_TEXT_BYTES:
        return refused(hashlib.sha256(data).hexdigest(), t("review.too_big", lang, max=MAX_TEXT_BYTES // 1000))
    original, suffix = name, Path(name).suffix.lower().lstrip(".")
    if upload:  # an uploaded file's own name, made a plain .txt name (a saved page or PDF is saved as its text)
        name = saved_name(name) if taken is None else unique_name(saved_name(name), taken)
    if suffix in READABLE:
        try:
            got = read_input(original, data)
        except Exception:  # a file its reader cannot read is refused, never a crash of the page
            return refused(hashlib.sha256(data).hexdigest(), t("queue.unreadable", lang, name=md(visible(name))))
        # The text read from the file is what is saved (as NAME.txt): line ends as \n, stray controls as spaces.
        text = _READ_CONTROLS.sub(" ", str(got.text or "").replace("\r\n", "\n"))
        url = url or (str(got.url).strip() if getattr(got, "url", None) else None)
        published = published or _as_date(getattr(got, "published", None))
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            return refused(hashlib.sha256(data).hexdigest(), t("review.not_utf8", lang, byte=exc.start))
    key = normalised_hash(text)
    if (ch := control_problem(text, multiline=True)) is not None:
        return refused(key, t("review.control.text", lang, char=md(visible(ch))))
    if url and control_problem(url) is not None:
        url = None  # an address read from a page is a hint: one with control characters is dropped
    if (problem := document_name_problem(name)) is not None:
        return refused(key, t(problem, lang, name=md(visible(name)), max=MAX_NAME_CHARS))
    if not text.strip():
        return refused(key, t("queue.empty", lang))
    in_data = texts_in_data(data_dir) if in_data is None else in_data
    if key in in_data:
        file, source = in_data[key]
        return Document(
            key,
            name,
            text=text,
            status=REFUSED,
            reason=t("queue.in_data", lang, file=md(file), source=md(source or "?")),
        )
    d = draft(
        text,
        source_id=source_id_for(Path(name)),
        url=url,
        published=published,
        file_name=name,
        data_dir=data_dir,
    )
    return Document(key, name, text=text, draft=d)


@dataclass
class Queue:
    """The session's documents in the order they came, and where the curator is: a document and a row in it."""

    documents: dict[str, Document] = field(default_factory=dict)
    current: str | None = None
    row: int = 0

    def add(self, document: Document) -> tuple[Document, bool]:
        """Queue a document unless one with its key is queued; (the queued document, whether it is new)."""
        queued = self.documents.get(document.key)
        if queued is not None and not (queued.status == REFUSED and document.status != REFUSED):
            return queued, False
        self.documents[document.key] = document
        idle = self.current is None or self.documents[self.current].status not in (WAITING, REVIEWED)
        if idle and document.status in (WAITING, REVIEWED):
            self.current, self.row = document.key, 0
        return document, True

    def doc(self) -> Document | None:
        return self.documents.get(self.current) if self.current else None

    def counts(self) -> dict[str, int]:
        out = {WAITING: 0, REVIEWED: 0, SAVED: 0, REFUSED: 0}
        for d in self.documents.values():
            out[d.status] += 1
        return out

    def progress(self) -> tuple[int, int]:
        """(documents reviewed or saved, documents queued)."""
        c = self.counts()
        return c[REVIEWED] + c[SAVED], len(self.documents)

    def _open(self) -> list[str]:
        return [k for k, d in self.documents.items() if d.status != REFUSED]

    def move_document(self, step: int) -> None:
        """To the next (step 1) or previous (-1) document that is not refused; stays at either end."""
        keys = self._open()
        if not keys:
            return
        at = keys.index(self.current) if self.current in keys else -1
        target = min(max(at + step, 0), len(keys) - 1) if at >= 0 else 0
        if keys[target] != self.current:
            self.current, self.row = keys[target], 0

    def next_open(self) -> None:
        """After a save: the next document still waiting or reviewed (after this one, then from the start)."""
        keys = list(self.documents)
        at = keys.index(self.current) if self.current in keys else -1
        for k in keys[at + 1 :] + keys[: at + 1]:
            if self.documents[k].status in (WAITING, REVIEWED):
                self.current, self.row = k, 0
                return

    def move_row(self, step: int, data_dir: Path) -> None:
        doc = self.doc()
        if doc is None:
            return
        n = len(doc.rows(data_dir))
        self.row = min(max(self.row + step, 0), max(n - 1, 0))

    def decide(self, decision: str, data_dir: Path, row: tuple[str, int] | None = None, advance: bool = True) -> None:
        """Set the decision of a row (the current one unless given), then move to the next row (keyboard review)."""
        doc = self.doc()
        if doc is None or doc.status not in (WAITING, REVIEWED) or decision not in DECISIONS:
            return
        rows = doc.rows(data_dir)
        if row is None:
            if not rows:
                return
            row = rows[min(self.row, len(rows) - 1)]
        if row not in rows:
            return
        if decision == "merge" and row not in doc.matches(data_dir):
            return
        doc.decisions[row] = decision
        doc.update_status(data_dir)
        if advance and row == rows[min(self.row, len(rows) - 1)]:
            self.move_row(1, data_dir)

    def decide_rest(self, decision: str, data_dir: Path) -> None:
        """Every row without a decision of the current document gets one (accept: the rest as drafted)."""
        doc = self.doc()
        if doc is None or doc.status not in (WAITING, REVIEWED):
            return
        for row in doc.rows(data_dir):
            doc.decisions.setdefault(row, decision)
        doc.update_status(data_dir)
