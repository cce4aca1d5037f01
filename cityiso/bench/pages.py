"""`python -m cityiso.bench pages`: every page of the dashboard in headless Chromium, next to an empty Streamlit
page served the same way, and the server's memory over a session that tries many filters.

Each visit opens a fresh browser context (no cache, a new Streamlit session) and times, in the page's own clock
from the navigation's start, when the script run had finished with the page's heading shown ("script done") and
when the page was drawn: no script running, no running indicator, no skeleton, every Plotly chart drawn, and
that state held for a moment (a rerun that writing the URL requests would break it). The server restarts before
each page: its first visit of each view is *cold* (caches empty), the next ones *warm*. Views: the default, one
voivodeship, one kind of office, one office (where the page takes such a filter). playwright is imported only
inside the functions that drive a browser.

Each visit of a page is paired with a visit of the empty page made just before it, of the same temperature (for a
cold one, on an empty server started just then): the budget is set from the floor of that same moment, not from one
empty-page visit minutes away. It does not cancel the machine's speed: the empty page's time hardly moves with it
while a chart page's does (README, "Pages in a browser")."""

import argparse
import asyncio
import contextlib
import datetime as dt
import itertools
import json
import os
import statistics
import sys
import tempfile
import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import duckdb

from cityiso import queries
from cityiso.bench.budgets import BUDGETS
from cityiso.bench.measure import conditions, synthesize
from cityiso.labels import t
from cityiso.loadtest.pages import PAGES
from cityiso.loadtest.sessions import BROWSER_ARGS, CHROMIUM
from cityiso.queries import DEFAULT_FAMILY, OfficeFilter, findings_filters
from cityiso.server import cpu_seconds, free_port, rss_mb, start_server, stop_server

# The page's URL path (as in cityiso.loadtest.pages) and the filters it takes.
FILTERED = {"overview", "cycles", "praised", "compare", "presentation", "sources"}
WITH_OFFICES = FILTERED - {"sources"}  # the sources page's filter has no offices chosen by name
EMPTY = "empty page"
EMPTY_TITLE = "Empty"
# The drawn state must hold this long (ms) before it counts: a rerun the script's URL writes request starts later.
SETTLE_MS = 300
POLL_MS = 50

# Polled in the page: resolves to {error} on an exception or error message; to the times (performance.now(), ms
# since the navigation started) when the script run was first seen done with a heading, and when the drawn state
# began that then held SETTLE ms; and what the page holds then (elements, charts, heading, notices).
DRAWN_JS = """(exp) => {
  const now = performance.now();
  const b = window.__bench || (window.__bench = {script: null, since: null, count: -1});
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app) return false;
  const exception = document.querySelector('[data-testid="stException"]');
  if (exception) return {error: 'exception', detail: exception.innerText.slice(0, 300)};
  const alert = document.querySelector('[data-testid="stAlertContentError"]');
  if (alert) return {error: 'error message', detail: alert.innerText.slice(0, 300)};
  const main = document.querySelector('[data-testid="stMain"]');
  const h1 = main && main.querySelector('h1');
  const done = app.dataset.testScriptState === 'notRunning' && h1 && h1.innerText.trim() !== ''
    && (exp.title === null || h1.innerText.trim() === exp.title);
  if (!done) { b.since = null; return false; }
  if (b.script === null) b.script = now;
  const charts = [...main.querySelectorAll('[data-testid="stPlotlyChart"]')];
  const drawn = charts.filter(c => c.querySelector('.js-plotly-plot .main-svg'));
  const count = document.getElementsByTagName('*').length;
  const ready = !document.querySelector('[data-testid="stStatusWidget"]')
    && !document.querySelector('[data-testid="stSkeleton"]')
    && !document.querySelector('[data-stale="true"]')
    && drawn.length === charts.length && drawn.length >= exp.charts;
  if (!ready || count !== b.count) { b.since = ready ? now : null; b.count = count; return false; }
  if (now - b.since < exp.settle) return false;
  return {
    script_ms: b.script, drawn_ms: b.since, elements: count, main_elements: main.getElementsByTagName('*').length,
    charts: charts.length, heading: h1.innerText.trim(),
    notices: [...main.querySelectorAll('[data-testid="stAlertContainer"]')].map(a => a.innerText.slice(0, 160)),
  };
}"""


