"""The tables and columns other parts of the project and outside checks rely on (issue 2's contract)."""

import duckdb
import pytest

CONTRACT = {
    "offices": "office_id teryt office_kind place office_name voivodeship latitude longitude source_id quote",
    "certification_bodies": "body_id name short_name",
    "standards": "standard_id family edition transition_ends_on transition_ends_on_precision",
    "sources": "source_id file url title publisher publisher_type published_on published_on_precision retrieved_on "
    "language is_truncated text sha256",
    "certificates": "certificate_id office_id registration_id family standard_id edition_basis body_id "
    "standard_as_written issued_on issued_on_precision issued_on_is_inferred valid_until valid_until_precision "
    "valid_until_is_inferred validity_years iqnet source_id",
    "events": "event_id office_id body_id kind is_planned surveillance_ordinal event_on event_on_precision "
    "event_on_is_inferred units_audited outcome nonconformities_count source_id",
    "event_certificates": "event_id certificate_id",
    "findings": "finding_id event_id office_id kind voice clause_standard_id clause clause_note theme_id text_pl "
    "text_en quote source_id",
    "themes": "theme_id label_pl label_en definition_en",
    "evidence": "evidence_id record_table record_id fields source_id quote is_primary",
    "codes": "domain code label_pl label_en",
    "build_info": "built_at data_sha256 data_version",
}


@pytest.mark.parametrize("table", CONTRACT)
def test_contract_columns_exist(real_con: duckdb.DuckDBPyConnection, table: str) -> None:
    columns = {r[0] for r in real_con.execute(f"describe {table}").fetchall()}  # table name from the list above
    assert set(CONTRACT[table].split()) <= columns


def test_contract_types_and_values(real_con: duckdb.DuckDBPyConnection) -> None:
    types = dict(real_con.execute("select column_name, column_type from (describe events)").fetchall())
    assert types["event_on"] == "DATE" and types["is_planned"] == "BOOLEAN"
    assert real_con.execute("select distinct edition from standards order by 1").fetchall() == [
        ("2000",),
        ("2008",),
        ("2015",),
    ]
    bad = real_con.execute(
        """
        select 'precision' from events where event_on_precision not in ('day', 'month', 'year')
        union all select 'clause' from findings as f
            join clauses as c on c.standard_id = f.clause_standard_id and c.clause = f.clause
            where c.heading_2015 not between 4 and 10
        union all select 'first day' from events where event_on_precision = 'month' and day(event_on) <> 1
        union all select 'first day' from events where event_on_precision = 'year' and dayofyear(event_on) <> 1
        union all select 'lowercase' from findings where kind <> lower(kind) or voice <> lower(voice)
        """
    ).fetchall()
    assert bad == []
    assert real_con.execute("select file from sources where source_id = 'zab-certyfikacja-2015'").fetchone() == (
        "data/sources/zabrze_certyfikacja_2015.txt",
    )
