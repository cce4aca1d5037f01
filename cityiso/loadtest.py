"""`python -m cityiso.loadtest`: real browser sessions click through every page while the database is rebuilt.

Builds the fixture package (tests/fixture_package.py) into a temporary folder, serves it on 127.0.0.1 the way
./run start does (its own process group, stopped at the end whatever happens) and drives N headless Chromium tabs,
each its own Streamlit session, round the pages until --seconds have passed and it has gone --rounds times round:
a fresh visit by URL, then the sidebar links, a look at each page (--think) before the next click; viewers arrive
over --ramp-up. Meanwhile it
rebuilds the database --rebuilds times, each rebuild adding a source document (so the source line under every
chart counts one more), and moves each build onto the served path with os.replace. A session that has not seen
the last rebuild's data takes one last look after the deadline.

It reports page loads, errors (an exception or error message on the page, a traceback, a failed navigation, a
JavaScript error, a page not drawn within --page-timeout), how many sessions saw each rebuild's data, page times
from the navigation to the heading shown and to the charts drawn, the server's and the browser's CPU and memory,
and how fast /_stcore/health answered. Exit status 0 when there were no errors and every session saw every
rebuild, 1 otherwise, 3 without Chromium.

    python -m cityiso.loadtest [--sessions 20] [--seconds 60] [--rebuilds 2] [--rounds 0] [--port P] [--json PATH]
"""

import argparse
import asyncio
import contextlib
import dataclasses
import json
import math
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import duckdb

from cityiso import queries
from cityiso.labels import t
from cityiso.paths import ROOT

CHROMIUM = os.environ.get("CITYISO_CHROMIUM", "/usr/bin/chromium")
# Anything but loopback resolves to nothing: a page that tried to call out could not.
BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
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
# Pages whose scripts a browser context compiles and caches before the clock starts (Plotly, the data grid, the
# code block, the slide layout).
WARM_UP = ("cycles", "sources", "presentation")


@dataclasses.dataclass(frozen=True)
class Page:
    """A page of the app: its URL path, the label key of its heading, and how many charts it draws on the fixture."""

    name: str
    path: str
    title_key: str | None  # None: the heading is the first office's label (the office profile)
    charts: int
    counts: bool = True  # the page names the number of source documents (under its charts or in the citation)


PAGES = {
    p.name: p
    for p in (
        Page("overview", "", "overview.title", 6),  # the map, activity by year, four trends
        Page("cycles", "cycles", "cycles.title", 1),
        Page("praised", "praised", "praised.title", 3),
        Page("compare", "compare", "compare.title", 3),
        Page("city", "city", None, 1),
        Page("sources", "sources", "sources.title", 0),
        Page("presentation", "presentation", "present.title", 0, counts=False),
    )
}
# The order a session clicks through the sidebar, round and round. Moving by the sidebar straight from one page with
# the offices filter to another loses the selection (see README, "Load test"): a defect of the pages, not of serving
# under load. So filter pages alternate with the others, and a session goes from presentation round to cycles by
# a fresh visit to the URL.
FILTER_PAGES = frozenset({"cycles", "praised", "compare", "presentation"})
ROUTE = ("cycles", "overview", "praised", "city", "compare", "sources", "presentation")

# The source line under every chart and the citation on the sources page name the number of documents.
# "1 dokument źródłowy", "3 dokumenty źródłowe", "5 dokumentów źródłowych"; "1 source document", "5 source documents".
# \S: JavaScript's \w is ASCII; \s*: a wrapped source line's parts join in the SVG's text without a space.
DOCUMENTS = re.compile(r"(\d+)\s*(?:dokument\S*?\s*źródłow\S*|source\s*documents?)")

