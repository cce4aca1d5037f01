"""Source documents: files that must lie inside data/sources/, be plain UTF-8 text and of a sane size."""

import os
from collections.abc import Iterable
from pathlib import Path

SOURCES_DIR = "sources"
MAX_DOCUMENT_BYTES = 5_000_000


def read_document(data_dir: Path, file: str) -> str:
    """The text of data_dir/sources/<file>; raise ValueError saying why it cannot be a source document."""
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


def _decoded(file: str, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"'{file}' is not UTF-8 text (byte {exc.start})") from None


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


def read_documents(data_dir: Path, files: Iterable[str]) -> tuple[dict[str, bytes], dict[str, str]]:
    """The content of each named document (valid UTF-8), and for the files that cannot be one, why (as
    read_document says).

    One scan of sources/ stands in for a check of every path: a name found by the scan is a regular file inside
    the folder, reached without a link. Any other name goes through read_document for its precise message."""
    plain = plain_files(data_dir)
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
    return contents, errors