@dataclass(frozen=True)
class View:
    """One page with one filter: its name in the report, the URL path, the query parameters, what it must show."""

    page: str
    variant: str  # default, voivodeship, office kind, office
    path: str
    params: dict
    title: str | None  # None: any heading (the office profile's is the office's place)
    charts: int  # at least this many charts drawn (the default views: as the load test expects)

    def url(self, base: str) -> str:
        return f"{base}/{self.path}?" + urlencode({"lang": "pl", **self.params}, safe=",")


@dataclass
class Visit:
    """One visit: cold or warm, the page's clock, the server's CPU seconds and what the page held."""

    view: str
    variant: str
    temperature: str  # cold: the view's first visit since the server started; warm: a later one
    repetition: int
    drawn_s: float | None = None
    script_s: float | None = None
    server_cpu_s: float | None = None
    elements: int | None = None
    main_elements: int | None = None
    charts: int | None = None
    heading: str | None = None
    notices: list[str] = field(default_factory=list)
    error: str | None = None
    detail: str | None = None
    floor_s: float | None = None  # the paired empty page's drawn time, just before (None: it did not draw)


@dataclass(frozen=True)
class Choices:
    """The filters' values, read from the database measured: the voivodeship and the kind of office with the most
    offices, and the office with the most praised findings (the heaviest profile)."""

    voivodeship: str
    office_kind: str
    office: str
    voivodeships: list[str]
    office_kinds: list[str]
    offices: list[str]  # every office, by its most praised first (for the memory session's distinct views)


def choices(db: Path) -> Choices:
    """The filters' values, by the named queries the pages use."""
    with duckdb.connect(str(db), read_only=True) as con:
        overview = queries.run(con, "offices_overview", family=None)
        praised = queries.run(
            con, "top_praised_offices", **findings_filters(OfficeFilter(), family=DEFAULT_FAMILY), limit=200
        )
    voivodeships = overview["voivodeship"].dropna().value_counts()
    kinds = overview["office_kind"].dropna().value_counts()
    # value_counts breaks ties by order of appearance: sort them by name too, so a run picks the same each time
    by_size = lambda counts: sorted(counts.index, key=lambda k: (-counts[k], k))  # noqa: E731
    ordered = list(dict.fromkeys([*praised["office_id"], *overview["office_id"]]))
    return Choices(
        by_size(voivodeships)[0], by_size(kinds)[0], ordered[0], by_size(voivodeships), by_size(kinds), ordered
    )


def views(c: Choices, pages: list[str] | None = None) -> list[View]:
    """Every page's views: the default, then, where the page takes them, a voivodeship, a kind, an office."""
    found = []
    for name, page in PAGES.items():
        if pages and name not in pages:
            continue
        title = t(page.title_key, "pl") if page.title_key else None
        found.append(View(name, "default", page.path, {}, title, page.charts))
        if name in FILTERED:
            found.append(View(name, "voivodeship", page.path, {"voivodeships": c.voivodeship}, title, 0))
            found.append(View(name, "office kind", page.path, {"office_kinds": c.office_kind}, title, 0))
        if name in WITH_OFFICES:
            found.append(View(name, "office", page.path, {"offices": c.office}, title, 0))
        if name == "office":
            found.append(View(name, "office", page.path, {"office": c.office}, None, 1))
    return found


def memory_views(c: Choices, count: int) -> list[View]:
    """Up to `count` distinct filtered views across the pages: three filtered by voivodeship, kind or both, then an
    office's profile or its praised page (each caches apart), and so on."""
    filters: list[dict] = [{"voivodeships": v} for v in c.voivodeships]
    filters += [{"office_kinds": k} for k in c.office_kinds]
    filters += [{"voivodeships": v, "office_kinds": k} for v in c.voivodeships for k in c.office_kinds]
    pages = ["cycles", "praised", "overview", "compare", "sources", "presentation"]
    filtered = iter(View(p, "filter", PAGES[p].path, f, None, 0) for i, f in enumerate(filters) for p in [pages[i % 6]])
    one_office = iter(
        View(p, "office", PAGES[p].path, {"office" if p == "office" else "offices": o}, None, 0)
        for o in c.offices
        for p in ("office", "praised")
    )
    found: list[View] = []
    for source in itertools.cycle([filtered, filtered, filtered, one_office]):
        if len(found) >= count:
            break
        view = next(source, None) or next(filtered, None) or next(one_office, None)
        if view is None:
            break
        found.append(view)
    return found


