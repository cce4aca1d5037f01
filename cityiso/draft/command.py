"""Draft register rows from a curator's saved files.

    python -m cityiso.draft FILE [--url URL] [--published YYYY-MM-DD] (--out DIR | --json)
    python -m cityiso.draft FOLDER --out DIR
    python -m cityiso.draft --evaluate [DIR ...] [--json-out PATH]

FILE is a page saved from a browser (.html, .htm, or a web archive .mhtml), a PDF, or a UTF-8 text (.txt) whose
first line may be the address it was saved from (cityiso/draft/inputs.py says how each is read). With --out, DIR
receives the text the drafts quote as <source_id>.txt (copy it into data/sources/: the drafted sources row names it
in `file`), one CSV per drafted table and drafts.json. --url and --published override what the file tells of itself.

A FOLDER drafts each of its files (not its subfolders, not hidden files) into DIR/<source_id>/, and prints one line
per file: its kind and the rows drafted, or what is wrong with it. A bad file (a Word file, a scan, a PDF without
text) never stops the others; the exit code is 1 when any file failed. The source id is the file's name in ASCII
("Urząd Łódź 2015.html" -> urzad-lodz-2015; a second file giving the same id gets its suffix: audyt-pdf).

--evaluate compares drafts with curated rows, field by field: each DIR a data package (like data/) or a corpus
of documents with their expected rows (like tests/draft_corpus/); none given, data/ and the corpus."""

import argparse
import datetime as dt
import os
import re
import sys
import time
from pathlib import Path

from cityiso.draft import evaluate as ev
from cityiso.draft.core import Draft, draft
from cityiso.draft.inputs import MAX_INPUT_BYTES, Input, InputError, read_input
from cityiso.draft.output import to_json, write_dir
from cityiso.ids import slug
from cityiso.paths import DATA_DIR

MAX_ID_CHARS = 80


def source_id_for(path: Path) -> str:
    """A source id from a file name: its stem in lower-case ASCII letters and digits joined by '-'."""
    return slug(path.stem, MAX_ID_CHARS, fallback="draft")


def read_file(path: Path) -> Input:
    """The file at `path` as a source document (InputError naming it when it cannot be one)."""
    name = path.name
    if path.is_symlink():
        raise InputError(f"'{name}' is a link: put the file itself in the folder")
    if not path.is_file():
        raise InputError(f"'{name}' is not a regular file" if path.exists() else f"'{name}' does not exist")
    size = path.stat().st_size
    if size > MAX_INPUT_BYTES:
        raise InputError(f"'{name}' is {size / 1e6:.1f} MB; the drafter reads at most {MAX_INPUT_BYTES // 10**6} MB")
    with path.open("rb") as f:
        data = f.read(MAX_INPUT_BYTES + 1)
    return read_input(name, data)


def draft_file(
    path: Path, source_id: str, data_dir: Path, url: str | None = None, published: dt.date | None = None
) -> tuple[Input, Draft]:
    """Read a saved file and draft its rows; the text is to be saved as <source_id>.txt."""
    inp = read_file(path)
    d = draft(
        inp.text,
        source_id=source_id,
        url=url,
        published=published,
        file_name=f"{source_id}.txt",
        data_dir=data_dir,
        source=inp,
    )
    return inp, d


def write_draft(inp: Input, d: Draft, out: Path) -> list[Path]:
    """The text as <source_id>.txt, the CSV files and drafts.json in `out`."""
    out.mkdir(parents=True, exist_ok=True)
    text_path = out / f"{d.source_id}.txt"
    text_path.write_text(inp.text, encoding="utf-8", newline="")
    return [text_path, *write_dir(d, out)]


def _counts(d: Draft) -> str:
    rows = {t: len(r) for t, r in d.tables.items() if t != "sources" and r}
    total = sum(rows.values())
    tables = ", ".join(f"{t} {n}" for t, n in rows.items())
    return f"{total} row{'s' if total != 1 else ''}" + (f" ({tables})" if rows else "")


