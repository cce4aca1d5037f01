"""The curator's review of a draft, without Streamlit: the text with each drafted fact highlighted (escaped), and
writing the accepted rows into a data folder followed by a validated build that rolls back on failure."""

import csv
import io
import itertools
import os
from dataclasses import dataclass
from pathlib import Path

from cityiso import safe_text
from cityiso.data.build import build
from cityiso.data.problems import Problem
from cityiso.draft.core import Draft
from cityiso.draft.known import known
from cityiso.paths import DATA_DIR

# The order files are appended in: a row's references come first.
TABLES = ("sources", "offices", "certificates", "events", "event_certificates", "audited_units", "findings")


def curator_data_dir() -> Path:
    """The data folder the curator writes into: $CITYISO_DATA, else data/."""
    return Path(os.environ.get("CITYISO_DATA") or DATA_DIR).resolve()


SHORT_SPAN = 90  # characters: longer evidence is a sentence, not a value's own words


def highlight_html(text: str, d: Draft) -> str:
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
        '<p style="font-size:0.8rem;margin:0 0 0.5rem 0"><mark style="background:#fcd34d;color:#1f2937">a drafted '
        'value\'s own words</mark> · <span style="background:#e2e8f0">a sentence a row stands on</span> · hover for '
        "the columns</p>"
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


def write_accepted(
    data_dir: Path,
    text: str,
    file_name: str,
    rows: dict[str, list[tuple[int, dict[str, str]]]],
    out_db: Path | None = None,
) -> Written:
    """Append the accepted rows ({table: [(draft index, cells)]}) to data_dir's CSV files, save the document in
    data_dir/sources/, and build; on any problem every file is put back as it was."""
    data_dir = Path(data_dir)
    k = known(data_dir)
    backups: dict[Path, bytes] = {}
    placed: dict[tuple[str, int], tuple[str, int]] = {}
    document = data_dir / "sources" / file_name
    created_document = not document.exists()
    if not created_document and document.read_text(encoding="utf-8") != text:
        problem = Problem(f"{data_dir.name}/sources/{file_name}", 0, "", "file", "another document has this name")
        return Written([problem], placed)
    try:
        for table in TABLES:
            if not rows.get(table):
                continue
            path = data_dir / f"{table}.csv"
            backups[path] = path.read_bytes()
            existing = backups[path].decode("utf-8")
            line = existing.count("\n") + (0 if existing.endswith("\n") or not existing else 1)
            buffer = io.StringIO()
            writer = csv.DictWriter(buffer, fieldnames=k.columns(table), lineterminator="\n")
            for index, cells in rows[table]:
                writer.writerow({c: " ".join(str(cells.get(c, "")).split()) for c in k.columns(table)})
                line += 1
                placed[(f"{data_dir.name}/{table}.csv", line)] = (table, index)
            glue = "" if existing.endswith("\n") or not existing else "\n"
            path.write_text(existing + glue + buffer.getvalue(), encoding="utf-8")
        if created_document:
            document.write_text(text, encoding="utf-8")
        problems = build(data_dir, out_db or data_dir / "cityiso.duckdb")
    except Exception:
        problems = None
        raise
    finally:
        if problems is None or problems:
            for path, content in backups.items():
                path.write_bytes(content)
            if created_document:
                document.unlink(missing_ok=True)
    known.cache_clear()
    return Written(problems, placed)
