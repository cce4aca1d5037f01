"""What runs inside one measuring subprocess: a build, the read_csv floor, or one page under AppTest.

Each prints one JSON object per line as it goes (the parent enforces the timeouts and may kill it between lines);
the last line carries the process's own peak memory."""

import argparse
import json
import resource
import statistics
import sys
import time
from pathlib import Path


def peak_mb() -> float:
    """This process's peak resident memory so far, in MB: VmHWM, since Linux starts ru_maxrss after exec at the
    parent's resident size when it forked (a bench that has loaded a database would inflate every child)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # no /proc: kB on Linux, the best left


def cpu_seconds() -> float:
    """CPU time this process has used so far, user and system, in every thread (DuckDB's included): on a loaded
    machine it changes far less than the wall-clock time."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def emit(**record) -> None:
    print(json.dumps(record, default=str), flush=True)


def build(data_dir: Path, out: Path) -> None:
    from cityiso.data.database import build as build_database

    start, cpu = time.perf_counter(), cpu_seconds()
    problems = build_database(data_dir, out)
    seconds = time.perf_counter() - start
    emit(
        seconds=seconds,
        cpu_s=cpu_seconds() - cpu,
        problems=[str(p) for p in problems[:20]],
        count_problems=len(problems),
        peak_mb=peak_mb(),
    )


def floor(data_dir: Path, out: Path) -> None:
    """The same files, read with no checks: a plain DuckDB read_csv of the package's CSV files into tables of a fresh
    database file, and every document in sources/ read in Python (listed once, each file's bytes read whole). DuckDB's
    read_text of 64k documents was slower than the build itself, so a floor made of it flattered the build's ratio."""
    import os

    import duckdb

    from cityiso.data.documents import SOURCES_DIR, plain_files

    descriptor = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    out.unlink(missing_ok=True)
    start, cpu = time.perf_counter(), cpu_seconds()
    with duckdb.connect(str(out)) as con:
        for resource_ in descriptor["resources"]:
            path = str(data_dir / resource_["path"])
            con.execute(f'create table "{resource_["name"]}" as select * from read_csv(?)', [path])
    root = os.path.join(data_dir, SOURCES_DIR, "")
    count_bytes = 0
    for name in plain_files(data_dir):
        with open(root + name, "rb") as handle:
            count_bytes += len(handle.read())
    seconds = time.perf_counter() - start
    emit(seconds=seconds, cpu_s=cpu_seconds() - cpu, document_bytes=count_bytes, peak_mb=peak_mb())


def sent(at) -> dict:
    """The figure JSON bytes and table rows the last run sent: plotly specs, dataframe/table Arrow payloads and the
    plain tables' HTML rows."""
    import pyarrow as pa

    from cityiso.app.ui import is_plain_table

    def rows(arrow_bytes: bytes) -> int:
        return pa.ipc.open_stream(arrow_bytes).read_all().num_rows if arrow_bytes else 0

    charts = at.get("plotly_chart")
    figure_bytes = 0
    for chart in charts:
        proto = chart.proto
        spec = proto.spec or getattr(getattr(proto, "figure", None), "spec", "")  # older protos nest it in `figure`
        figure_bytes += len(spec.encode("utf-8"))
    table_rows = 0
    frames = list(at.dataframe) + list(at.table)
    for frame in frames:
        proto = frame.proto
        if hasattr(proto, "lazy_data") and proto.HasField("lazy_data"):
            table_rows += rows(proto.lazy_data.initial_chunk.data)  # lazily served frames send a first chunk
        else:
            table_rows += rows(proto.arrow_data.data)
    # Plain tables (ui.plain_table: HTML) count the rows of their bodies too.
    plain = [h.proto.body for h in at.get("html") if is_plain_table(h.proto.body)]
    table_rows += sum(body.partition("<tbody>")[2].count("<tr>") for body in plain)
    return dict(
        count_charts=len(charts),
        figure_json_bytes=figure_bytes,
        count_tables=len(frames) + len(plain),
        table_rows=table_rows,
    )


def page(script: Path, page_file: str | None, repeat: int, timeout: float, sample_seconds: float) -> None:
    """A page's first run in this fresh process (cold), then up to `repeat` reruns (warm, fewer once they add up to
    `sample_seconds`), with what the last run sent."""
    from streamlit.testing.v1 import AppTest

    # AppTest's own timeout stays out of the way: the parent stops this process when a run outlasts `timeout`.
    at = AppTest.from_file(str(script.resolve()), default_timeout=2 * timeout)
    if page_file is not None:
        at.switch_page(page_file)
    requested = getattr(at, "_page_hash", "")
    emit(step="ready")  # imports done: the parent's page timeout starts now
    start = time.perf_counter()
    at.run()
    cold = time.perf_counter() - start
    failure = _failure(at, requested)
    emit(step="cold", seconds=cold, failure=failure, peak_mb=peak_mb())
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        at.run()
        samples.append(time.perf_counter() - start)
        emit(step="warm", seconds=samples[-1])
        if sum(samples) > sample_seconds:
            break
    failure = failure or _failure(at, requested)
    emit(
        step="done",
        cold_s=cold,
        warm_s=statistics.median(samples) if samples else None,
        warm_samples_s=samples,
        failure=failure,
        peak_mb=peak_mb(),
        **sent(at),
    )


def _failure(at, requested: str) -> str | None:
    """Why a run does not count: the page raised, or the run ended on another page than the one asked for."""
    if at.exception:
        return "; ".join(str(e.message).splitlines()[0] for e in at.exception)
    finished = getattr(at, "_finished_page_script_hash", "")
    if requested and finished and finished != requested:
        return "the run ended on another page (is the file listed in st.navigation?)"
    return None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m cityiso.bench.worker")
    sub = parser.add_subparsers(dest="what", required=True)
    for name in ("build", "floor"):
        p = sub.add_parser(name)
        p.add_argument("data", type=Path)
        p.add_argument("out", type=Path)
    p = sub.add_parser("page")
    p.add_argument("script", type=Path)
    p.add_argument("--page", help="pages/x.py, relative to the script; none: the script's own page")
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--timeout", type=float, default=120)
    p.add_argument("--sample-seconds", type=float, default=30)
    args = parser.parse_args(argv)
    if args.what == "build":
        build(args.data, args.out)
    elif args.what == "floor":
        floor(args.data, args.out)
    else:
        page(args.script, args.page, args.repeat, args.timeout, args.sample_seconds)


if __name__ == "__main__":
    sys.exit(main())