# Resolves to {ok: true, text} when the page's script run has finished with its heading shown and, when asked,
# its charts drawn (each with its source line, Plotly's last stroke) and the count of documents shown; to {error}
# as soon as Streamlit shows an exception or an error message; false keeps waiting.
READY_JS = """(exp) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app) return false;
  const exception = document.querySelector('[data-testid="stException"]');
  if (exception) return {error: 'exception', detail: exception.innerText.slice(0, 300)};
  const alert = document.querySelector('[data-testid="stAlertContentError"]');
  if (alert) return {error: 'error message', detail: alert.innerText.slice(0, 300)};
  if (app.dataset.testScriptState !== 'notRunning') return false;
  if (location.pathname.replace(/\\/$/, '') !== exp.pathname) return false;
  if (document.querySelector('[data-stale="true"]')) return false;
  const main = document.querySelector('[data-testid="stMain"]');
  const h1 = main && main.querySelector('h1');
  if (!h1 || h1.innerText.trim() !== exp.title) return false;
  const drawn = [...main.querySelectorAll('.js-plotly-plot')].filter(p => p.textContent.includes('cityiso'));
  if (drawn.length < exp.charts) return false;
  if (exp.counts && !/\\d+\\s*(dokument\\S*?\\s*źródłow\\S*|source\\s*documents?)/.test(main.textContent)) return false;
  return {ok: true, text: main.textContent};
}"""
# What a page shows when it did not get ready in time, for the error's detail.
STATE_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  const main = document.querySelector('[data-testid="stMain"]');
  return {
    href: location.href,
    script: app && app.dataset.testScriptState,
    connection: app && app.dataset.testConnectionState,
    h1: main && main.querySelector('h1') ? main.querySelector('h1').innerText : null,
    charts: document.querySelectorAll('.js-plotly-plot').length,
    drawn: [...document.querySelectorAll('.js-plotly-plot')].filter(p => p.textContent.includes('cityiso')).length,
    stale: document.querySelectorAll('[data-stale="true"]').length,
    skeletons: document.querySelectorAll('[data-testid="stSkeleton"]').length,
    alerts: [...document.querySelectorAll('[data-testid="stAlertContainer"]')].map(a => a.innerText.slice(0, 120)),
  };
}"""


@dataclasses.dataclass
class Load:
    """One page load: which session, page and language, how it was reached, when, how long, and what it showed."""

    session: int
    page: str
    lang: str
    how: str  # "url" (a fresh visit) or "sidebar" (a click in the same session)
    started_s: float
    seconds: float | None = None  # until the heading and the charts were drawn
    script_seconds: float | None = None  # until the script run had finished and the heading was shown
    documents: int | None = None
    error: str | None = None
    detail: str | None = None
    final: bool = False  # the last look after the deadline, for a session that had not seen the last rebuild


@dataclasses.dataclass
class Rebuild:
    number: int
    replaced_s: float | None = None
    build_seconds: float | None = None
    documents: int | None = None


# --- The data ----------------------------------------------------------------------------------------------------


def _fixture():
    """tests/fixture_package.py, which lives beside this package in the checkout."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from tests.fixture_package import write_package

    return write_package


def added_documents(count: int):
    """An edit for write_package: `count` more source documents, "Wydanie 1" ... (each one more in the source line)."""

    def edit(rows: dict[str, list[dict]], documents: dict[str, str]) -> None:
        for i in range(1, count + 1):
            documents[f"wydanie_{i}.txt"] = f"Wydanie {i} komunikatu o certyfikacji ISO w Urzędzie Miasta Testowo."
            rows["sources"].append(
                dict(
                    source_id=f"wydanie-{i}",
                    kind="document",
                    file=f"wydanie_{i}.txt",
                    title=f"Wydanie {i}",
                    publisher="Urząd Miasta Testowo",
                    publisher_type="office",
                    office_id="testowo",
                    language="pl",
                    is_truncated="false",
                )
            )

    return edit


def build_package(work: Path, name: str, extra_documents: int) -> Path:
    """The fixture package with `extra_documents` added, built into work/name.duckdb (raises on any problem)."""
    from cityiso.build import build

    data = _fixture()(work / name, added_documents(extra_documents) if extra_documents else None)
    out = work / f"{name}.duckdb"
    problems = build(data, out)
    if problems:
        raise RuntimeError("the fixture package did not build:\n" + "\n".join(map(str, problems)))
    return out


def facts(db: Path) -> tuple[int, str]:
    """The number of source documents and the heading the office profile shows first: the first office's label,
    as the app names it (its place, with the office's name where two offices share the place)."""
    with duckdb.connect(str(db), read_only=True) as con:
        documents = int(queries.run(con, "data_info").iloc[0]["count_documents"])
        heading = str(queries.run(con, "offices_overview", family=None).iloc[0]["office_label"])
    return documents, heading


