"""`python -m cityiso.bench`: measure the build, every named query and every page of one or more data packages
against their floors and the budgets; print Markdown tables and write every number as JSON.

  python -m cityiso.bench                          the curated data/
  python -m cityiso.bench --synth 3000,25          data/ and a generated national-scale package
  python -m cityiso.bench --data DIR --json out.json --quick
  python -m cityiso.bench pages --help             every page in Chromium and the server's memory (bench/pages.py)"""

import argparse
import json
import sys
import tempfile
from pathlib import Path

from cityiso.bench.budgets import BUDGETS, evaluate
from cityiso.bench.measure import conditions, measure_build, measure_pages, measure_queries, synthesize
from cityiso.bench.report import report
from cityiso.paths import DATA_DIR


def measure_package(label: str, data_dir: Path, args: argparse.Namespace, work: Path) -> dict:
    """Build, queries and pages of one package; what could not be measured says why."""
    result: dict = {"label": label, "data_dir": str(data_dir)}
    db = work / "cityiso.duckdb"
    print(f"[bench] {label}: build and floor ...", file=sys.stderr, flush=True)
    result["build"] = measure_build(data_dir, db, args.repeat, args.build_timeout)
    if not result["build"]["ok"]:
        result["error"] = "the build did not finish: " + str(
            result["build"]["build"].get("error") or result["build"]["build"].get("timed_out_after_s")
        )
    else:
        print(f"[bench] {label}: queries ...", file=sys.stderr, flush=True)
        result["queries"] = measure_queries(db, args.query_repeat, args.query_timeout)
        print(f"[bench] {label}: pages ...", file=sys.stderr, flush=True)
        result["pages"] = measure_pages(db, args.repeat, args.page_timeout)
    result["budgets"] = [c.as_dict() for c in evaluate(result)]
    return result


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m cityiso.bench", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, nargs="+", action="extend", help="data package folder(s) (default: data/; repeatable)"
    )
    parser.add_argument("--synth", metavar="OFFICES,YEARS", help="also measure a package from cityiso.synth")
    parser.add_argument("--json", type=Path, help="write every number here")
    parser.add_argument("--repeat", type=int, help="builds and warm page runs per figure (default 5; queries: 10x)")
    parser.add_argument("--quick", action="store_true", help="one repeat, three query runs: for the test")
    parser.add_argument("--page-timeout", type=float, default=120, help="seconds per page run (default 120)")
    parser.add_argument("--query-timeout", type=float, default=60, help="seconds per query run (default 60)")
    parser.add_argument("--build-timeout", type=float, default=900, help="seconds per build (default 900)")
    args = parser.parse_args(argv)
    args.repeat = args.repeat or (1 if args.quick else 5)
    args.query_repeat = 3 if args.quick else 10 * args.repeat
    if args.synth:
        try:
            offices, years = (int(x) for x in args.synth.split(","))
        except ValueError:
            parser.error("--synth takes OFFICES,YEARS, e.g. 3000,25")
        args.synth = (offices, years)
    return args


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["pages"]:
        from cityiso.bench.pages import main as pages

        return pages(argv[1:])
    args = parse(argv)
    results = {"conditions": conditions(args.repeat), "budgets": BUDGETS, "packages": []}
    packages = [(_label(d), d.resolve()) for d in (args.data or [DATA_DIR])]
    with tempfile.TemporaryDirectory(prefix="cityiso-bench-") as tmp:
        if args.synth:
            offices, years = args.synth
            synth_dir = Path(tmp) / "synth"
            print(f"[bench] generating {offices} offices x {years} years ...", file=sys.stderr, flush=True)
            synthesize(offices, years, synth_dir, args.build_timeout)
            packages.append((f"synthetic: {offices} offices x {years} years (cityiso.synth, seed 1)", synth_dir))
        for i, (label, data_dir) in enumerate(packages):
            work = Path(tmp) / f"package{i}"
            work.mkdir()
            results["packages"].append(measure_package(label, data_dir, args, work))
    text = report(results)
    print(text)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    return 0


def _label(data_dir: Path) -> str:
    if data_dir.resolve() == DATA_DIR.resolve():
        return "curated data (data/)"
    return str(data_dir)


if __name__ == "__main__":
    sys.exit(main())
