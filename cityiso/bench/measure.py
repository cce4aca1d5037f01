"""The measurements, each against its floor: builds and the read_csv floor in fresh subprocesses, the named queries
next to `SELECT 1` on one connection, and every page in a fresh subprocess next to an empty page."""

import datetime as dt
import json
import math
import os
import platform
import selectors
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

import duckdb

from cityiso.bench.params import context, query_params
from cityiso.paths import ROOT
from cityiso.queries import sql_text
from cityiso.server import peak_rss_mb

# Repeats of one measured item stop once its samples add up to this much (after the first sample).
SAMPLE_SECONDS = 30.0
# A fresh page process imports Streamlit before its first (cold) run starts; the page timeout starts after.
STARTUP_SECONDS = 30.0


def summary(samples: list[float]) -> dict:
    """Median and p95 (nearest rank) of samples, with the samples themselves."""
    ordered = sorted(samples)
    p95 = ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)] if ordered else None
    return {"median": statistics.median(ordered) if ordered else None, "p95": p95, "samples": samples}


@dataclass
class Run:
    """What a measuring subprocess printed before it ended or was stopped."""

    records: list[dict] = field(default_factory=list)
    timed_out_after: float | None = None
    error: str | None = None
    peak_mb: float | None = None  # read from /proc when the process had to be stopped

    @property
    def last(self) -> dict:
        return self.records[-1] if self.records else {}


def child_env(**extra: str) -> dict[str, str]:
    """The environment of a measuring subprocess: this tree's cityiso first on the path."""
    env = dict(os.environ, **extra)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def run_worker(args: list[str], timeout: float, first_timeout: float | None = None, env: dict | None = None) -> Run:
    """Run `python -m cityiso.bench.worker ARGS`; every printed line must come within `timeout` seconds (the first
    within `first_timeout`), else the process group is stopped and the run says after how long."""
    run = Run()
    with tempfile.TemporaryFile() as stderr:
        proc = subprocess.Popen(
            [sys.executable, "-m", "cityiso.bench.worker", *args],
            stdout=subprocess.PIPE,
            stderr=stderr,
            env=env or child_env(),
            cwd=ROOT,
            start_new_session=True,  # its own group, so a stop also ends what it started
        )
        with selectors.DefaultSelector() as sel:
            sel.register(proc.stdout, selectors.EVENT_READ)
            buffer = b""
            limit = first_timeout or timeout
            deadline = time.monotonic() + limit
            while True:
                left = deadline - time.monotonic()
                if left <= 0 or not sel.select(left):
                    run.timed_out_after = limit
                    run.peak_mb = peak_rss_mb(proc.pid)
                    os.killpg(proc.pid, signal.SIGKILL)
                    break
                chunk = os.read(proc.stdout.fileno(), 65536)
                if not chunk:
                    break
                buffer += chunk
                *lines, buffer = buffer.split(b"\n")
                for line in lines:
                    if line.strip():
                        run.records.append(json.loads(line))
                if lines:
                    limit = timeout
                    deadline = time.monotonic() + limit
        proc.stdout.close()
        code = proc.wait()
        if code and run.timed_out_after is None:
            stderr.seek(0)
            tail = stderr.read().decode("utf-8", "replace").strip().splitlines()[-3:]
            run.error = f"exit {code}: " + " | ".join(tail)
    return run


def measure_build(data_dir: Path, out: Path, repeat: int, timeout: float) -> dict:
    """The build and the read_csv floor, each in a fresh process per repeat: median time, peak memory, ratio."""
    result: dict = {}
    for what, target in (("build", out), ("floor", out.with_name("floor.duckdb"))):
        samples, cpu, peaks = [], [], []
        entry: dict = {}
        for _ in range(repeat):
            run = run_worker([what, str(data_dir), str(target)], timeout)
            if run.timed_out_after is not None:
                entry["timed_out_after_s"] = run.timed_out_after
                peaks.append(run.peak_mb or 0)
                break
            if run.error or run.last.get("count_problems"):
                entry["error"] = run.error or "; ".join(run.last["problems"][:3])
                peaks.append(run.last.get("peak_mb") or 0)
                break
            samples.append(run.last["seconds"])
            cpu.append(run.last.get("cpu_s"))
            peaks.append(run.last["peak_mb"])
            if sum(samples) > SAMPLE_SECONDS:
                break
        stats = summary(samples)
        entry.update(median_s=stats["median"], samples_s=samples, peak_mb=max(peaks) if peaks else None)
        known_cpu = [c for c in cpu if c is not None]
        entry.update(cpu_median_s=statistics.median(known_cpu) if known_cpu else None, cpu_samples_s=cpu)
        result[what] = entry
        target_size = target.stat().st_size if target.exists() else None
        entry["file_mb"] = target_size / 1e6 if target_size else None
    build_s, floor_s = result["build"]["median_s"], result["floor"]["median_s"]
    result["build_over_floor"] = build_s / floor_s if build_s and floor_s else None
    build_cpu, floor_cpu = result["build"]["cpu_median_s"], result["floor"]["cpu_median_s"]
    result["build_over_floor_cpu"] = build_cpu / floor_cpu if build_cpu and floor_cpu else None
    result["ok"] = build_s is not None and out.exists()
    return result


