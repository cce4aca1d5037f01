"""The tables and columns other parts of the project and outside checks rely on (issue 2's contract)."""

import duckdb
import pytest

CONTRACT = {
    "cities": "city_id name office_name office_type voivodeship",
    "certification_bodies": "body_id name short_name",
    "standards": "standard_id family edition",
    "sources": "source_id file title",
    "certificates": "certificate_id city_id standard_id body_id standard_as_written issued_on issued_on_precision "
    "valid_until valid_until_precision iqnet source_id",
    "audits": "audit_id city_id certificate_id body_id kind audit_on audit_on_precision is_planned is_inferred "
    "units_audited source_id",
    "findings": "finding_id audit_id city_id kind voice clause theme_id text_pl text_en quote source_id",
    "themes": "theme_id label_pl label_en definition",
}


@pytest.mark.parametrize("table", CONTRACT)
def test_contract_columns_exist(real_con: duckdb.DuckDBPyConnection, table: str) -> None:
    columns = {r[0] for r in real_con.execute(f"describe {table}").fetchall()}  # table name from the list above
    assert set(CONTRACT[table].split()) <= columns


def test_contract_types_and_values(real_con: duckdb.DuckDBPyConnection) -> None:
    types = dict(real_con.execute("select column_name, column_type from (describe audits)").fetchall())
    assert types["audit_on"] == "DATE" and types["is_planned"] == "BOOLEAN"
    assert real_con.execute("select distinct edition from standards order by 1").fetchall() == [
        ("2000",),
        ("2008",),
        ("2015",),
    ]
    bad = real_con.execute(
        """
        select 'precision' from audits where audit_on_precision not in ('day', 'month', 'year')
        union all select 'clause' from findings where clause not between 4 and 10
        union all select 'first day' from audits where audit_on_precision = 'month' and day(audit_on) <> 1
        union all select 'first day' from audits where audit_on_precision = 'year' and dayofyear(audit_on) <> 1
        union all select 'lowercase' from findings where kind <> lower(kind) or voice <> lower(voice)
        """
    ).fetchall()
    assert bad == []
    assert real_con.execute("select file from sources where source_id = 'zab-certyfikacja-2015'").fetchone() == (
        "data/sources/zabrze_certyfikacja_2015.txt",
    )