def empty_view() -> View:
    return View(EMPTY, "default", "", {}, EMPTY_TITLE, 0)


def start_empty_server(port: int, work: Path) -> "object":
    """An empty Streamlit page (a heading only), served as the dashboard is (same options, same config)."""
    script = work / "empty_page.py"
    script.write_text(f"import streamlit as st\n\nst.title({EMPTY_TITLE!r})\n", encoding="utf-8")
    return start_server(None, port, work / "empty.log", script=script)


async def visit(browser, base: str, view: View, server_pid: int, timeout_s: float, viewport: dict) -> Visit:
    """Open the view in a fresh browser context and wait until it is drawn; the server's CPU seconds meanwhile."""
    from playwright.async_api import Error as PlaywrightError
    from playwright.async_api import TimeoutError as PlaywrightTimeout

    found = Visit(view.page, view.variant, "", 0)
    context = await browser.new_context(viewport=viewport)
    try:
        tab = await context.new_page()
        cpu_before = cpu_seconds([server_pid]).get(server_pid)
        await tab.goto(view.url(base), timeout=timeout_s * 1000)
        exp = {"title": view.title, "charts": view.charts, "settle": SETTLE_MS}
        handle = await tab.wait_for_function(DRAWN_JS, arg=exp, timeout=timeout_s * 1000, polling=POLL_MS)
        result = await handle.json_value()
        cpu_after = cpu_seconds([server_pid]).get(server_pid)
        if "error" in result:
            found.error, found.detail = result["error"], result.get("detail")
        else:
            found.drawn_s = round(result["drawn_ms"] / 1000, 3)
            found.script_s = round(result["script_ms"] / 1000, 3)
            found.elements, found.main_elements = result["elements"], result["main_elements"]
            found.charts, found.heading, found.notices = result["charts"], result["heading"], result["notices"]
        if cpu_before is not None and cpu_after is not None:
            found.server_cpu_s = round(cpu_after - cpu_before, 3)
    except PlaywrightTimeout:
        found.error, found.detail = "timeout", f"not drawn within {timeout_s:g} s"
    except PlaywrightError as exc:
        found.error, found.detail = "navigation", str(exc).splitlines()[0][:300]
    finally:
        with contextlib.suppress(PlaywrightError):
            await context.close()
    return found


async def measure_views(db: Path, work: Path, args: argparse.Namespace, page_views: list[View]) -> list[Visit]:
    """Each repetition: per page a fresh server, then each of its views cold and warm, every visit just after one of
    the empty page of the same temperature (its floor: cold on an empty server started for it, warm on a running one).
    """
    from playwright.async_api import async_playwright

    by_page: dict[str, list[View]] = {}
    for v in page_views:
        by_page.setdefault(v.page, []).append(v)
    visits: list[Visit] = []
    viewport = {"width": 1400, "height": 900}
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, headless=True, args=BROWSER_ARGS)
        floor = _Floor(browser, work, args.page_timeout, viewport)
        try:
            for repetition in range(1, args.repeat + 1):
                for page, page_views_ in by_page.items():
                    print(f"[bench pages] repetition {repetition}: {page} ...", file=sys.stderr, flush=True)
                    port = free_port()
                    server = start_server(db, port, work / "s.log")
                    try:
                        for view in page_views_:
                            for temperature in ["cold"] + ["warm"] * args.warm:
                                paired = await floor.visit(temperature, repetition)
                                found = await visit(
                                    browser, f"http://127.0.0.1:{port}", view, server.pid, args.page_timeout, viewport
                                )
                                found.temperature, found.repetition = temperature, repetition
                                found.floor_s = paired.drawn_s
                                visits += [paired, found]
                    finally:
                        stop_server(server)
        finally:
            floor.stop()
            await browser.close()
    return visits


