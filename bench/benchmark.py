"""Measure the build, the named queries and each page's render, and print a Markdown table for the README.

Usage: .venv/bin/python bench/benchmark.py   (after ./run test has set up .venv)
"""

import datetime as dt
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cityiso.build import build
from cityiso.paths import DATA_DIR, ROOT
from cityiso.queries import findings_filters, run


def timed(action, repeat: int) -> float:
    """Median wall time of an action, in milliseconds."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def export_timings(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """The deck for all offices: building it, then the PPTX and the PDF (Kaleido started by the first image)."""
    from cityiso.deck import build_deck
    from cityiso.exports.images import find_browser, image_bytes
    from cityiso.exports.pdf import handout_pdf
    from cityiso.exports.pptx import deck_pptx

    offices = [r[0] for r in con.execute("select office_id from offices").fetchall()]
    slides = build_deck(lambda name, **p: run(con, name, **p), offices, "pl")
    rows = [
        (
            f"deck for all offices ({len(slides)} slides), built, median of 5",
            f"{timed(lambda: build_deck(lambda name, **p: run(con, name, **p), offices, 'pl'), 5):.0f} ms",
        )
    ]
    if find_browser() is None:
        return [*rows, ("exports", "skipped: no Chromium")]
    rows.append(
        (
            "first chart image (starts Chromium for Kaleido)",
            f"{timed(lambda: image_bytes(slides[1].figure, 'png'), 1):.0f} ms",
        )
    )
    rows.append(("PPTX deck for all offices, median of 3", f"{timed(lambda: deck_pptx(slides), 3) / 1000:.1f} s"))
    rows.append(("PDF handout for all offices, median of 3", f"{timed(lambda: handout_pdf(slides), 3) / 1000:.1f} s"))
    return rows


def main() -> None:
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "cityiso.duckdb"
        rows.append(
            (
                "build from data/ (validate + load + rules), median of 5",
                f"{timed(lambda: build(DATA_DIR, db), 5):.0f} ms",
            )
        )
        rows.append(("database file size", f"{db.stat().st_size / 1e6:.1f} MB"))
        con = duckdb.connect(str(db), read_only=True)
        offices = [r[0] for r in con.execute("select office_id from offices").fetchall()]
        filters = findings_filters(offices, family="ISO 9001")
        for name, params in [
            ("office_status_on_date", {"as_of": dt.date(2016, 10, 1), "family": "ISO 9001"}),
            ("certificate_spans", {"offices": offices, "family": "ISO 9001"}),
            ("praised_by_theme", filters),
            ("findings_search", {"q": "skargi", "offices": offices}),
        ]:
            rows.append(
                (f"query {name}, median of 50", f"{timed(lambda n=name, p=params: run(con, n, **p), 50):.1f} ms")
            )
        rows += export_timings(con)
        con.close()

        os.environ["CITYISO_DB"] = str(db)
        from streamlit.testing.v1 import AppTest

        for page in ["overview", "cycles", "praised", "compare", "city", "sources"]:

            def render(page: str = page) -> None:
                at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
                if page != "overview":
                    at.switch_page(f"pages/{page}.py").run()
                assert not at.exception

            render()  # warm the imports and caches once
            rows.append((f"page {page}: script run under AppTest, median of 5", f"{timed(render, 5):.0f} ms"))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows.append(("peak memory of this process (all of the above)", f"{peak:.0f} MB"))
    print(f"Measured {dt.date.today().isoformat()} on {os.cpu_count()} cores.\n")
    print("| what | figure |\n| --- | --- |")
    for what, figure in rows:
        print(f"| {what} | {figure} |")


if __name__ == "__main__":
    main()
