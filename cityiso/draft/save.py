"""The curator's review of a draft, without Streamlit: the text with each drafted fact highlighted (escaped), and
writing the accepted rows into a data folder followed by a validated build that rolls back on failure.

A save is safe against the page's visitors and against itself:
- the document's name is a plain file name inside sources/ (document_name_problem), checked before anything is
  touched; the text and every cell are checked for control characters (control_problem);
- one save at a time per data folder, across threads and processes: an exclusive flock on LOCK_FILE;
- every save goes through a journal (JOURNAL_DIR): the original bytes of every file it changes and the names of
  the files it creates are written (atomically, with a final "complete" marker) before anything is changed, and
  the journal is deleted only after a clean build. A save that fails or raises is rolled back from it; a save that
  was killed is rolled back by recover(), which the page calls when it loads and write_accepted before it writes;
- the build writes the database the server serves ($CITYISO_DB, else the app's default: paths.served_db_path)."""

import contextlib
import csv
import fcntl
import io
import itertools
import json
import os
import re
import shutil
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from cityiso import safe_text
from cityiso.data.database import build, is_stale
from cityiso.data.problems import Problem
from cityiso.draft.core import Draft
from cityiso.draft.known import known
from cityiso.labels import DEFAULT_LANG, t
from cityiso.paths import DATA_DIR, served_db_path

# The drafted tables, in the order files are appended in: a row's references come first.
TABLES = ("sources", "offices", "certificates", "events", "event_certificates", "audited_units", "findings")
# What a save writes: the drafted tables, then a second source's quotes for rows merged into existing ones.
WRITTEN_TABLES = (*TABLES, "further_evidence")


def curator_data_dir() -> Path:
    """The data folder the curator writes into: $CITYISO_DATA, else data/."""
    return Path(os.environ.get("CITYISO_DATA") or DATA_DIR).resolve()


SHORT_SPAN = 90  # characters: longer evidence is a sentence, not a value's own words


def highlight_html(text: str, d: Draft, lang: str = DEFAULT_LANG) -> str:
    """The text as HTML with every drafted value's evidence marked; all text escaped (it is data, never markup)."""
    marks: dict[tuple[int, int], list[str]] = {}
    for table, rows in d.tables.items():
        for i, row in enumerate(rows):
            for column, value in row.items():
                if column in ("quote", "source_id", "office_id") or value.span == (0, len(text)):
                    continue
                for span in value.parts or [value.span]:
                    marks.setdefault(tuple(span), []).append(f"{table}[{i + 1}].{column}")
    boundaries = sorted({0, len(text), *(p for span in marks for p in span)})
    out = []
    for a, b in itertools.pairwise(boundaries):
        covering = [(s, e, labs) for (s, e), labs in marks.items() if s <= a and b <= e]
        labels = sorted({lab for _s, _e, labs in covering for lab in labs})
        chunk = safe_text.html(text[a:b])
        if not labels:
            out.append(chunk)
            continue
        title = safe_text.html(", ".join(labels))
        # A value's own words (a date, a name, an item) stand out; a whole sentence that only carries a row's
        # kind or voice is shaded lightly, or everything would be marked alike.
        if any(e - s <= SHORT_SPAN for s, e, _labs in covering):
            out.append(f'<mark title="{title}" style="background:#fcd34d;color:#1f2937;padding:0 1px">{chunk}</mark>')
        else:
            out.append(f'<span title="{title}" style="background:#e2e8f0;color:inherit">{chunk}</span>')
    legend = (
        '<p style="font-size:0.8rem;margin:0 0 0.5rem 0"><mark style="background:#fcd34d;color:#1f2937">'
        f"{safe_text.html(t('review.legend.value', lang))}</mark> · "
        f'<span style="background:#e2e8f0">{safe_text.html(t("review.legend.sentence", lang))}</span> · '
        f"{safe_text.html(t('review.legend.hover', lang))}</p>"
    )
    return (
        legend + '<div style="white-space:pre-wrap;overflow-wrap:anywhere;font-family:monospace;font-size:0.85rem;'
        'line-height:1.6">' + "".join(out) + "</div>"
    )