class _Floor:
    """The empty page's server: restarted for each cold visit, kept running for the warm ones."""

    def __init__(self, browser, work: Path, timeout_s: float, viewport: dict) -> None:
        self.browser, self.work, self.timeout_s, self.viewport = browser, work, timeout_s, viewport
        self.server, self.port = None, 0

    async def visit(self, temperature: str, repetition: int) -> Visit:
        if temperature == "cold" or self.server is None:
            self.stop()
            self.port = free_port()
            self.server = start_empty_server(self.port, self.work)
        found = await visit(
            self.browser, f"http://127.0.0.1:{self.port}", empty_view(), self.server.pid, self.timeout_s, self.viewport
        )
        found.temperature, found.repetition = temperature, repetition
        return found

    def stop(self) -> None:
        if self.server is not None:
            stop_server(self.server)
            self.server = None


async def memory_session(db: Path, work: Path, args: argparse.Namespace, session_views: list[View]) -> dict:
    """One server, one browser opening `session_views` one after another by their URLs, each in a fresh context
    (a new Streamlit session each, as visitors following links), the server's resident memory sampled every 0.2 s:
    its peak, its start and end, and after each view."""
    from playwright.async_api import async_playwright

    port = free_port()
    server = start_server(db, port, work / "memory.log")
    samples: list[float] = []
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            value = rss_mb(server.pid)
            if value is not None:
                samples.append(value)
            stop.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    after: list[dict] = []
    try:
        start_mb = rss_mb(server.pid)
        sampler.start()
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, headless=True, args=BROWSER_ARGS)
            try:
                for i, view in enumerate(session_views, 1):
                    found = await visit(
                        browser,
                        f"http://127.0.0.1:{port}",
                        view,
                        server.pid,
                        args.page_timeout,
                        {"width": 1400, "height": 900},
                    )
                    print(f"[bench pages] memory view {i}/{len(session_views)}", file=sys.stderr, flush=True)
                    after.append(
                        {
                            "page": view.page,
                            "params": view.params,
                            "rss_mb": round(rss_mb(server.pid) or 0, 1),
                            "drawn_s": found.drawn_s,
                            "error": found.error,
                            "detail": found.detail,
                        }
                    )
            finally:
                await browser.close()
        end_mb = rss_mb(server.pid)
        hwm_mb = peak_mb(server.pid)
    finally:
        stop.set()
        sampler.join(timeout=5)
        stop_server(server)
    peak = max([*samples, hwm_mb or 0])
    return {
        "views": len(session_views),
        "start_rss_mb": start_mb and round(start_mb, 1),
        "end_rss_mb": end_mb and round(end_mb, 1),
        "peak_rss_sampled_mb": round(max(samples), 1) if samples else None,
        "peak_rss_kernel_mb": hwm_mb and round(hwm_mb, 1),  # VmHWM: catches a peak between samples
        "peak_mb": round(peak, 1),
        "count_samples": len(samples),
        "limit_mb": BUDGETS["app_peak_mb"],
        "passed": peak <= BUDGETS["app_peak_mb"] and not any(a["error"] for a in after),
        "after_each_view": after,
    }


def peak_mb(pid: int) -> float | None:
    from cityiso.server import peak_rss_mb

    return peak_rss_mb(pid)


