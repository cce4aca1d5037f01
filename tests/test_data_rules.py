"""The real curated data keeps every rule; each rule is a query returning the rows that break it."""

from pathlib import Path

import duckdb
import pytest

from cityiso.paths import DATA_DIR, ROOT
from cityiso.queries import check_files, rule_text
from cityiso.quotes import quote_problem


@pytest.mark.parametrize("rule", check_files(), ids=lambda p: p.stem)
def test_curated_data_keeps_rule(real_con: duckdb.DuckDBPyConnection, rule: Path) -> None:
    assert real_con.execute(rule.read_text(encoding="utf-8")).fetchall() == [], rule_text(rule)


QUOTED_TABLES = ["findings", "audits", "certificates", "audited_units"]


@pytest.mark.parametrize("table", QUOTED_TABLES)
def test_every_quote_is_found_in_its_source_file(real_con: duckdb.DuckDBPyConnection, table: str) -> None:
    rows = real_con.execute(
        f"select t.quote, s.file from {table} as t join sources as s using (source_id)"  # table name from a list
    ).fetchall()
    assert rows
    for quote, file in rows:
        assert quote_problem(quote, (ROOT / file).read_text(encoding="utf-8")) is None, (table, quote)


def test_every_document_is_cited(real_con: duckdb.DuckDBPyConnection) -> None:
    uncited = real_con.execute(
        """
        select source_id from sources
        where kind = 'document'
            and source_id not in (select source_id from certificates union select source_id from audits)
        """
    ).fetchall()
    assert uncited == []


def test_source_files_are_the_seed_documents_byte_for_byte(real_con: duckdb.DuckDBPyConnection) -> None:
    seeds = ROOT.parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"no seed folder at {seeds} to compare with")
    rows = real_con.execute("select file, seed_file from sources where kind = 'document'").fetchall()
    assert len(rows) == 5
    for file, seed_file in rows:
        assert (ROOT / file).read_bytes() == (seeds / seed_file).read_bytes(), file


def test_sources_folder_holds_only_cited_documents(real_con: duckdb.DuckDBPyConnection) -> None:
    files = {p.relative_to(ROOT).as_posix() for p in (DATA_DIR / "sources").iterdir()}
    listed = {r[0] for r in real_con.execute("select file from sources where file is not null").fetchall()}
    assert files == listed


def test_every_theme_and_clause_label_exists_in_both_languages(real_con: duckdb.DuckDBPyConnection) -> None:
    empty = real_con.execute(
        """
        select theme_id from themes where trim(label_pl) = '' or trim(label_en) = '' or trim(definition) = ''
        union all
        select clause::text from clauses where trim(label_pl) = '' or trim(label_en) = ''
        """
    ).fetchall()
    assert empty == []