@dataclass
class Written:
    """What writing the accepted rows gave: the build's problems (empty: written) and where each row went."""

    problems: list[Problem]
    placed: dict[tuple[str, int], tuple[str, int]]  # (file shown, line) -> (table, row index in the draft)

    def for_row(self, table: str, index: int) -> list[Problem]:
        return [p for p in self.problems if self.placed.get((p.file, p.line)) == (table, index)]

    def unplaced(self) -> list[Problem]:
        return [p for p in self.problems if (p.file, p.line) not in self.placed]


SOURCES = "sources"
LOCK_FILE = ".cityiso-save.lock"  # in the data folder; never deleted (deleting a lock file races its next taker)
JOURNAL_DIR = ".cityiso-journal"  # in the data folder while a save is under way or after one was killed
LOCK_TIMEOUT = 120.0  # seconds a save waits for another one (a save with its build takes a few seconds)
MAX_NAME_CHARS = 100
MAX_TEXT_BYTES = 1_000_000  # a press release is a few kB; .streamlit/config.toml caps uploads at 1 MB too
# ASCII letters, digits, '-', '_', '.': no separator, no space, nothing invisible; the data package's own rule for
# sources.file (datapackage.json), which the build applies (tests/test_draft_queue.py holds the two together).
_NAME_CHARS = re.compile(r"[0-9A-Za-z_.\-]+")
# What a save journal may name besides: the names of saves made before names became ASCII (Polish letters too), so
# a journal a killed save left then still rolls back.
_JOURNAL_NAME_CHARS = re.compile(r"[0-9A-Za-ząćęłńóśźżĄĆĘŁŃÓŚŹŻ_.\-]+")
# Direction overrides and isolates reorder what a reader sees ("Trojan source"); line and paragraph separators.
_BIDI_AND_BREAKS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029")


def document_name_problem(name: str, chars: re.Pattern = _NAME_CHARS) -> str | None:
    """Why a name cannot be a document's file name in sources/ (a label key: t(key, lang, name=..., max=...)), or
    None: a plain name, no separator or '..', ASCII letters, digits, '-', '_' and '.' (`chars`), starting with a
    letter or digit (so never hidden) and ending in .txt."""
    if not name:
        return "review.name.empty"
    if len(name) > MAX_NAME_CHARS:
        return "review.name.too_long"
    if "/" in name or "\\" in name or ".." in name:
        return "review.name.path"
    if name.startswith("."):
        return "review.name.hidden"
    if not chars.fullmatch(name) or not name[0].isalnum():  # "-rf.txt" reads as an option to a command
        return "review.name.chars"
    if not name.endswith(".txt") or name == ".txt":
        return "review.name.txt"
    return None


def control_problem(value: str, multiline: bool = False) -> str | None:
    """The first character a value may not hold, or None. A document (multiline) may hold tabs, line feeds, form
    feeds (a PDF's page breaks, which the build allows in documents too) and CR LF line ends, never another control
    character (NUL, ESC, BEL, DEL, C1); a single-line field (a name, an address, a date, a cell) no control character
    at all, nor a direction override or line separator."""
    for i, ch in enumerate(value):
        if multiline and (ch in "\t\n\f" or (ch == "\r" and value[i + 1 : i + 2] == "\n")):
            continue
        if unicodedata.category(ch) == "Cc" or (not multiline and ch in _BIDI_AND_BREAKS):
            return ch
    return None


def _checkpoint(step: str) -> None:
    """A point in a save that tests stop at (a process killed there must be rolled back): does nothing."""


class SaveBusy(RuntimeError):
    """Another save of the same data folder held the lock for longer than LOCK_TIMEOUT."""


