"""The codebook for researchers, rendered from the data package (`python -m cityiso.data.codebook`)."""

import argparse
import sys

from cityiso.data.ddl import DERIVED_TABLES, evidence_view, size_class_macro, table_columns
from cityiso.data.descriptor import Field, Package, package
from cityiso.paths import DATA_DIR, QUERIES_DIR

CONTRACT_TABLES = (
    "offices",
    "certificates",
    "events",
    "event_certificates",
    "findings",
    "finding_certificates",
    "sources",
    "evidence",
)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _codes(field: Field) -> str:
    if field.labels:
        return "; ".join(f"`{code}` {en}" for code, _pl, en in field.labels)
    if field.enum:
        return ", ".join(field.enum)
    return ""


def _status_rules() -> str:
    """The header comment of queries/schema.sql: the rules of status_on, in the words of the SQL itself."""
    lines = []
    for line in (QUERIES_DIR / "schema.sql").read_text(encoding="utf-8").splitlines():
        if not line.startswith("--"):
            break
        lines.append(line.removeprefix("--").removeprefix(" "))
    return "\n".join(lines).strip()


def render(pkg: Package) -> str:
    """The whole codebook as Markdown."""
    out = [
        f"# Codebook: data package `{pkg.name}` version {pkg.version}",
        "",
        "Generated from `data/datapackage.json` by `python -m cityiso.data.codebook`; do not edit by hand.",
        "",
        "## For researchers: the contract of `cityiso.duckdb`",
        "",
        "Download the DuckDB file from the Sources page (or build it with `python -m cityiso.build`) and open it",
        "read-only. These tables and the macro below are the contract: their names, key columns and meaning change",
        "only with a new major version of the data package.",
        "",
        *[f"- `{name}`" for name in CONTRACT_TABLES],
        "- `status_on(as_of DATE, family VARCHAR)`: a table macro, one row per certificate of the family (NULL: every",
        "  family) with `office_id`, `certificate_id`, `family`, `standard_id`, `status` (`valid`,",
        "  `valid_approximate`, `suspended`, `expired`, `lapsed`, `withdrawn`, `no_evidence`), the evidence window",
        "  (`window_start_on`, `window_end_on`, `sure_start_on`, `sure_end_on`) and `evidence_ids` (rows of",
        "  `evidence`). The app counts statuses with the same macro:",
        "",
        "```sql",
        "select office_id, certificate_id, status from status_on(date '2016-06-01', 'ISO 9001');",
        "```",
        "",
        "- `size_class(population)`: a macro, the size class of a place's population (`offices.place_population`,",
        "  inhabitants of the place per GeoNames): the bands of Polish urban studies and GUS's town-size tables (small",
        "  towns under 20,000, medium 20,000-99,999, large from 100,000) with the largest cities apart (500,000 and",
        "  more); `unknown` when the population is not known, which a filter by size keeps only when asked for. For a",
        "  county office the place is the town where it sits, not the powiat. Defined once in `cityiso/vocabulary.py`:",
        "",
        "```sql",
        size_class_macro(),
        "select office_id, place_population, size_class(place_population) as size_class from offices;",
        "```",
        "",
        "How status is judged (from `queries/schema.sql`):",
        "",
        "```text",
        _status_rules(),
        "```",
        "",
        "In every table a partial date column holds the first day of its period, with `<column>_precision` (`day`,",
        "`month`, `year`); `*_not_before` holds its period's first day and `*_not_after` its last day; each",
        "`<x>_inferred_reason` also gives a boolean `<x>_is_inferred`. Keys are checked by the build, not declared",
        "as constraints. Text cells of every CSV the app writes that start with `=`, `+`, `-` or `@` get a leading",
        "`'` so that spreadsheets do not run them as formulas.",
        "",
        "## Changelog of the data",
        "",
        (DATA_DIR / "CHANGELOG.md")
        .read_text(encoding="utf-8")
        .strip()
        .replace("\n## ", "\n### ")
        .replace("## ", "### ", 1),
        "",
        "## Tables",
        "",
    ]
    for resource in pkg.resources:
        types = dict(table_columns(pkg, resource.name))
        out += [
            f"### `{resource.name}` ({resource.path})",
            "",
            f"{resource.description}  ",
            f"*{resource.description_pl}*",
            "",
            f"Key: {', '.join(f'`{k}`' for k in resource.primary_key) or '—'}."
            + (
                " References: "
                + "; ".join(
                    f"`{', '.join(fk.fields)}` → `{fk.resource}.{', '.join(fk.ref_fields)}`"
                    for fk in resource.foreign_keys
                )
                + "."
                if resource.foreign_keys
                else ""
            ),
            "",
            "| column | type | required | description | codes |",
            "| --- | --- | --- | --- | --- |",
        ]
        for f in resource.fields:
            required = "yes" if f.required else ""
            description = _cell(f.description) + (f" *({_cell(f.description_pl)})*" if f.description_pl else "")
            out.append(f"| `{f.name}` | {types[f.name]} | {required} | {description} | {_cell(_codes(f))} |")
        out.append("")
    out += [
        "### Tables and the view the build adds",
        "",
        "```sql",
        DERIVED_TABLES.strip(),
        "",
        evidence_view(pkg).strip(),
        "```",
        "",
    ]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Print the codebook of data/datapackage.json as Markdown (no arguments)."""
    argparse.ArgumentParser(prog="python -m cityiso.data.codebook", description=__doc__).parse_args(argv)
    sys.stdout.write(render(package()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
