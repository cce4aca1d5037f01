"""The build makes the tables it stores for schema.sql's views (MATERIALISED_VIEWS) on a connection of its own, while
the main one goes on checking and loading: each stored table must still hold exactly what its view gives over the
finished database, so none of them read a table before the build had filled it (the sources, the codes, the TERC
units, build_info are filled meanwhile)."""

import re

import duckdb
import pytest

from cityiso.build import build
from cityiso.data.database import MATERIALISED_VIEWS
from cityiso.paths import QUERIES_DIR
from cityiso.synth import generate

SCHEMA = (QUERIES_DIR / "schema.sql").read_text(encoding="utf-8")


def _view_sql(name: str) -> str:
    found = re.search(rf"^create view {name} as\n(.*?);$", SCHEMA, re.S | re.M)
    assert found, f"no view {name} in schema.sql"
    return found.group(1)


@pytest.fixture(scope="module")
def synth_con(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    """A small synthetic package (many offices, certificates and findings of every kind), built."""
    data = tmp_path_factory.mktemp("synth-stored") / "data"
    generate(data, 30, 10, 5)
    out = data.parent / "synth.duckdb"
    problems = build(data, out)
    assert not problems, "\n".join(map(str, problems))
    con = duckdb.connect(str(out), read_only=True)
    yield con
    con.close()


@pytest.mark.parametrize("name", MATERIALISED_VIEWS)
@pytest.mark.parametrize("which", ["package", "synth"])
def test_each_stored_table_holds_what_its_view_gives_over_the_built_file(
    which: str, name: str, package_con: duckdb.DuckDBPyConnection, synth_con: duckdb.DuckDBPyConnection
) -> None:
    """The stored rows and the view's rows computed now (its SQL from schema.sql, over the stored tables it reads)
    are the same multiset, and not empty."""
    con = package_con if which == "package" else synth_con
    kind = con.execute("select table_type from information_schema.tables where table_name = ?", [name]).fetchone()
    assert kind == ("BASE TABLE",)
    view = _view_sql(name)
    stored_only, computed_only, count = con.execute(
        f"""with computed as ({view})
        select
            (select count(*) from (select * from {name} except all select * from computed)),
            (select count(*) from (select * from computed except all select * from {name})),
            (select count(*) from {name})"""
    ).fetchone()
    assert (stored_only, computed_only) == (0, 0)
    assert count > 0
