"""The sessions of a load run: headless Chromium tabs, each its own Streamlit session, clicking round the pages while
the database is rebuilt and moved onto the served path; the browser's and the server's use sampled meanwhile.
playwright (the loadtest extra) is imported only inside the functions that drive a browser."""

import argparse
import asyncio
import contextlib
import dataclasses
import json
import os
import random
import threading
import time
import urllib.request
from pathlib import Path

from cityiso.labels import t
from cityiso.loadtest.data import build_package, facts
from cityiso.loadtest.pages import DOCUMENTS, PAGES, READY_JS, ROUTE, STATE_JS, WARM_UP, Page, how_next
from cityiso.server import cpu_seconds, descendants, tree_pss_mb

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
    """One rebuild: when its database replaced the served one, how long the build took, its count of documents."""

    number: int
    replaced_s: float | None = None
    build_seconds: float | None = None
    documents: int | None = None


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
            how = "url" if load.error else how_next(route, position)  # after an error, a fresh visit
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
    baseline = await asyncio.to_thread(lambda: cpu_seconds(descendants(os.getpid(), exclude=server_pgid)))

    def sample() -> None:
        browser = descendants(os.getpid(), exclude=server_pgid)
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
