"""What the register already knows, read from a data folder: offices, bodies and their aliases, standards and
their forms, the clause and theme codebooks, and curated findings (examples for suggesting clause and theme)."""

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from cityiso.data.descriptor import read_package
from cityiso.paths import DATA_DIR


def _rows(data_dir: Path, name: str) -> list[dict[str, str]]:
    path = Path(data_dir) / f"{name}.csv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@dataclass(frozen=True)
class Known:
    """The curated tables a draft is matched against."""

    data_dir: Path
    offices: tuple[dict, ...]
    bodies: tuple[dict, ...]
    aliases: tuple[tuple[str, str], ...]  # (body_id, alias)
    standards: tuple[dict, ...]
    forms: tuple[dict, ...]
    clauses: tuple[dict, ...]
    themes: tuple[dict, ...]
    findings: tuple[dict, ...]
    families: tuple[str, ...]

    def columns(self, table: str) -> list[str]:
        return read_package(self.data_dir).resource(table).field_names


@cache
def known(data_dir: Path = DATA_DIR) -> Known:
    """The register's curated tables in data_dir (read once per folder)."""
    d = Path(data_dir)
    package = read_package(d)
    families = package.resource("certificates").field("family").enum
    return Known(
        d,
        tuple(_rows(d, "offices")),
        tuple(_rows(d, "certification_bodies")),
        tuple((r["body_id"], r["alias"]) for r in _rows(d, "body_aliases")),
        tuple(_rows(d, "standards")),
        tuple(_rows(d, "standard_forms")),
        tuple(_rows(d, "clauses")),
        tuple(_rows(d, "themes")),
        tuple(_rows(d, "findings")),
        tuple(families),
    )