def folder_files(folder: Path) -> list[Path]:
    """The folder's own files a curator may have saved there (no subfolders, no hidden files), by name."""
    return sorted(
        (p for p in folder.iterdir() if not p.name.startswith(".") and not p.is_dir()), key=lambda p: p.name.lower()
    )


def draft_folder(folder: Path, out: Path, data_dir: Path, stream=None) -> int:
    """Draft every file of `folder` into out/<source_id>/; one line per file; the number of files that failed."""
    stream = stream or sys.stdout
    start = time.perf_counter()
    files = folder_files(folder)
    taken: set[str] = set()
    failed = 0
    width = max((len(p.name) for p in files), default=0)
    for path in files:
        label = path.name.ljust(width)
        source_id = _unique(source_id_for(path), path.suffix.lower(), taken)
        try:
            inp, d = draft_file(path, source_id, data_dir)
            write_draft(inp, d, out / source_id)
        except InputError as exc:
            print(_shown(f"{label}  FAILED  {exc}"), file=stream)
            failed += 1
            continue
        except Exception as exc:  # a drafter bug on one file must not stop the others
            print(_shown(f"{label}  FAILED  drafting stopped: {type(exc).__name__}: {exc}"), file=stream)
            failed += 1
            continue
        print(_shown(f"{label}  {inp.kind:<4}  {_counts(d)}  -> {out / source_id}{os.sep}"), file=stream)
    done = len(files) - failed
    seconds = time.perf_counter() - start
    plural = "s" if len(files) != 1 else ""
    print(f"{done} of {len(files)} file{plural} drafted into {out} ({seconds:.1f} s)", file=stream)
    return failed


def _shown(line: str) -> str:
    """One line of the summary as one line: a control character in a file's name shown as '?'."""
    return re.sub(r"[\x00-\x1f\x7f-\x9f]", "?", line)


def _unique(source_id: str, suffix: str, taken: set[str]) -> str:
    """The id, or with the suffix ('page-pdf') and then a number when two files give the same one."""
    candidate, n = source_id, 1
    while candidate in taken:
        n += 1
        candidate = f"{source_id}-{suffix.lstrip('.')}" if n == 2 else f"{source_id}-{suffix.lstrip('.')}-{n}"
    taken.add(candidate)
    return candidate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="cityiso draft", description="Draft register rows from saved pages, PDFs and texts."
    )
    parser.add_argument("text_file", nargs="?", type=Path, help="a saved page (.html), PDF, UTF-8 text, or folder")
    parser.add_argument("--url", help="the address the document was saved from (overrides the file's own)")
    parser.add_argument("--published", type=dt.date.fromisoformat, help="publication date (YYYY-MM-DD)")
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="register to match against (default: data/)")
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--out", type=Path, help="folder to write the text, the draft CSV files and drafts.json into")
    out.add_argument("--json", action="store_true", help="print the drafts as JSON")
    out.add_argument(
        "--evaluate",
        nargs="*",
        type=Path,
        metavar="DIR",
        help="compare drafts with curated rows: each DIR a data package or a corpus (default: data/ and the corpus)",
    )
    parser.add_argument("--json-out", type=Path, default=ev.DEFAULT_OUT, help="evaluation JSON (default: %(default)s)")
    args = parser.parse_args(argv)
    if args.evaluate is not None:
        try:
            results = ev.evaluate_all(args.evaluate)
        except ValueError as e:
            parser.error(str(e))
        print(ev.report(results))
        print(f"Written: {ev.write(results, args.json_out)}")
        return 0
    if not args.text_file or not (args.out or args.json):
        parser.error("give FILE or FOLDER and --out DIR, or FILE and --json (or --evaluate)")
    if args.text_file.is_dir() and not args.text_file.is_symlink():
        if args.json or args.url or args.published:
            parser.error("a folder is drafted with --out DIR only (--url, --published and --json are for one file)")
        return 1 if draft_folder(args.text_file, args.out, args.data) else 0
    source_id = source_id_for(args.text_file)
    try:
        inp, d = draft_file(args.text_file, source_id, args.data, url=args.url, published=args.published)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(to_json(d))
    else:
        for path in write_draft(inp, d, args.out):
            print(path)
    return 0
