"""What the build stores in advance (finding_facts, office_status_year_ends, office_status_spans: queries/schema.sql)
changes no figure: each named query rewritten to read them returns what its former SQL (kept in tests/reference_sql/)
returns, office_status_by_year returns what computing every year from status_on returns, and the status spans give
what status_on gives on every day a status may change, on the hand-made rows of fixtures.sql (views not stored), the
fixture package, the many-office fixture and a small synthetic package (all built by the real build, views stored)."""

import csv
import datetime as dt
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from cityiso.bench.params import declared_params
from cityiso.build import build
from cityiso.queries import ALL_YEARS, OfficeFilter, findings_filters, sql_text
from cityiso.synth import generate
from cityiso.views.praise import category_frame
from tests.fixture_package import write_package
from tests.national_fixture import build_national

REFERENCE_DIR = Path(__file__).with_name("reference_sql")
REWRITTEN = sorted(p.stem for p in REFERENCE_DIR.glob("*.sql"))


@pytest.fixture(scope="module")
def databases(fixture_con, package_db: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Name -> connection: every kind of database the queries run on."""
    synth_dir = tmp_path_factory.mktemp("synth-aggregates") / "data"
    generate(synth_dir, 40, 12, 3)
    synth_db = synth_dir.parent / "synth.duckdb"
    problems = build(synth_dir, synth_db)
    assert not problems, "\n".join(map(str, problems))
    national_db = build_national(tmp_path_factory.mktemp("national-aggregates"))
    opened = {
        name: duckdb.connect(str(path), read_only=True)
        for name, path in (("package", package_db), ("national", national_db), ("synth", synth_db))
    }
    yield {"fixtures": fixture_con, **opened}
    for con in opened.values():
        con.close()


def _run(con: duckdb.DuckDBPyConnection, sql: str, params: dict) -> pd.DataFrame:
    wanted = declared_params(sql)
    missing = wanted - set(params)
    assert not missing, f"no value for {sorted(missing)}"
    with con.cursor() as cur:
        return cur.execute(sql, {k: v for k, v in params.items() if k in wanted} or None).df()


def _assert_same(old: pd.DataFrame, new: pd.DataFrame, what: str) -> None:
    assert list(old.columns) == list(new.columns), what
    assert list(old.dtypes) == list(new.dtypes), what
    # share_of_events is a sum of fractions: equal up to the order of summation, which the old SQL did not fix.
    pd.testing.assert_frame_equal(old, new, check_exact=False, rtol=1e-12, atol=1e-12, obj=what)


def _parameter_sets(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Filters as the pages combine them: offices, families, kinds, voices, years, dates, groupings and searches."""
    offices = [r[0] for r in con.execute("select office_id from offices order by office_id").fetchall()]
    voivodeship, kind, place = con.execute(
        "select voivodeship, office_kind, place from offices order by office_id limit 1"
    ).fetchone()
    families = [None] + [r[0] for r in con.execute("select distinct family from certificates order by 1").fetchall()]
    word = con.execute(
        "select left(w, 6) from (select unnest(string_split_regex(lower(text_pl), '[^[:alpha:]]+')) as w "
        "from findings) where length(w) >= 6 group by w order by count(*) desc, w limit 1"
    ).fetchone()
    theme = con.execute("select min(theme_id) from findings").fetchone()[0]
    selections = [
        OfficeFilter(),
        OfficeFilter(offices=tuple(offices[:1])),
        OfficeFilter(voivodeships=(voivodeship,)),
        OfficeFilter(size_classes=("unknown", "20k_100k")),
        OfficeFilter(offices=tuple(offices[:10])),  # a page of offices
        OfficeFilter(office_kinds=(kind,), search=place[:4].lower()),
    ]
    kinds_voices = [(("praise",), ("auditor",)), (("praise", "nonconformity", "observation"), ("auditor", "office"))]
    sets = []
    for i in range(max(12, len(families))):  # every option of each filter at least once, in varied combinations
        selection, family = selections[i % len(selections)], families[i % len(families)]
        kinds, voices = kinds_voices[i % 2]
        years, undated = [(ALL_YEARS, True), ((2012, 2019), False)][(i // 2) % 2]
        filters = findings_filters(selection, kinds, voices, years, undated, family)
        sets.append(
            {
                **filters,
                "grouped": (i // 3) % 2 == 0,
                "limit": 7 if i % 3 else 100,
                "offset": 3 if i % 5 == 4 else 0,
                "as_of": [dt.date(2008, 6, 30), dt.date(2019, 12, 31), dt.date(2024, 3, 1)][i % 3],
                "q": [None, "", word[0] if word else "skargi", "lodz skargi"][i % 4],
                "clause_keys": [None, ["|5", "|"], None][i % 3],
                "theme_keys": [None, None, [f"|{theme}"]][i % 3],
                "after": i % 2 == 0,  # events_around: the next events, or the latest held ones
                "kind": [None, "document", "reference"][i % 3],  # sources_overview's kind of source
            }
        )
    return sets


# Former queries now one query's parameter: (the query, its parameters for the former's rows). The new rows are
# compared in the former's columns and types as the views name them (views.praise.category_frame).
MERGED = {
    "praised_by_clause": ("praised_by_category", {"category": "clause"}),
    "praised_by_theme": ("praised_by_category", {"category": "theme"}),
}


def _as_former(name: str, new: pd.DataFrame, old: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    if name not in MERGED:
        return old, new
    return old, category_frame(new, MERGED[name][1]["category"])


@pytest.mark.parametrize("name", REWRITTEN)
def test_rewritten_query_returns_what_its_former_sql_returned(databases: dict, name: str) -> None:
    old_sql = (REFERENCE_DIR / f"{name}.sql").read_text(encoding="utf-8")
    query, fixed = MERGED.get(name, (name, {}))
    new_sql = sql_text(query)
    assert declared_params(old_sql) | set(fixed) == declared_params(new_sql), "the rewrite takes the same parameters"
    for db_name, con in databases.items():
        found = 0
        for i, params in enumerate(_parameter_sets(con)):
            old = _run(con, old_sql, params)
            old, new = _as_former(name, _run(con, new_sql, {**params, **fixed}), old)
            _assert_same(old, new, f"{name} on {db_name}, parameter set {i}: {params}")
            found += len(old)
        # At least one parameter set finds something on the built packages, so equality is not that of two empties.
        if db_name != "fixtures":
            assert found, f"{name} on {db_name} is empty for every set"


@pytest.mark.parametrize(
    "as_of",
    [dt.date(1990, 1, 1), dt.date(2011, 2, 28), dt.date(2019, 12, 31), dt.date(2026, 7, 1), dt.date(2041, 5, 5)],
)
def test_office_status_by_year_reads_stored_years_as_computed(databases: dict, as_of: dt.date) -> None:
    for db_name, con in databases.items():
        families = [None] + [r[0] for r in con.execute("select distinct family from certificates").fetchall()]
        for family in families:
            params = {"as_of": as_of, "family": family}
            order = " order by office_id, family, year"
            stored = con.execute(f"select * from office_status_by_year($as_of, $family){order}", params).df()
            computed = con.execute(
                f"select * from office_status_by_year_computed($as_of, $family, null){order}", params
            ).df()
            _assert_same(computed, stored, f"office_status_by_year on {db_name}, {as_of}, {family}")


# Every day an office's status could change on, by the rows themselves (each window's first day and the day after its
# last, each held event's day), and the day before each: office_status_spans must give there what status_on does.
CANDIDATE_DAYS = """
    with edges as (
        select unnest([
            window_start_on, window_end_on + 1, sure_start_on, sure_end_on + 1, definitive_end_on + 1
        ]) as day
        from certificate_windows
        union all
        select period_start from certificate_events
    )
    select distinct d from edges, unnest([day, day - 1]) as u(d) where d is not null
    union all
    select date '1970-01-01'
"""


def test_the_status_spans_give_each_offices_status_that_status_on_gives_on_every_day_it_may_change(
    databases: dict,
) -> None:
    for db_name, con in databases.items():
        found = con.execute(
            f"""
            with days as ({CANDIDATE_DAYS}),
            reference as (
                select d.d as day, s.office_id, s.family,
                    arg_min(
                        s.status,
                        {{'order': speaking_order(s.status, s.window_start_on, s.window_end_on, d.d),
                          'certificate': s.certificate_id}}
                    ) as status
                from days as d, lateral status_on(d.d, null) as s
                group by all
            ),
            spans as (
                select d.d as day, sp.office_id, sp.family, sp.status
                from days as d
                inner join office_status_spans as sp on d.d between sp.from_on and sp.until_on
            )
            select
                (select count(*) from days),
                (select count(*) from reference),
                (select count(*) from (select * from reference except all select * from spans)),
                (select count(*) from (select * from spans except all select * from reference))
            """
        ).fetchone()
        days, rows, missing, extra = found
        assert (missing, extra) == (0, 0), f"{db_name}: {found}"
        if db_name != "fixtures":
            assert days > 20 and rows > days, f"{db_name}: {found}"
        # Spans follow each other without a gap or an overlap, from the first day to the last.
        assert con.execute(
            """
            select count(*) from (
                select from_on, until_on, lag(until_on) over (partition by office_id, family order by from_on) as before
                from office_status_spans
            )
            where (before is null and from_on <> date '0001-01-01') or (before is not null and from_on <> before + 1)
            """
        ).fetchone() == (0,), db_name


def test_selection_documents_reads_stored_citations_as_computed(databases: dict) -> None:
    for db_name, con in databases.items():
        for i, params in enumerate(_parameter_sets(con)):
            args = {
                k: params[k] for k in ("offices", "voivodeships", "office_kinds", "search", "size_classes", "family")
            }
            call = "($offices, $voivodeships, $office_kinds, $search, $size_classes, $family) order by source_id"
            stored = con.execute(f"select * from selection_documents{call}", args).df()
            computed = con.execute(f"select * from selection_documents_computed{call}", args).df()
            _assert_same(computed, stored, f"selection_documents on {db_name}, parameter set {i}: {args}")


def test_office_evidence_counts_read_stored_counts_as_computed(databases: dict) -> None:
    for db_name, con in databases.items():
        families = [None, "ISO 0000"] + [
            r[0] for r in con.execute("select distinct family from certificates").fetchall()
        ]
        for family in families:
            call = "($family) order by office_id"
            stored = con.execute(f"select * from office_evidence_counts{call}", {"family": family}).df()
            computed = con.execute(f"select * from office_evidence_counts_computed{call}", {"family": family}).df()
            assert len(stored) == con.execute("select count(*) from offices").fetchone()[0]
            _assert_same(computed, stored, f"office_evidence_counts on {db_name}, {family}")


@pytest.mark.parametrize(
    ("row", "table", "key"),
    [
        # findings_page fetches a page by finding_facts.finding_row: each one is the row of its own finding.
        ("finding_row", "findings", "finding_id"),
        # The findings charts and page group and join a finding's event by finding_facts.event_row: each one is the
        # row of the finding's own event.
        ("event_row", "events", "event_id"),
    ],
)
def test_each_stored_row_number_in_finding_facts_is_its_records_row(databases: dict, row: str, table: str, key: str):
    for db_name, con in databases.items():
        total, matched = con.execute(
            f"select count(*), count(t.{key}) from finding_facts as ff "
            f"left join {table} as t on t.rowid = ff.{row} and t.{key} = ff.{key}"
        ).fetchone()
        assert total == matched == con.execute("select count(*) from findings").fetchone()[0], db_name


def test_each_certificate_events_row_is_that_events_row_and_precision(databases: dict) -> None:
    """office_status_on_date reads a certification's evidence from certificate_events (event_row, period_precision):
    each row's event_row is the row of its own event, and its precision that event's."""
    for db_name, con in databases.items():
        total, matched = con.execute(
            "select count(*), count(e.event_id) from certificate_events as ce "
            "left join events as e on e.rowid = ce.event_row and e.event_id = ce.event_id "
            "and e.event_on_precision is not distinct from ce.period_precision"
        ).fetchone()
        assert total == matched, db_name


def test_each_event_families_row_is_that_events_row(databases: dict) -> None:
    """The family filters keep events by event_families.event_row: each one is the row of its own event."""
    for db_name, con in databases.items():
        total, matched = con.execute(
            "select count(*), count(e.event_id) from event_families as ef "
            "left join events as e on e.rowid = ef.event_row and e.event_id = ef.event_id"
        ).fetchone()
        assert total == matched, db_name


def test_finding_counts_add_up_to_the_findings(databases: dict) -> None:
    """finding_counts is finding_facts counted: same findings in each event (office, day), kind, voice and families."""
    keys = "office_id, event_row, event_on, year, kind, voice, families"
    for db_name, con in databases.items():
        differ = con.execute(
            f"""select count(*) from (
                (select {keys}, count_findings from finding_counts
                 except all select {keys}, count(*) from finding_facts group by all)
                union all
                (select {keys}, count(*) from finding_facts group by all
                 except all select {keys}, count_findings from finding_counts))"""
        ).fetchone()[0]
        assert differ == 0, db_name


def test_typed_tables_keep_the_order_of_their_files(tmp_path: Path) -> None:
    """The build fills the typed tables without sorting them again: a plain scan gives each file's rows in order."""
    data = write_package(tmp_path / "package")
    out = tmp_path / "built.duckdb"
    assert not build(data, out)
    with duckdb.connect(str(out), read_only=True) as con:
        for table, key in (("findings", "finding_id"), ("events", "event_id"), ("sources", "source_id")):
            with (data / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
                in_file = [row[key] for row in csv.DictReader(handle)]
            assert [r[0] for r in con.execute(f"select {key} from {table}").fetchall()] == in_file, table


def test_documents_text_is_stored_with_its_own_compression(package_con: duckdb.DuckDBPyConnection) -> None:
    """sources.text is written with zstd (cityiso.data.ddl.COLUMN_COMPRESSION), the rest of the file with DuckDB's
    default; and every document reads back whole."""
    from cityiso.data.ddl import COLUMN_COMPRESSION

    def compressions(table: str, column: str) -> set[str]:
        rows = package_con.execute(
            "select distinct compression from pragma_storage_info($t) "
            "where column_name = $c and segment_type = 'VARCHAR'",
            {"t": table, "c": column},
        ).fetchall()
        return {r[0] for r in rows}

    assert ("sources", "text") in COLUMN_COMPRESSION
    for (table, column), chosen in COLUMN_COMPRESSION.items():
        assert compressions(table, column) == {chosen.upper()}, (table, column)
    assert "ZSTD" not in compressions("findings", "quote")
    read_back = package_con.execute(
        "select count(*) filter (where sha256(text) = sha256), count(text) from sources"
    ).fetchone()
    assert read_back[0] == read_back[1] > 0