# --- The server --------------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int, log: Path) -> subprocess.Popen:
    """The dashboard on 127.0.0.1:port serving db, in its own process group, started as ./run start does."""
    with log.open("w") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "cityiso.app.serve",
                "--server.headless=true",
                f"--server.port={port}",
                "--server.address=127.0.0.1",
                "--server.fileWatcherType=none",
            ],
            cwd=ROOT,
            env={**os.environ, "CITYISO_DB": str(db)},
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the dashboard exited ({proc.returncode}):\n{log.read_text()[-2000:]}")
        try:
            if urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2).read() == b"ok":
                return proc
        except OSError:
            time.sleep(0.3)
    stop_server(proc)
    raise RuntimeError(f"the dashboard did not answer /_stcore/health within 60 s:\n{log.read_text()[-2000:]}")


def stop_server(proc: subprocess.Popen) -> None:
    """Stop the server's own process group: TERM, then KILL after 20 s."""
    if proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


def peak_rss_mb(pid: int) -> float | None:
    """A live process's peak resident memory (VmHWM), in MB."""
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return None


def _descendants(root: int, exclude: int | None) -> list[int]:
    """Every process descending from root, except those of the process group `exclude`."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) != exclude:
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], list(children.get(root, []))
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found


def tree_pss_mb(root: int, exclude: int | None = None) -> float:
    """Proportional memory (PSS: shared pages divided among their users) of root's descendants, in MB."""
    total_kb = 0
    for pid in _descendants(root, exclude):
        with contextlib.suppress(OSError, ValueError):
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total_kb += int(line.split()[1])
    return total_kb / 1024


def cpu_seconds(pids: list[int]) -> dict[int, float]:
    """User plus system CPU time of each live process, in seconds."""
    ticks = os.sysconf("SC_CLK_TCK")
    found = {}
    for pid in pids:
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            found[pid] = (int(fields[11]) + int(fields[12])) / ticks
    return found


# --- The sessions ------------------------------------------------------------------------------------------------


class Run:
    """Shared state of one load run: the clock, the deadline, the loads recorded and the rebuilds made."""

    def __init__(self, base: str, seconds: float, place: str, page_timeout: float, rounds: int = 0) -> None:
        self.base = base
        self.t0 = time.monotonic()
        self.deadline = self.t0 + seconds
        self.place = place
        self.page_timeout = page_timeout
        self.rounds = rounds  # every session goes round the whole route at least this often, however long it takes
        self.loads: list[Load] = []
        self.warm_up: list[Load] = []
        self.outside: list[str] = []
        self.rebuilds: list[Rebuild] = []
        self.all_rebuilt = asyncio.Event()

    def now(self) -> float:
        return time.monotonic() - self.t0

    def expected(self, page: Page, lang: str) -> dict:
        title = t(page.title_key, lang) if page.title_key else self.place
        return {
            "title": title,
            "charts": page.charts,
            "counts": page.counts,
            "pathname": f"/{page.path}" if page.path else "",
        }


async def visit(run: Run, tab, session: int, page: Page, lang: str, how: str) -> Load:
    """Open a page (by its URL or its sidebar link) and wait until it is drawn; record what happened."""
    from playwright.async_api import Error as PlaywrightError
    from playwright.async_api import TimeoutError as PlaywrightTimeout

    load = Load(session, page.name, lang, how, round(run.now(), 3))
    started = time.monotonic()
    timeout_ms = run.page_timeout * 1000
    try:
        if how == "url":
            response = await tab.goto(f"{run.base}/{page.path}?lang={lang}", timeout=timeout_ms)
            if response is None or not response.ok:
                load.error, load.detail = "navigation", f"HTTP {response.status if response else 'no response'}"
                return load
        else:
            link = tab.locator(f'[data-testid="stSidebarNavLink"][href="{run.base}/{page.path}"]')
            await link.click(timeout=timeout_ms)
        expected = run.expected(page, lang)
        result = None
        # First the script run finished with the page's heading (the server's part and the page's text), then,
        # where the page has them, the charts drawn and the count of documents shown (mostly the browser's part).
        first = {**expected, "charts": 0, "counts": False}
        for stage in (first, expected) if page.charts or page.counts else (first,):
            remaining = max(1.0, timeout_ms - (time.monotonic() - started) * 1000)
            handle = await tab.wait_for_function(READY_JS, arg=stage, timeout=remaining, polling=200)
            result = await handle.json_value()
            if load.script_seconds is None:
                load.script_seconds = round(time.monotonic() - started, 3)
            if "error" in result:
                break
        load.seconds = round(time.monotonic() - started, 3)
        if "error" in result:
            load.error, load.detail = result["error"], result.get("detail")
        elif "Traceback (most recent call last)" in result["text"]:
            load.error, load.detail = "traceback", result["text"][:300]
        else:
            found = DOCUMENTS.search(result["text"])
            load.documents = int(found.group(1)) if found else None
    except PlaywrightTimeout:
        load.error = "timeout"
        with contextlib.suppress(PlaywrightError):
            load.detail = json.dumps(await tab.evaluate(STATE_JS), ensure_ascii=False)
    except PlaywrightError as exc:
        load.error, load.detail = "navigation", str(exc).splitlines()[0][:300]
    return load


