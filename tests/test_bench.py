"""The benchmark runs end to end on the small fixture package and covers every named query and page it discovers;
no timing is asserted (timings live in the benchmark's own output)."""

import datetime as dt
import json
import shutil
from pathlib import Path

import duckdb
import pytest

from cityiso.bench import measure, worker
from cityiso.bench.__main__ import main
from cityiso.bench.budgets import evaluate
from cityiso.bench.params import Context, declared_params, query_params
from cityiso.paths import QUERIES_DIR, ROOT
from tests.fixture_package import write_package

CONTEXT = Context(offices=["o1"], family="ISO 9001", as_of=dt.date(2016, 1, 1), search="skargi", source_id="s1")


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = tmp_path_factory.mktemp("bench")
    out = root / "bench.json"
    assert main(["--data", str(write_package(root / "package")), "--quick", "--json", str(out)]) == 0
    return json.loads(out.read_text(encoding="utf-8"))


def test_quick_run_has_an_entry_for_every_named_query(quick_run: dict) -> None:
    (package,) = quick_run["packages"]
    named = {p.stem for p in QUERIES_DIR.glob("*.sql")} - {"schema"}
    queries = package["queries"]["queries"]
    assert set(queries) == named
    assert all(q["median_ms"] is not None and "error" not in q for q in queries.values())
    assert all(q["cpu_median_ms"] is not None for q in queries.values())
    assert package["queries"]["select_1"]["median_ms"] is not None


def test_quick_run_has_an_entry_for_every_page(quick_run: dict) -> None:
    (package,) = quick_run["packages"]
    pages = package["pages"]["pages"]
    assert set(pages) == {f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py")}
    for page, p in pages.items():
        assert p["failure"] is None, page
        assert p["cold_s"] is not None and p["warm_s"] is not None, page
        assert p["table_rows"] >= 0 and p["figure_json_bytes"] >= 0 and p["peak_mb"] > 0, page
    assert pages["pages/cycles.py"]["figure_json_bytes"] > 0  # the timeline's spec was found and measured
    assert pages["pages/cycles.py"]["table_rows"] > 0  # its status table (plain HTML; the boxed tables are shut)
    assert package["pages"]["empty_page"]["warm_s"] is not None


def test_quick_run_measures_build_and_floor_and_evaluates_budgets(quick_run: dict) -> None:
    (package,) = quick_run["packages"]
    build = package["build"]
    assert build["ok"] and build["build"]["peak_mb"] > 0 and build["floor"]["median_s"] is not None
    assert build["build_over_floor"] is not None
    assert build["build"]["cpu_median_s"] > 0 and build["floor"]["cpu_median_s"] > 0  # CPU beside wall time
    subjects = {c["subject"] for c in package["budgets"]}
    assert {"build", "app"} <= subjects and set(package["pages"]["pages"]) <= subjects
    assert all(isinstance(c["passed"], bool) for c in package["budgets"])
    assert {"cores", "load_average_at_start", "date", "duckdb", "streamlit"} <= set(quick_run["conditions"])


def test_a_query_without_a_parameter_set_fails_loudly(tmp_path: Path) -> None:
    queries = tmp_path / "queries"
    shutil.copytree(QUERIES_DIR, queries)
    (queries / "new_result.sql").write_text("-- Params: $offices.\nselect 1 where $offices is not null\n")
    with pytest.raises(ValueError, match="new_result: no parameter set"):
        query_params(CONTEXT, queries)


def test_a_parameter_set_that_misses_a_bound_name_fails(tmp_path: Path) -> None:
    queries = tmp_path / "queries"
    shutil.copytree(QUERIES_DIR, queries)
    (queries / "themes.sql").write_text("select * from themes where theme_id = $theme\n")
    with pytest.raises(ValueError, match=r"themes: the bench gives \[\], the SQL binds \['theme'\]"):
        query_params(CONTEXT, queries)


def test_declared_params_leave_out_comments_and_strings() -> None:
    sql = "-- the office's $q\nselect $offices, 'it''s $5 -- x' -- $y\nfrom t where $kind"
    assert declared_params(sql) == {"offices", "kind"}


def test_a_hanging_page_is_stopped_and_reported(tmp_path: Path) -> None:
    script = tmp_path / "hang.py"
    script.write_text("import time\n\nwhile True:\n    time.sleep(0.1)\n")
    result = measure._page_run([str(script)], tmp_path / "none.duckdb", repeat=1, timeout=2)
    assert result["timed_out_after_s"] == 2 and result["cold_s"] is None
    checks = evaluate({"pages": {"empty_page": {"warm_s": 0.01}, "pages": {"pages/x.py": result}, "app_peak_mb": 1}})
    page_checks = [c for c in checks if c.subject == "pages/x.py"]
    assert page_checks and not any(c.passed for c in page_checks)
    assert all(c.note == "timed out after 2 s" for c in page_checks)


def test_the_floor_reads_every_csv_file_and_every_document(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """The floor's tables hold each CSV file's rows, and it read every byte of sources/ in Python."""
    package = write_package(tmp_path / "package")
    worker.floor(package, tmp_path / "floor.duckdb")
    record = json.loads(capsys.readouterr().out.splitlines()[-1])
    documents = [p for p in (package / "sources").rglob("*") if p.is_file()]
    assert documents and record["document_bytes"] == sum(p.stat().st_size for p in documents)
    assert record["seconds"] > 0 and record["cpu_s"] > 0
    with duckdb.connect(str(tmp_path / "floor.duckdb"), read_only=True) as con:
        offices = con.execute("select count(*) from offices").fetchone()[0]
    assert offices == len((package / "offices.csv").read_text(encoding="utf-8").strip().splitlines()) - 1