def _timed(con: duckdb.DuckDBPyConnection, action: Callable, repeat: int, timeout: float) -> dict:
    """Run action(cursor) up to `repeat` times on fresh cursors, each stopped by DuckDB's interrupt at `timeout`."""
    samples: list[float] = []
    cpu: list[float] = []  # process CPU time, DuckDB's threads included: steadier than wall time under load
    entry: dict = {}
    for _ in range(repeat):
        with con.cursor() as cur:
            timer = threading.Timer(timeout, cur.interrupt)
            timer.start()
            start, start_cpu = time.perf_counter(), time.process_time()
            try:
                rows = len(action(cur))
            except duckdb.InterruptException:
                entry["timed_out_after_s"] = timeout
                break
            except duckdb.Error as exc:
                entry["error"] = str(exc).splitlines()[0]
                break
            finally:
                timer.cancel()
            samples.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        entry["rows"] = rows
        if sum(samples) > SAMPLE_SECONDS:
            break
    stats = summary([s * 1000 for s in samples])
    entry.update(
        median_ms=stats["median"], p95_ms=stats["p95"], count_samples=len(samples), samples_ms=stats["samples"]
    )
    entry["cpu_median_ms"] = statistics.median(cpu) * 1000 if cpu else None
    return entry


def measure_queries(db: Path, repeat: int, timeout: float) -> dict:
    """Every named query with its parameter set, next to `SELECT 1`, on one read-only connection."""
    with duckdb.connect(str(db), read_only=True) as con:
        ctx = context(con)
        chosen = query_params(ctx)
        result = {
            "context": {"offices": len(ctx.offices), "family": ctx.family, "as_of": ctx.as_of, "search": ctx.search},
            "select_1": _timed(con, lambda cur: cur.execute("select 1").df(), repeat, timeout),
            "queries": {},
        }
        for name, params in chosen.items():
            sql = sql_text(name)
            result["queries"][name] = _timed(
                con, lambda cur, s=sql, p=params: cur.execute(s, p or None).df(), repeat, timeout
            ) | {"params": sorted(params)}
    return result


def discover_pages(pages_dir: Path = ROOT / "pages") -> list[str]:
    """Every page file of the app, as `pages/x.py`."""
    return [f"pages/{p.name}" for p in sorted(pages_dir.glob("*.py"))]


def _page_run(args: list[str], db: Path, repeat: int, timeout: float) -> dict:
    run = run_worker(
        ["page", *args, "--repeat", str(repeat), "--timeout", str(timeout), "--sample-seconds", str(SAMPLE_SECONDS)],
        timeout,
        first_timeout=timeout + STARTUP_SECONDS,
        env=child_env(CITYISO_DB=str(db)),
    )
    done = next((r for r in run.records if r.get("step") == "done"), None)
    if done is not None:
        return {k: v for k, v in done.items() if k != "step"}
    cold = next((r for r in run.records if r.get("step") == "cold"), None)
    warm = [r["seconds"] for r in run.records if r.get("step") == "warm"]
    return {
        "cold_s": cold["seconds"] if cold else None,
        "warm_s": statistics.median(warm) if warm else None,
        "warm_samples_s": warm,
        "failure": run.error or (cold or {}).get("failure"),
        "timed_out_after_s": run.timed_out_after,
        "peak_mb": run.peak_mb or (cold or {}).get("peak_mb"),
    }


def measure_pages(db: Path, repeat: int, timeout: float, pages: list[str] | None = None) -> dict:
    """Each page's cold run (first in a fresh process) and warm reruns, next to an empty page run the same way."""
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty_page.py"
        empty.write_text('"""An empty page: the floor of a script run under AppTest."""\n', encoding="utf-8")
        result = {"empty_page": _page_run([str(empty)], db, repeat, timeout), "pages": {}}
    for page in pages if pages is not None else discover_pages():
        result["pages"][page] = _page_run([str(ROOT / "dashboard.py"), "--page", page], db, repeat, timeout)
    peaks = [r["peak_mb"] for r in result["pages"].values() if r.get("peak_mb")]
    result["app_peak_mb"] = max(peaks) if peaks else None
    return result


def conditions(repeat: int) -> dict:
    """The machine and software the figures were measured on."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = None
    return {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "cores": os.cpu_count(),
        "load_average_at_start": list(os.getloadavg()),
        "platform": platform.platform(),
        "python": platform.python_version(),
        **{package: version(package) for package in ("duckdb", "streamlit", "pandas", "plotly")},
        "commit": commit,
        "repeat": repeat,
    }


def synthesize(offices: int, years: int, out: Path, timeout: float) -> None:
    """A generated package in the curated format, by cityiso.synth (seed 1)."""
    command = [sys.executable, "-m", "cityiso.synth", "--offices", str(offices), "--years", str(years)]
    command += ["--seed", "1", "--out", str(out)]
    done = subprocess.run(command, env=child_env(), cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    if done.returncode:
        raise SystemExit(f"cityiso.synth failed ({' '.join(command[1:])}):\n{done.stderr.strip()[-2000:]}")
