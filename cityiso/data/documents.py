"""Source documents: files that must lie inside data/sources/, be plain UTF-8 text and of a sane size."""

import errno
import os
import re
from collections.abc import Iterable
from pathlib import Path

SOURCES_DIR = "sources"
MAX_DOCUMENT_BYTES = 5_000_000
# Control characters a document must not hold (in its UTF-8 bytes): C0 but tab, line feed, form feed (a page break
# in text taken from a PDF) and carriage return; DEL; C1 (in a document mostly a sign of text decoded wrongly).
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]|\xc2[\x80-\x9f]")
_C1 = re.compile(rb"\xc2[\x80-\x9f]")
# Every byte but those that may start a control character other than tab, line feed and carriage return.
_SAFE_BYTES = bytes(b for b in range(256) if not ((b < 0x20 and b not in b"\t\n\r") or b in (0x7F, 0xC2)))


def may_hold_control_characters(data: bytes) -> bool:
    """False when UTF-8 `data` surely holds no control character but tab, line feed and carriage return (C0, DEL,
    C1; a form feed counts as one here, for CSV text, though a document may hold it). Deleting every safe byte leaves
    nothing from almost any text, at C speed: over the files of a whole country a regular expression costs ten times
    as much. A chunk ending in the first byte of a C1 character counts as holding one."""
    left = data.translate(None, _SAFE_BYTES)
    if left.strip(b"\xc2"):  # a C0 control or DEL
        return True
    return bool(left) and (data.endswith(b"\xc2") or _C1.search(data) is not None)


def read_document(data_dir: Path, file: str) -> str:
    """The text of data_dir/sources/<file>; raise ValueError saying why it cannot be a source document (a name the
    disk refuses, a folder the build may not enter, included)."""
    try:
        return _checked_document(data_dir, file)
    except OSError as exc:
        raise ValueError(unreadable(file, exc)) from None


def _checked_document(data_dir: Path, file: str) -> str:
    root = (Path(data_dir) / SOURCES_DIR).resolve()
    path = root / file
    if Path(file).is_absolute() or ".." in Path(file).parts:
        raise ValueError(f"'{file}' must be a file name inside {SOURCES_DIR}/, not a path")
    if path.is_symlink() or not path.resolve().is_relative_to(root):
        raise ValueError(f"'{file}' is a link or lies outside {SOURCES_DIR}/: put the document itself there")
    if path.is_dir():
        raise ValueError(f"'{file}' is a folder, not a document")
    if not path.exists():
        raise ValueError(f"'{file}' does not exist in {SOURCES_DIR}/")
    if not path.is_file():
        raise ValueError(f"'{file}' is not a regular file")
    size = path.stat().st_size
    if size > MAX_DOCUMENT_BYTES:
        raise ValueError(
            f"'{file}' is {size / 1e6:.1f} MB; a source document is at most {MAX_DOCUMENT_BYTES / 1e6:.0f} MB"
        )
    return _decoded(file, path.read_bytes()[: MAX_DOCUMENT_BYTES + 1])


def unreadable(file: str, exc: OSError) -> str:
    """Why a document cannot be read, in a curator's words (permissions get the advice to check them)."""
    advice = ": check its permissions" if exc.errno in (errno.EACCES, errno.EPERM) else ""
    return f"'{file}' cannot be read ({exc.strerror or exc}){advice}"


def _decoded(file: str, data: bytes) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"'{file}' is not UTF-8 text (byte {exc.start})") from None
    control = _CONTROL.search(data) if may_hold_control_characters(data) else None
    if control:
        line = data.count(b"\n", 0, control.start()) + 1
        code = ord(control.group().decode("utf-8"))
        raise ValueError(f"'{file}' contains a control character U+{code:04X} on line {line}: save it as plain text")
    return text


def plain_files(data_dir: Path) -> dict[str, int]:
    """Every regular file under data_dir/sources/ reached without following a link: its name there -> its size."""
    root = Path(data_dir) / SOURCES_DIR
    found: dict[str, int] = {}
    pending = [("", root)]
    while pending:
        prefix, folder = pending.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                pending.append((f"{prefix}{entry.name}/", Path(entry.path)))
            elif entry.is_file(follow_symlinks=False):
                found[prefix + entry.name] = entry.stat(follow_symlinks=False).st_size
    return found


def read_documents(
    data_dir: Path, files: Iterable[str], plain: dict[str, int] | None = None
) -> tuple[dict[str, bytes], dict[str, str]]:
    """The content of each named document (valid UTF-8), and for the files that cannot be one, why (as
    read_document says); `plain`: plain_files(data_dir), when the caller has listed the folder already.

    One scan of sources/ stands in for a check of every path: a name found by the scan is a regular file inside
    the folder, reached without a link. Any other name goes through read_document for its precise message."""
    plain = plain_files(data_dir) if plain is None else plain
    root = os.path.join(data_dir, SOURCES_DIR)
    contents: dict[str, bytes] = {}
    errors: dict[str, str] = {}
    for file in files:
        try:
            size = plain.get(file)
            if size is None or size > MAX_DOCUMENT_BYTES:
                contents[file] = read_document(data_dir, file).encode("utf-8")
                continue
            with open(os.path.join(root, file), "rb") as handle:
                data = handle.read()
            _decoded(file, data)
            contents[file] = data
        except ValueError as exc:
            errors[file] = str(exc)
        except OSError as exc:  # its permissions, a disk error: a problem of that file, as read_document says
            errors[file] = unreadable(file, exc)
    return contents, errors