@contextlib.contextmanager
def save_lock(data_dir: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """One save at a time in a data folder, across threads and processes: an exclusive flock on its LOCK_FILE
    (each holder opens the file itself, so two threads of one process exclude each other too)."""
    fd = os.open(Path(data_dir) / LOCK_FILE, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise SaveBusy(f"another save of {Path(data_dir).name} is under way") from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # releases the lock


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_synced(path: Path, content: bytes) -> None:
    with open(path, "wb") as f:
        f.write(content)
        f.flush()
        os.fsync(f.fileno())


def _begin_journal(data_dir: Path, changed: list[str], created: list[str]) -> None:
    """Record, before anything is changed, every file's original bytes and the files to be created: written in a
    folder of its own, marked complete, then renamed into place (a journal without the marker is never used)."""
    tmp = data_dir / f"{JOURNAL_DIR}.tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    manifest = {"changed": {}, "created": created}
    for i, name in enumerate(changed):
        _write_synced(tmp / f"{i}.orig", (data_dir / name).read_bytes())
        manifest["changed"][name] = f"{i}.orig"
    _write_synced(tmp / "manifest.json", json.dumps(manifest, ensure_ascii=False).encode("utf-8"))
    _write_synced(tmp / "complete", b"")
    _fsync_dir(tmp)
    os.rename(tmp, data_dir / JOURNAL_DIR)
    _fsync_dir(data_dir)


def _inside(data_dir: Path, name: str) -> Path:
    """A file the journal names, which must be a CSV file of the data folder or a document in sources/."""
    parts = name.split("/")
    ok = (len(parts) == 1 and name.endswith(".csv") and not name.startswith(".")) or (
        len(parts) == 2 and parts[0] == SOURCES and document_name_problem(parts[1], _JOURNAL_NAME_CHARS) is None
    )
    if not ok:
        raise ValueError(f"the save journal names {name!r}, which no save writes")
    return data_dir / name


def _roll_back_journal(data_dir: Path) -> bool:
    """Put back what the journal recorded and delete it (the lock held). True when there was one to roll back."""
    for stale in data_dir.glob(f"{JOURNAL_DIR}.tmp-*"):  # a save killed while writing its journal: nothing changed
        shutil.rmtree(stale, ignore_errors=True)
    journal = data_dir / JOURNAL_DIR
    if not journal.is_dir():
        return False
    if not (journal / "complete").exists():  # cannot happen (renamed only once complete): nothing was changed
        shutil.rmtree(journal)
        return False
    manifest = json.loads((journal / "manifest.json").read_text(encoding="utf-8"))
    for name, backup in manifest["changed"].items():
        path = _inside(data_dir, name)
        tmp = path.with_name(f".{path.name}.cityiso-restore")
        _write_synced(tmp, (journal / backup).read_bytes())
        os.replace(tmp, path)
    for name in manifest["created"]:
        _inside(data_dir, name).unlink(missing_ok=True)
    _fsync_dir(data_dir)
    shutil.rmtree(journal)
    return True


def recover(data_dir: Path, out_db: Path | None = None) -> bool:
    """Roll back a save that was killed (its journal is still there), then rebuild the served database if it was
    built from the rolled-back files. True when something was rolled back. Cheap when there is no journal."""
    data_dir = Path(data_dir)
    if not (data_dir / JOURNAL_DIR).exists():
        return False
    with save_lock(data_dir):
        rolled_back = _roll_back_journal(data_dir)
        known.cache_clear()
    if rolled_back:
        out = Path(out_db) if out_db else served_db_path()
        if out.exists() and is_stale(data_dir, out):
            build(data_dir, out)
    return rolled_back


def _refused(file: str, key: str, lang: str, **values) -> Problem:
    return Problem(file, 0, "", "file", t(key, lang, **values))


def input_problem(
    text: str, file_name: str, rows: dict[str, list[tuple[int, dict[str, str]]]], lang: str
) -> str | None:
    """Why the page's input cannot be saved (a message in the language), or None."""
    if (key := document_name_problem(file_name)) is not None:
        return t(key, lang, name=safe_text.visible(file_name), max=MAX_NAME_CHARS)
    if len(text.encode("utf-8")) > MAX_TEXT_BYTES:
        return t("review.too_big", lang, max=MAX_TEXT_BYTES // 1000)
    if (ch := control_problem(text, multiline=True)) is not None:
        return t("review.control.text", lang, char=safe_text.visible(ch))
    for table, table_rows in rows.items():
        for index, cells in table_rows:
            for column, value in cells.items():
                if (ch := control_problem(str(value))) is not None:
                    return t(
                        "review.control.cell",
                        lang,
                        table=table,
                        n=index + 1,
                        column=column,
                        value=safe_text.visible(value),
                    )
    return None


def write_accepted(
    data_dir: Path,
    text: str,
    file_name: str,
    rows: dict[str, list[tuple[int, dict[str, str]]]],
    out_db: Path | None = None,
    lang: str = "en",
) -> Written:
    """Append the accepted rows ({table: [(draft index, cells)]}) to data_dir's CSV files, save the document in
    data_dir/sources/, and build the served database (out_db, else paths.served_db_path()); on any problem every
    file is put back as it was. Refused before anything is touched: a name that is not a plain .txt name, control
    characters, a text over MAX_TEXT_BYTES. One save at a time per data folder (save_lock), through a journal."""
    data_dir = Path(data_dir)
    out = Path(out_db) if out_db else served_db_path()
    placed: dict[tuple[str, int], tuple[str, int]] = {}
    if (message := input_problem(text, file_name, rows, lang)) is not None:
        return Written([Problem(f"{data_dir.name}/{SOURCES}/", 0, "", "file", message)], placed)
    shown = f"{data_dir.name}/{SOURCES}/{file_name}"
    try:
        with save_lock(data_dir):
            leftover = _roll_back_journal(data_dir)
            try:
                written = _write_locked(data_dir, text, file_name, rows, out, lang, shown)
            finally:
                # A killed save may have replaced the database before it died: if this save did not build a new
                # one, the served database must not keep the rolled-back rows.
                if leftover and out.exists() and is_stale(data_dir, out):
                    build(data_dir, out)
            return written
    except SaveBusy:
        return Written([_refused(shown, "review.busy", lang)], placed)
    finally:
        known.cache_clear()


def _write_locked(
    data_dir: Path,
    text: str,
    file_name: str,
    rows: dict[str, list[tuple[int, dict[str, str]]]],
    out: Path,
    lang: str,
    shown: str,
) -> Written:
    placed: dict[tuple[str, int], tuple[str, int]] = {}
    document = data_dir / SOURCES / file_name
    content = text.encode("utf-8")
    # A name that is taken: by a link, a folder or another text alike (the answer says nothing about a target).
    if os.path.lexists(document) and (
        document.is_symlink() or not document.is_file() or document.read_bytes() != content
    ):
        return Written([_refused(shown, "review.name.taken", lang, name=file_name)], placed)
    created_document = not os.path.lexists(document)
    k = known(data_dir)
    new_content: dict[str, bytes] = {}
    for table in WRITTEN_TABLES:
        if not rows.get(table):
            continue
        name = f"{table}.csv"
        existing = (data_dir / name).read_bytes().decode("utf-8")
        line = existing.count("\n") + (0 if existing.endswith("\n") or not existing else 1)
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=k.columns(table), lineterminator="\n")
        for index, cells in rows[table]:
            writer.writerow({c: " ".join(str(cells.get(c, "")).split()) for c in k.columns(table)})
            line += 1
            placed[(f"{data_dir.name}/{name}", line)] = (table, index)
        glue = "" if existing.endswith("\n") or not existing else "\n"
        new_content[name] = (existing + glue + buffer.getvalue()).encode("utf-8")
    created = [f"{SOURCES}/{file_name}"] if created_document else []
    _begin_journal(data_dir, list(new_content), created)
    problems = None
    try:
        for name, data in new_content.items():
            (data_dir / name).write_bytes(data)
        _checkpoint("csv-written")
        if created_document:
            with open(document, "xb") as f:  # never through a link put there meanwhile
                f.write(content)
        _checkpoint("document-written")
        problems = build(data_dir, out)
        _checkpoint("built")
    finally:
        if problems == []:
            shutil.rmtree(data_dir / JOURNAL_DIR)
        else:
            _roll_back_journal(data_dir)
    return Written(problems, placed)