def _median(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return round(statistics.median(known), 3) if known else None


def summarise(visits: list[Visit]) -> dict:
    """Per view and temperature: medians of the visits that drew, each against the budget from the empty page."""
    groups: dict[tuple[str, str, str], list[Visit]] = {}
    for v in visits:
        groups.setdefault((v.view, v.variant, v.temperature), []).append(v)
    rows = []
    for (page, variant, temperature), group in groups.items():
        ok = [v for v in group if v.error is None]
        drawn = [v.drawn_s for v in ok]
        script = [v.script_s for v in ok]
        rows.append(
            {
                "page": page,
                "variant": variant,
                "temperature": temperature,
                "count_visits": len(group),
                "count_errors": len(group) - len(ok),
                "errors": sorted({f"{v.error}: {v.detail}" for v in group if v.error})[:3],
                "drawn_s": _median(drawn),
                "script_s": _median(script),
                "browser_s": _median([d - s for d, s in zip(drawn, script, strict=True)]),
                "server_cpu_s": _median([v.server_cpu_s for v in ok if v.server_cpu_s is not None]),
                "elements": _median([v.elements for v in ok]),
                "charts": _median([v.charts for v in ok]),
            }
        )
    floor = {r["temperature"]: r["drawn_s"] for r in rows if r["page"] == EMPTY}
    for r in rows:
        # The floor of the view's own moments (its visits' paired empty pages); where every paired visit failed,
        # the empty page's median.
        paired = _median([v.floor_s for v in groups[(r["page"], r["variant"], r["temperature"])] if v.error is None])
        empty = floor.get(r["temperature"]) if paired is None or r["page"] == EMPTY else paired
        r["floor_s"] = empty
        r["limit_s"] = (
            None if empty is None else round(BUDGETS["page_warm_over_empty"] * empty + BUDGETS["page_warm_extra_s"], 3)
        )
        r["passed"] = (
            None
            if r["page"] == EMPTY
            else (r["drawn_s"] is not None and r["limit_s"] is not None and r["drawn_s"] <= r["limit_s"])
        )
    return {"floor_s": floor, "views": rows}


def _s(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f} s"


def markdown(result: dict) -> str:
    """The pages table and the memory line, for the terminal and the README."""
    c = result["conditions"]
    load = ", ".join(f"{x:.2f}" for x in c["load_average_at_start"])
    load_end = ", ".join(f"{x:.2f}" for x in c["load_average_at_end"])
    out = [
        f"Measured {c['date']} on {c['cores']} cores, load average {load} at start and {load_end} at the end "
        f"(1, 5, 15 min); {c['database']}; Chromium, a fresh context per visit, {c['viewport']}; "
        f"{c['repeat']} repetition(s), {c['warm']} warm visit(s) each; budget: {BUDGETS['page_warm_over_empty']:g}x "
        f"the floor + {BUDGETS['page_warm_extra_s']:g} s, the floor being the median of the empty page visited just "
        "before each of the view's visits (cold before cold, on an empty server started for it; warm before warm).",
        "",
        "| page | view | cold drawn | warm drawn | warm script done | warm browser | warm server CPU | elements "
        "| charts | floor cold / warm | budget cold / warm |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    rows = {(r["page"], r["variant"], r["temperature"]): r for r in result["pages"]["views"]}
    for page, variant in dict.fromkeys((r["page"], r["variant"]) for r in result["pages"]["views"]):
        cold, warm = rows.get((page, variant, "cold"), {}), rows.get((page, variant, "warm"), {})
        marks = " / ".join(_mark(r) for r in (cold, warm))
        errors = "; ".join([*cold.get("errors", []), *warm.get("errors", [])])
        out.append(
            f"| {page} | {variant} | {_s(cold.get('drawn_s'))} | {_s(warm.get('drawn_s'))} "
            f"| {_s(warm.get('script_s'))} | {_s(warm.get('browser_s'))} | {_s(warm.get('server_cpu_s'))} "
            f"| {_n(warm.get('elements') or cold.get('elements'))} | {_n(warm.get('charts') or cold.get('charts'))} "
            f"| {'' if page == EMPTY else _s(cold.get('floor_s')) + ' / ' + _s(warm.get('floor_s'))} "
            f"| {'' if page == EMPTY else marks}{' (' + errors + ')' if errors else ''} |"
        )
    memory = result.get("memory")
    if memory:
        out += [
            "",
            f"Memory: one server, {memory['views']} distinct filtered views one after another; resident memory "
            f"{memory['start_rss_mb']} MB at the start, peak {memory['peak_mb']} MB (sampled "
            f"{memory['peak_rss_sampled_mb']} MB, kernel's VmHWM {memory['peak_rss_kernel_mb']} MB), "
            f"{memory['end_rss_mb']} MB at the end; budget {memory['limit_mb']:g} MB: "
            f"{'pass' if memory['passed'] else '**FAIL**'}.",
        ]
    failed = [r for r in result["pages"]["views"] if r["passed"] is False]
    judged = [r for r in result["pages"]["views"] if r["passed"] is not None]
    out += ["", f"Pages: {len(judged) - len(failed)} of {len(judged)} figures within budget."]
    return "\n".join(out) + "\n"


def _n(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f}"


def _mark(row: dict) -> str:
    if not row:
        return "–"
    if row["passed"]:
        return "pass"
    return f"**FAIL** (> {row['limit_s']:.2f} s)" if row["limit_s"] is not None else "**FAIL**"


def database(args: argparse.Namespace, work: Path) -> tuple[Path, str]:
    """The database to serve: --db when it exists; else built (into --db, if given) from --data or --synth."""
    from cityiso.data.database import build

    target = args.db or work / "bench.duckdb"
    if args.db and args.db.exists():
        return args.db, f"database {args.db}"
    if args.data:
        data, what = args.data, f"package {args.data}"
    else:
        offices, years = args.synth
        data, what = work / "synth", f"cityiso.synth {offices} offices x {years} years, seed 1"
        print(f"[bench pages] generating {what} ...", file=sys.stderr, flush=True)
        synthesize(offices, years, data, args.build_timeout)
    print(f"[bench pages] building {what} ...", file=sys.stderr, flush=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    problems = build(data, target)
    if problems:
        raise SystemExit(f"the package did not build: {problems[:3]}")
    return target, what


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m cityiso.bench pages", description=__doc__.splitlines()[0])
    parser.add_argument("--synth", metavar="OFFICES,YEARS", default="3000,25", help="package to generate (3000,25)")
    parser.add_argument("--data", type=Path, help="measure this data package instead of a generated one")
    parser.add_argument("--db", type=Path, help="serve this database (built here first when it does not exist)")
    parser.add_argument("--repeat", type=int, default=3, help="repetitions: server starts per page (default 3)")
    parser.add_argument("--warm", type=int, default=1, help="warm visits per view after its cold one (default 1)")
    parser.add_argument("--pages", help="only these pages, comma-separated (default: every page)")
    parser.add_argument("--memory-views", type=int, default=40, help="distinct views in the memory session (40)")
    parser.add_argument("--page-timeout", type=float, default=180, help="seconds a page may take (default 180)")
    parser.add_argument("--build-timeout", type=float, default=900, help="seconds to generate a package (900)")
    parser.add_argument("--json", type=Path, help="write every visit and figure here")
    parser.add_argument("--markdown", type=Path, help="write the tables here too")
    args = parser.parse_args(argv)
    try:
        args.synth = tuple(int(x) for x in args.synth.split(","))
        assert len(args.synth) == 2
    except (ValueError, AssertionError):
        parser.error("--synth takes OFFICES,YEARS, e.g. 3000,25")
    if args.repeat < 1 or args.warm < 1 or args.memory_views < 0:
        parser.error("--repeat and --warm must be at least 1, --memory-views at least 0")
    args.pages = [p for p in (args.pages or "").split(",") if p] or None
    unknown = set(args.pages or []) - set(PAGES)
    if unknown:
        parser.error(f"unknown page(s): {', '.join(sorted(unknown))}; the pages: {', '.join(PAGES)}")
    return args


def main(argv: list[str] | None = None) -> int:

    args = parse(argv)
    if not Path(CHROMIUM).exists():
        print(f"no Chromium at {CHROMIUM}: apt-get install chromium (or set CITYISO_CHROMIUM)", file=sys.stderr)
        return 3
    result: dict = {"conditions": conditions(args.repeat)}
    with tempfile.TemporaryDirectory(prefix="cityiso-bench-pages-") as tmp:
        work = Path(tmp)
        db, what = database(args, work)
        chosen = choices(db)
        page_views = views(chosen, args.pages)
        result["choices"] = {
            "voivodeship": chosen.voivodeship,
            "office_kind": chosen.office_kind,
            "office": chosen.office,
        }
        visits = asyncio.run(measure_views(db, work, args, page_views))
        result["visits"] = [asdict(v) for v in visits]
        result["pages"] = summarise(visits)
        if args.memory_views:
            result["memory"] = asyncio.run(memory_session(db, work, args, memory_views(chosen, args.memory_views)))
    result["conditions"].update(
        {
            "database": what,
            "viewport": "1400x900",
            "warm": args.warm,
            "load_average_at_end": list(os.getloadavg()),
            "finished": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        }
    )
    text = markdown(result)
    print(text)
    for path, content in ((args.json, json.dumps(result, indent=2, ensure_ascii=False) + "\n"), (args.markdown, text)):
        if path:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
