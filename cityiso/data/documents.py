"""Source documents: files that must lie inside data/sources/, be plain UTF-8 text and of a sane size."""

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
    data = path.read_bytes()[: MAX_DOCUMENT_BYTES + 1]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"'{file}' is not UTF-8 text (byte {exc.start})") from None
