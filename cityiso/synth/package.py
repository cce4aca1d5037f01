"""Write a whole synthetic package: the descriptor, every CSV file with its declared header, the documents."""

import csv
import datetime as dt
import random
import shutil
from pathlib import Path

from cityiso.data.descriptor import DESCRIPTOR, package
from cityiso.data.documents import SOURCES_DIR
from cityiso.paths import DATA_DIR
from cityiso.synth.documents import Renderer
from cityiso.synth.history import Histories
from cityiso.synth.places import offices
from cityiso.synth.reference import REFERENCE_SOURCES, body_rows, standard_rows

REFERENCE_YEAR = 2026
# Histories stop here; audits after it are the planned ones (no date comes from the clock).
HORIZON = dt.date(REFERENCE_YEAR, 6, 30)
CODEBOOK = ("clauses.csv", "themes.csv")  # the curated codebook, copied as it is


class Chance:
    """rng.random() < p, except that each feature happens the first time it is asked for, so every situation of
    the model occurs at least once even in a small package."""

    def __init__(self, rng: random.Random) -> None:
        self.rng, self.seen = rng, set()

    def __call__(self, feature: str, p: float) -> bool:
        if feature not in self.seen:
            self.seen.add(feature)
            return True
        return self.rng.random() < p


class Tables:
    """One streaming CSV writer per resource, columns in the descriptor's order."""

    def __init__(self, out: Path) -> None:
        self.files, self.writers, self.fields, self.counts = {}, {}, {}, {}
        for resource in package().resources:
            if resource.path in CODEBOOK:
                continue
            fh = (out / resource.path).open("w", encoding="utf-8", newline="")
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(resource.field_names)
            self.files[resource.name], self.writers[resource.name] = fh, writer
            self.fields[resource.name], self.counts[resource.name] = resource.field_names, 0

    def add(self, name: str, row: dict) -> None:
        self.writers[name].writerow([row.get(f, "") for f in self.fields[name]])
        self.counts[name] += 1

    def close(self) -> None:
        for fh in self.files.values():
            fh.close()


def generate(out: Path, n_offices: int, years: int, seed: int) -> dict[str, int]:
    """Write the package into `out` (emptied first); return the rows written per table."""
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    (out / SOURCES_DIR).mkdir(parents=True)
    shutil.copy(DATA_DIR / DESCRIPTOR, out / DESCRIPTOR)
    for name in CODEBOOK:
        shutil.copy(DATA_DIR / name, out / name)
    rng = random.Random(seed)
    chance = Chance(rng)
    tables = Tables(out)
    sources = out / SOURCES_DIR
    try:
        for row in REFERENCE_SOURCES:
            tables.add("sources", row)
        bodies, aliases = body_rows()
        for row in bodies:
            tables.add("certification_bodies", row)
        for row in aliases:
            tables.add("body_aliases", row)
        standards, forms = standard_rows()
        for row in standards:
            tables.add("standards", row)
        for row in forms:
            tables.add("standard_forms", row)
        first_day = dt.date(REFERENCE_YEAR - years + 1, 1, 1)
        histories = Histories(rng, chance, first_day, HORIZON)

        def write(file: str, text: str) -> None:
            (sources / file).write_text(text, encoding="utf-8")

        renderer = Renderer(rng, chance, tables.add, write, HORIZON)
        for i, office in enumerate(offices(n_offices, rng)):
            stories = histories.office(office.office_id, steady=i == 0)
            if not stories:
                stories = histories.office(office.office_id, steady=True)
            renderer.office(office, stories)
    finally:
        tables.close()
    return dict(tables.counts)