async def session(run: Run, context, number: int, delay: float, think: float) -> None:
    """One viewer (its own tab, so its own Streamlit session): a fresh visit to a page by its URL, then the sidebar
    to the next one, and the next, until the deadline."""
    # Half the sessions walk the route backwards; both directions in both languages from four sessions on; the
    # sessions start at different pages, so that every page is visited both ways even when each session manages
    # only a few pages.
    route = ROUTE if number % 2 == 0 else ROUTE[::-1]
    lang = ("pl", "en")[(number + number // 2) % 2]
    position = number // 2 % len(route)
    pause = random.Random(number)
    await asyncio.sleep(delay)  # viewers arrive over the ramp-up, not all in one millisecond
    tab = await context.new_page()
    try:
        tab.on("request", lambda r: _note_outside(run, r.url))
        js_errors: list[str] = []
        tab.on("pageerror", lambda e: js_errors.append(str(e)[:300]))
        how = "url"
        visits = 0
        while time.monotonic() < run.deadline or visits < run.rounds * len(route):
            load = await _visit_next(run, tab, number, route, position, lang, js_errors, how)
            how = "url" if load.error else _how_next(route, position)  # after an error, a fresh visit
            position = (position + 1) % len(route)
            visits += 1
            # A viewer looks at a page before the next click (0.5 to 1.5 times --think); not part of any page time.
            await asyncio.sleep(min(think * pause.uniform(0.5, 1.5), max(0.0, run.deadline - time.monotonic())))
        # One last look, by URL, for a session that has not yet seen the last rebuild's data.
        await run.all_rebuilt.wait()
        latest = run.rebuilds[-1].documents if run.rebuilds else None
        mine = [x for x in run.loads if x.session == number and x.documents is not None]
        if latest is not None and not any(x.documents >= latest for x in mine):
            if not PAGES[route[position]].counts:  # the presentation page does not show the count of documents
                position = (position + 1) % len(route)
            await _visit_next(run, tab, number, route, position, lang, js_errors, "url", final=True)
    finally:
        await tab.close()


def _how_next(route: tuple, position: int) -> str:
    """How to reach the page after route[position]: the sidebar, unless both pages have the offices filter."""
    following = route[(position + 1) % len(route)]
    return "url" if {route[position], following} <= FILTER_PAGES else "sidebar"


async def _visit_next(
    run: Run,
    tab,
    number: int,
    route: tuple,
    position: int,
    lang: str,
    js_errors: list[str],
    how: str,
    final: bool = False,
) -> Load:
    load = await visit(run, tab, number, PAGES[route[position]], lang, how)
    load.final = final
    if js_errors and not load.error:
        load.error, load.detail = "javascript", js_errors[0]
    js_errors.clear()
    run.loads.append(load)
    return load


def _note_outside(run: Run, url: str) -> None:
    from urllib.parse import urlparse

    host = urlparse(url).hostname or url.split(":")[0]
    if host not in ("127.0.0.1", "data", "blob"):
        run.outside.append(url[:200])


async def rebuilder(run: Run, work: Path, served: Path, rebuilds: int, seconds: float) -> None:
    """Rebuild the database `rebuilds` times, evenly spread over the run, each build moved onto the served path."""
    for number in range(1, rebuilds + 1):
        await asyncio.sleep(max(0.0, run.t0 + seconds * number / (rebuilds + 1) - time.monotonic()))
        rebuild = Rebuild(number)
        started = time.monotonic()
        built = await asyncio.to_thread(build_package, work, f"rebuild-{number}", number)
        rebuild.build_seconds = round(time.monotonic() - started, 3)
        rebuild.documents = (await asyncio.to_thread(facts, built))[0]
        os.replace(built, served)  # atomic: a viewer gets the old file or the new one, never a mix
        rebuild.replaced_s = round(run.now(), 3)
        run.rebuilds.append(rebuild)
    run.all_rebuilt.set()


async def sampler(run: Run, server_pgid: int, usage: dict) -> None:
    """The browser's memory and CPU time (every process this command started, less the server), every 2 s; read
    in a thread, as reading /proc for a few dozen browser processes would hold up the sessions' event loop."""
    cpu: dict[int, float] = {}
    # The warm-up's share is not counted.
    baseline = await asyncio.to_thread(lambda: cpu_seconds(_descendants(os.getpid(), exclude=server_pgid)))

    def sample() -> None:
        browser = _descendants(os.getpid(), exclude=server_pgid)
        usage["browser_mb"] = max(usage.get("browser_mb", 0.0), tree_pss_mb(os.getpid(), exclude=server_pgid))
        cpu.update(cpu_seconds(browser))  # a process that exits keeps its last reading
        usage["browser_cpu_s"] = sum(cpu.values()) - sum(baseline.get(pid, 0.0) for pid in cpu)

    while True:
        await asyncio.to_thread(sample)
        await asyncio.sleep(2)


def probe_health(base: str, stop: threading.Event, latencies: list[float]) -> None:
    """Ask /_stcore/health once a second: how long the server itself takes to answer, whatever the browser does."""
    while not stop.is_set():
        started = time.monotonic()
        try:
            urllib.request.urlopen(f"{base}/_stcore/health", timeout=30).read()
            latencies.append(time.monotonic() - started)
        except OSError:
            latencies.append(float("inf"))
        stop.wait(1.0)


async def warm_up(run: Run, context) -> None:
    """A few visits in a context before the clock starts, as a returning viewer's browser has the app's scripts
    cached. Their loads are reported apart; their errors count."""
    tab = await context.new_page()
    try:
        for name in WARM_UP:
            run.warm_up.append(await visit(run, tab, -1, PAGES[name], "pl", "url"))
    finally:
        await tab.close()


async def drive(run: Run, args: argparse.Namespace, work: Path, served: Path, server) -> dict:
    from playwright.async_api import async_playwright

    sessions, seconds, rebuilds = args.sessions, args.seconds, args.rebuilds
    usage: dict = {}
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, headless=True, args=BROWSER_ARGS)
        try:
            # Tabs of one context share its HTTP and code cache: the browser compiles Streamlit's and Plotly's
            # JavaScript once per context, not once per viewer (the server sees one session per tab either way).
            contexts = [
                await browser.new_context(viewport={"width": 1400, "height": 900})
                for _ in range(-(-sessions // args.tabs_per_context))
            ]
            started = time.monotonic()
            await asyncio.gather(*(warm_up(run, context) for context in contexts))
            usage["warm_up_s"] = time.monotonic() - started
            ramp = min(args.ramp_up, seconds / 2)
            run.t0 = time.monotonic()
            run.deadline = run.t0 + seconds
            server_cpu = cpu_seconds([server.pid])[server.pid]
            sampling = asyncio.create_task(sampler(run, server.pid, usage))
            stop = threading.Event()
            usage["health_s"] = []
            prober = threading.Thread(target=probe_health, args=(run.base, stop, usage["health_s"]), daemon=True)
            prober.start()
            tasks = [
                asyncio.create_task(
                    session(run, contexts[i // args.tabs_per_context], i, ramp * i / sessions, args.think)
                )
                for i in range(sessions)
            ]
            tasks.append(asyncio.create_task(rebuilder(run, work, served, rebuilds, seconds)))
            # Every load is bounded by the page timeout: the run ends by the deadline plus two pages (the one under
            # way and the last look), or after the rounds asked for.
            pages = max(2, run.rounds * len(ROUTE) + 1)
            done, pending = await asyncio.wait(tasks, timeout=seconds + pages * (run.page_timeout + args.think) + 60)
            for task in pending:
                task.cancel()
            sampling.cancel()
            stop.set()
            usage["server_cpu_s"] = cpu_seconds([server.pid]).get(server.pid, server_cpu) - server_cpu
            usage["wall_s"] = run.now()
            for task in done:
                if task.exception():
                    raise task.exception()
            if pending:
                raise RuntimeError(f"{len(pending)} task(s) did not finish in time")
        finally:
            await browser.close()
    return usage


# --- The report --------------------------------------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def summarise(run: Run, sessions: int, base_documents: int) -> dict:
    loads = run.loads
    pages = {}
    groups = {name: [x for x in loads if x.page == name] for name in PAGES}
    groups["by URL (a fresh visit)"] = [x for x in loads if x.how == "url"]
    groups["by sidebar link"] = [x for x in loads if x.how == "sidebar"]
    groups["all"] = loads
    for name, mine in groups.items():
        times = [x.seconds for x in mine if x.seconds is not None and not x.error]
        script = [x.script_seconds for x in mine if x.script_seconds is not None and not x.error]
        pages[name] = {
            "loads": len(mine),
            "errors": sum(1 for x in mine if x.error),
            "script_p50_s": percentile(script, 50),
            "script_p95_s": percentile(script, 95),
            "p50_s": percentile(times, 50),
            "p95_s": percentile(times, 95),
            "max_s": max(times, default=None),
        }
    rebuilds = []
    for r in run.rebuilds:
        # A session saw the rebuild when a page showed at least its count of documents (a later rebuild's too). A
        # page asked for after the replace must not show fewer.
        shown = [x for x in loads if x.documents is not None]
        after = [x for x in shown if x.started_s >= r.replaced_s]
        first_seen: dict[int, float] = {}
        for x in sorted(shown, key=lambda x: x.started_s + x.seconds):
            if x.documents >= r.documents and x.session not in first_seen:
                first_seen[x.session] = x.started_s + x.seconds - r.replaced_s
        saw = set(first_seen)
        rebuilds.append(
            {
                "number": r.number,
                "replaced_at_s": r.replaced_s,
                "build_s": r.build_seconds,
                "documents": r.documents,
                "sessions_saw": len(saw),
                "sessions": sessions,
                "older_data_after_replace": sum(1 for x in after if x.documents < r.documents),
                "median_s_to_see": percentile(list(first_seen.values()), 50),
            }
        )
    errors = [dataclasses.asdict(x) for x in [*run.warm_up, *loads] if x.error]
    return {
        "pages": pages,
        "rebuilds": rebuilds,
        "errors": errors,
        "error_kinds": {kind: sum(1 for e in errors if e["error"] == kind) for kind in {e["error"] for e in errors}},
        "outside_requests": run.outside[:20],
        "count_outside_requests": len(run.outside),
        "documents_before": base_documents,
    }


def _ms(seconds: float | None) -> float | None:
    return None if seconds is None else (float("inf") if math.isinf(seconds) else round(seconds * 1000))


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def table(report: dict) -> str:
    lines = [
        "| page | loads | errors | text shown p50 / p95 s | drawn p50 / p95 s | max s |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, row in report["pages"].items():
        label = f"**{name}**" if name == "all" else name
        lines.append(
            f"| {label} | {row['loads']} | {row['errors']} | {_fmt(row['script_p50_s'])} / {_fmt(row['script_p95_s'])} "
            f"| {_fmt(row['p50_s'])} / {_fmt(row['p95_s'])} | {_fmt(row['max_s'])} |"
        )
    lines.append("")
    lines.append(
        "| rebuild | replaced at s | build s | documents | sessions that saw it | median s to see | older data after |"
    )
    lines.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in report["rebuilds"]:
        lines.append(
            f"| {r['number']} | {r['replaced_at_s']:.1f} | {r['build_s']:.2f} | {r['documents']} "
            f"| {r['sessions_saw']}/{r['sessions']} | {_fmt(r['median_s_to_see'])} | {r['older_data_after_replace']} |"
        )
    return "\n".join(lines)


def passed(report: dict) -> bool:
    return (
        not report["errors"]
        and not report["count_outside_requests"]
        and all(r["sessions_saw"] == r["sessions"] for r in report["rebuilds"])
    )


# --- The command -------------------------------------------------------------------------------------------------


def bounded(name: str, kind: type = int):
    low, high = LIMITS[name]

    def parse(raw: str) -> float:
        value = kind(raw)
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"--{name} must be between {low} and {high}")
        return value

    return parse


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cityiso.loadtest", description=__doc__.split("\n\n")[0])
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
        "health_p50_ms": _ms(percentile(usage["health_s"], 50)),
        "health_p95_ms": _ms(percentile(usage["health_s"], 95)),
        "health_max_ms": _ms(max(usage["health_s"], default=None)),
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


if __name__ == "__main__":
    sys.exit(main())
