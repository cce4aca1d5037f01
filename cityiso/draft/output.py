"""Drafts written out: JSON with every value's evidence, or CSV files in the data package's column order."""

import csv
import json
from pathlib import Path

from cityiso.draft.core import Draft
from cityiso.draft.known import known


def to_json(d: Draft) -> str:
    """The draft as JSON: tables -> rows -> column -> {value, span, confidence, reason}."""
    return json.dumps(d.as_json(), ensure_ascii=False, indent=2)


def plain_rows(d: Draft, table: str, data_dir: Path | None = None) -> list[dict[str, str]]:
    """A table's rows as the data package's CSV cells (every column, '' for not drafted; whitespace as one space,
    which quotes do not count)."""
    columns = (known(data_dir) if data_dir else known()).columns(table)
    out = []
    for row in d.tables.get(table, []):
        cells = {c: "" for c in columns}
        for c, v in row.items():
            if c in cells and v.value is not None:
                cells[c] = " ".join((str(v.value).lower() if isinstance(v.value, bool) else str(v.value)).split())
        out.append(cells)
    return out


def write_dir(d: Draft, out: Path) -> list[Path]:
    """One CSV per drafted table (header in the descriptor's order) plus drafts.json; returns the files."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    files = []
    for table in d.tables:
        path = out / f"{table}.csv"
        with path.open("w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=known().columns(table), lineterminator="\n")
            w.writeheader()
            w.writerows(plain_rows(d, table))
        files.append(path)
    (out / "drafts.json").write_text(to_json(d) + "\n", encoding="utf-8")
    return [*files, out / "drafts.json"]
