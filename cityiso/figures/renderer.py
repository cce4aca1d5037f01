"""Kaleido's browser in a thread of its own, drawing one figure at a time in one tab that it reuses.

Kaleido reloads its tab after every image (Plotly's code read and compiled again): that reload took about half of
each image's 0.2-0.25 s here, and a deck's thumbnails or a PPTX draw eight or more in a row. Kaleido's page makes a
new plot element for every figure and purges it afterwards, so a figure drawn after others comes out the same
(tests/test_chart_images.py compares the bytes); the tab is still reloaded every RELOAD_EVERY images, to bound what
a long-lived tab may keep, and before the next image after one that failed.

The two methods this overrides are Kaleido's own (`_get_kaleido_tab`, `_return_kaleido_tab`, kaleido 1.5.0 pinned in
constraints.txt); tests/test_chart_images.py fails if they stop being called."""

import asyncio
import atexit
import concurrent.futures
import logging
import threading

import kaleido
from kaleido import PageGenerator

RELOAD_EVERY = 50  # images a tab draws between reloads
CLOSE_WAIT_S = 5.0  # at exit, how long the browser may take to close before the process leaves it

log = logging.getLogger(__name__)


class _ReusedTab(kaleido.Kaleido):
    """Kaleido with one tab, reloaded only every RELOAD_EVERY images and after an image that failed."""

    def __init__(self, page_generator: PageGenerator) -> None:
        super().__init__(n=1, page_generator=page_generator)
        self.since_reload = 0
        self.reload_next = False
        self.reloads = 0  # how often the tab was reloaded (for tests)

    async def _get_kaleido_tab(self):
        tab = await super()._get_kaleido_tab()
        if self.reload_next or self.since_reload >= RELOAD_EVERY:
            await tab.reload()
            self.reloads += 1
            self.reload_next, self.since_reload = False, 0
        self.since_reload += 1
        return tab

    async def _return_kaleido_tab(self, tab) -> None:
        await self.tabs_ready.put(tab)  # no reload here: Kaleido's own reloads after every image

    async def draw(self, figure: dict, opts: dict) -> bytes:
        try:
            return await self.calc_fig(figure, opts=opts)
        except Exception:
            self.reload_next = True  # a failed image may leave the page in a state the next must not inherit
            raise


class Renderer:
    """The browser, started in a thread of its own when this is made; `submit` hands it a figure and returns a
    future of its image. `alive()` is False once the thread has ended (the browser could not start, or crashed)."""

    def __init__(self, page_generator: PageGenerator) -> None:
        self._loop = asyncio.new_event_loop()
        self._open = threading.Event()
        self._stop: asyncio.Event | None = None
        self._kaleido: _ReusedTab | None = None
        self._thread = threading.Thread(target=self._run, args=(page_generator,), name="cityiso-kaleido", daemon=True)
        self._thread.start()
        atexit.register(self.close)

    def _run(self, page_generator: PageGenerator) -> None:
        try:
            self._loop.run_until_complete(self._serve(page_generator))
        except BaseException as exc:  # the browser did not start or died: alive() says so to whoever waits
            log.warning("the image browser stopped: %s: %s", type(exc).__name__, exc)

    async def _serve(self, page_generator: PageGenerator) -> None:
        self._stop = asyncio.Event()
        async with _ReusedTab(page_generator) as k:
            self._kaleido = k
            self._open.set()
            await self._stop.wait()

    def alive(self) -> bool:
        return self._thread.is_alive()

    @property
    def reloads(self) -> int:
        return self._kaleido.reloads if self._kaleido else 0

    def wait_open(self, timeout_s: float) -> bool:
        """Whether the browser is open, waiting up to `timeout_s` while the thread lives."""
        step = 0.05
        waited = 0.0
        while not self._open.wait(step):
            waited += step
            if not self.alive() or waited >= timeout_s:
                return False
        return True

    def submit(self, figure: dict, opts: dict) -> concurrent.futures.Future:
        """The image of `figure` (a figure's dict) with Kaleido's options (format, width, height, scale), to come."""
        if self._kaleido is None:
            raise RuntimeError("the browser is not open")
        return asyncio.run_coroutine_threadsafe(self._kaleido.draw(figure, opts), self._loop)

    def close(self) -> None:
        """Close the browser (at exit): a browser that hangs is left after CLOSE_WAIT_S rather than waited for."""
        if self._stop is not None and self.alive():
            self._loop.call_soon_threadsafe(self._stop.set)
            self._thread.join(CLOSE_WAIT_S)
