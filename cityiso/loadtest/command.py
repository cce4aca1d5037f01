"""`cityiso loadtest` (or `python -m cityiso.loadtest`): the command (see cityiso/loadtest/__init__.py)."""

import argparse
import asyncio
import dataclasses
import json
import os
import signal
import sys
import tempfile
import time
from pathlib import Path

from cityiso import loadtest
from cityiso.loadtest.data import build_package, facts
from cityiso.loadtest.pages import ROUTE, WARM_UP
from cityiso.loadtest.report import milliseconds, passed, percentile, summarise, table
from cityiso.loadtest.sessions import CHROMIUM, Run, drive
from cityiso.server import free_port, peak_rss_mb, start_server, stop_server

LIMITS = {
    "sessions": (1, 50),
    "seconds": (1, 600),
    "rebuilds": (0, 10),
    "port": (1024, 65535),
    "page-timeout": (1, 600),
    "ramp-up": (0, 600),
    "think": (0, 600),
    "tabs-per-context": (1, 50),
    "rounds": (0, 20),
}
# A page not drawn in this time counts as an error. On a small machine the browser driving every session is the
# slowest part (it spends several times the server's CPU), so this is generous: slow pages show in the percentiles.
PAGE_TIMEOUT_S = 120.0


def bounded(name: str, kind: type = int):
    low, high = LIMITS[name]

    def parse(raw: str) -> float:
        value = kind(raw)
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"--{name} must be between {low} and {high}")
        return value

    return parse


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cityiso loadtest", description=loadtest.__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=bounded("sessions"), default=20, help="concurrent browser sessions")
    parser.add_argument("--seconds", type=bounded("seconds"), default=60, help="how long sessions keep clicking")
    parser.add_argument("--rebuilds", type=bounded("rebuilds"), default=2, help="database rebuilds during the run")
    parser.add_argument("--port", type=bounded("port"), help="port on 127.0.0.1 (default: a free one)")
    parser.add_argument(
        "--page-timeout", type=bounded("page-timeout", float), default=PAGE_TIMEOUT_S, help="seconds a page may take"
    )
    parser.add_argument(
        "--ramp-up",
        type=bounded("ramp-up", float),
        default=30.0,
        help="seconds over which sessions start (at most half the run)",
    )
    parser.add_argument(
        "--think", type=bounded("think", float), default=10.0, help="seconds a viewer looks at a page (0.5-1.5x)"
    )
    parser.add_argument(
        "--tabs-per-context", type=bounded("tabs-per-context"), default=5, help="sessions sharing a browser context"
    )
    parser.add_argument(
        "--rounds",
        type=bounded("rounds"),
        default=0,
        help="every session visits every page at least this many times, past --seconds if need be",
    )
    parser.add_argument("--json", type=Path, help="write the report, with every load, to this file")
    args = parser.parse_args(argv)
    import playwright.async_api  # noqa: F401  the loadtest extra: missing, it is named before anything is built

    if not Path(CHROMIUM).exists():
        print(f"no Chromium at {CHROMIUM}: apt-get install chromium (or set CITYISO_CHROMIUM)", file=sys.stderr)
        return 3
    # A TERM stops the run like Ctrl+C does, so the server is stopped below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    load_before = os.getloadavg()[0]  # the machine may be shared: say how busy it was
    with tempfile.TemporaryDirectory(prefix="cityiso-load-") as tmp:
        work = Path(tmp)
        served = work / "served.duckdb"
        os.replace(build_package(work, "initial", 0), served)
        base_documents, place = facts(served)
        port = args.port or free_port()
        started = time.monotonic()
        server = start_server(served, port, work / "streamlit.log")
        startup_s = time.monotonic() - started
        try:
            run = Run(f"http://127.0.0.1:{port}", args.seconds, place, args.page_timeout, args.rounds)
            usage = asyncio.run(drive(run, args, work, served, server))
            server_peak = peak_rss_mb(server.pid)
            server_log = (work / "streamlit.log").read_text(errors="replace")
        finally:
            stop_server(server)

    report = {
        "config": {
            "sessions": args.sessions,
            "seconds": args.seconds,
            "rebuilds": args.rebuilds,
            "page_timeout_s": args.page_timeout,
            "ramp_up_s": min(args.ramp_up, args.seconds / 2),
            "tabs_per_context": args.tabs_per_context,
            "think_s": args.think,
            "rounds": args.rounds,
            "route": list(ROUTE),
            "cpus": os.cpu_count(),
            "load_average_before": round(load_before, 2),
        },
        "server_startup_s": round(startup_s, 2),
        "warm_up_s": round(usage["warm_up_s"], 1),
        "warm_up_loads": len(run.warm_up),
        **summarise(run, args.sessions, base_documents),
        "server_peak_rss_mb": server_peak and round(server_peak),
        "browser_peak_pss_mb": round(usage.get("browser_mb", 0)),
        "wall_s": round(usage["wall_s"], 1),
        "server_cpu_s": round(usage["server_cpu_s"], 1),
        "browser_cpu_s": round(usage.get("browser_cpu_s", 0), 1),
        "server_cpu_s_per_load": round(usage["server_cpu_s"] / max(1, len(run.loads)), 2),
        "health_p50_ms": milliseconds(percentile(usage["health_s"], 50)),
        "health_p95_ms": milliseconds(percentile(usage["health_s"], 95)),
        "health_max_ms": milliseconds(max(usage["health_s"], default=None)),
        "load_average_after": round(os.getloadavg()[0], 2),
        "server_log_tracebacks": server_log.count("Traceback (most recent call last)"),
    }
    report["passed"] = passed(report) and not report["server_log_tracebacks"]
    print(
        f"{args.sessions} sessions, {args.seconds} s, {args.rebuilds} rebuilds, "
        f"{os.cpu_count()} CPUs (load average {load_before:.1f} before); server started in {startup_s:.1f} s; "
        f"warm-up ({', '.join(WARM_UP)} once per browser context) {report['warm_up_s']} s"
    )
    print(table(report))
    print(
        f"errors: {len(report['errors'])} {report['error_kinds'] or ''}; requests off 127.0.0.1: "
        f"{report['count_outside_requests']}; server log tracebacks: {report['server_log_tracebacks']}; "
        f"peak memory: server {report['server_peak_rss_mb']} MB (RSS), browser {report['browser_peak_pss_mb']} MB (PSS)"
    )
    print(
        f"CPU over {report['wall_s']} s: server {report['server_cpu_s']} s ({report['server_cpu_s_per_load']} s per "
        f"page load), browser {report['browser_cpu_s']} s; /_stcore/health answered in {report['health_p50_ms']} ms "
        f"(p50), {report['health_p95_ms']} ms (p95), {report['health_max_ms']} ms (max); "
        f"load average {report['config']['load_average_before']} before, {report['load_average_after']} after"
    )
    for error in report["errors"][:10]:
        print(f"  session {error['session']} {error['page']} ({error['how']}): {error['error']}: {error['detail']}")
    if args.json:
        loads = [dataclasses.asdict(x) for x in [*run.warm_up, *run.loads]]
        args.json.write_text(json.dumps({**report, "loads": loads}, indent=2, ensure_ascii=False), encoding="utf-8")
    print("PASSED" if report["passed"] else "FAILED")
    return 0 if report["passed"] else 1
