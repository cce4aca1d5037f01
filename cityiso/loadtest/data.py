"""The load test's data: a small synthetic package (cityiso.synth), the same for every run, built into a database;
each rebuild adds a source document, so the source line under every chart counts one more."""

import csv
from pathlib import Path

import duckdb

from cityiso import queries
from cityiso.data.database import build
from cityiso.data.documents import SOURCES_DIR
from cityiso.synth import generate

# Small enough to build in a few seconds while sessions click; every situation of the model occurs at least once
# (cityiso.synth.package.Chance), so every page draws all its charts.
OFFICES, YEARS, SEED = 4, 12, 1


def write_package(folder: Path, extra_documents: int = 0) -> Path:
    """The synthetic package in `folder` (replaced), with `extra_documents` more source documents ("Wydanie 1",
    "Wydanie 2", ...), and every document quoted as further evidence of every office (see _cite_everywhere)."""
    generate(folder, OFFICES, YEARS, SEED)
    with (folder / "offices.csv").open(encoding="utf-8", newline="") as fh:
        offices = list(csv.DictReader(fh))
    extra = []
    for i in range(1, extra_documents + 1):
        file = f"wydanie-{i}.txt"
        (folder / SOURCES_DIR / file).write_text(f"Wydanie {i} komunikatu o certyfikacji ISO.", encoding="utf-8")
        extra.append(
            dict(
                source_id=f"wydanie-{i}",
                kind="document",
                file=file,
                title=f"Wydanie {i}",
                publisher=offices[0]["office_name"],
                publisher_type="office",
                office_id=offices[0]["office_id"],
                language="pl",
                is_truncated="false",
            )
        )
    _append(folder / "sources.csv", extra)
    _append(folder / "further_evidence.csv", _cite_everywhere(folder, offices))
    return folder


def _cite_everywhere(folder: Path, offices: list[dict]) -> list[dict]:
    """A further-evidence row quoting each document's first line for each office. A page's source line counts the
    documents its view rests on (selection_documents), which differs by page, office and family; with every
    document behind every office, every page counts all of them, so the number a session reads anywhere is the
    database's, and each rebuild moves it by one."""
    with (folder / "sources.csv").open(encoding="utf-8", newline="") as fh:
        documents = [row for row in csv.DictReader(fh) if row["kind"] == "document"]
    rows = []
    for document in documents:
        text = (folder / SOURCES_DIR / document["file"]).read_text(encoding="utf-8")
        quote = next(line.strip() for line in text.splitlines() if line.strip())
        for office in offices:
            rows.append(
                dict(
                    evidence_id=f"load-{document['source_id']}-{office['office_id']}",
                    record_table="offices",
                    record_id=office["office_id"],
                    source_id=document["source_id"],
                    quote=quote,
                )
            )
    return rows


def _append(path: Path, rows: list[dict]) -> None:
    """Rows added at the end of a CSV file, in its header's columns (those not given left empty)."""
    with path.open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    with path.open("a", encoding="utf-8", newline="") as fh:
        csv.DictWriter(fh, fieldnames=header, restval="", lineterminator="\n").writerows(rows)


def build_package(work: Path, name: str, extra_documents: int) -> Path:
    """The package with `extra_documents` added, built into work/name.duckdb (raises on any problem)."""
    data = write_package(work / name, extra_documents)
    out = work / f"{name}.duckdb"
    problems = build(data, out)
    if problems:
        raise RuntimeError("the load test's package did not build:\n" + "\n".join(map(str, problems)))
    return out


def facts(db: Path) -> tuple[int, str]:
    """The number of source documents and the heading the office profile shows first: the first office's label,
    as the app names it (its place, with the office's name where two offices share the place)."""
    with duckdb.connect(str(db), read_only=True) as con:
        documents = int(queries.run(con, "data_info").iloc[0]["count_documents"])
        heading = str(queries.run(con, "offices_overview", family=None).iloc[0]["office_label"])
    return documents, heading
