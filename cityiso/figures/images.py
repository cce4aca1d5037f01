"""Static chart images through Kaleido and a local Chrome or Chromium; a plain message where there is none."""

import os
import shutil
import threading
import time
import warnings
from pathlib import Path

import plotly.graph_objects as go

from cityiso.figures.common import with_title_and_source

CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
NO_BROWSER = (
    "Image export needs Chrome or Chromium, and none was found (looked at $BROWSER_PATH, {candidates} and PATH). "
    "On Debian or Ubuntu: apt-get install chromium. Everything else in cityiso works without it."
)

_lock = threading.Lock()
_server_started = False
# Kaleido's server renders one figure at a time: two renders in flight at once get each other's images, so every
# render from every thread (each session runs in its own) takes this lock.
_render_lock = threading.Lock()


def _page_generator():
    """Kaleido's page, with no margin around a printed page: Kaleido prints a PDF with 0.1 inch margins on a page
    of the figure's own size, so the figure came out shifted by 0.1 inch and its last 0.2 inch at the right and at
    the foot were cut (the legend's last row, the x axis's title); CSS page margins win over the print margins."""
    from kaleido import PageGenerator

    class NoMargin(PageGenerator):
        header = PageGenerator.header + "<style>@page { margin: 0 }</style>\n"  # the header ends inside <head>

    return NoMargin()


class ExportUnavailable(RuntimeError):
    """No browser to render static images with, or the browser failed."""


def find_browser() -> str | None:
    """The Chrome/Chromium Kaleido should use: $BROWSER_PATH, Debian's chromium, or one on PATH."""
    for candidate in (os.environ.get("BROWSER_PATH"), *CANDIDATES):
        if candidate and Path(candidate).is_file():
            return candidate
    return shutil.which("chromium") or shutil.which("google-chrome")


def _ensure_server() -> None:
    """Point Kaleido at the browser and start its render server once per process (later images take ~0.5 s)."""
    global _server_started
    browser = find_browser()
    if browser is None:
        raise ExportUnavailable(NO_BROWSER.format(candidates=", ".join(CANDIDATES)))
    with _lock:
        if _server_started:
            return
        os.environ["BROWSER_PATH"] = browser
        import kaleido

        try:
            kaleido.start_sync_server(page_generator=_page_generator(), silence_warnings=True)
        except Exception as exc:  # a broken or missing browser surfaces here
            raise ExportUnavailable(f"Chromium at {browser} could not start for image export: {exc}") from exc
        _server_started = True


# A render that has not answered after this long never will: Kaleido's server waits for ever on a browser that died
# at its start (a Chromium that crashes or hangs), and so would every session asking for an image after it.
RENDER_TIMEOUT_S = 60.0
_stalled: str | None = None  # why image export stopped in this process (a render that never answered), else None


def _renderer_alive() -> bool:
    """Whether Kaleido's render thread still runs: it ends when its browser cannot start or dies, and a render asked
    of it then waits for ever (a Kaleido without that thread is given the benefit of the doubt)."""
    import kaleido

    thread = getattr(getattr(kaleido, "_global_server", None), "_thread", None)
    return thread is None or thread.is_alive()


def image_bytes(
    fig: go.Figure,
    fmt: str,
    width: int | None = None,
    height: int | None = None,
    scale: float = 1,
    titled: bool = False,
    timeout_s: float | None = None,
) -> bytes:
    """The figure as PNG, SVG or PDF bytes. `titled`: a file of its own (a chart saved from the deck), so a slide's
    figure gets back its title and source line with the date of the data (with_title_and_source); a slide
    (PPTX, PDF) shows them apart from the chart and asks for none. A render that does not answer within
    `timeout_s` (RENDER_TIMEOUT_S) raises ExportUnavailable, and so does every later one in this process at once."""
    global _stalled
    if titled:
        fig = with_title_and_source(fig)
    _ensure_server()
    timeout_s = RENDER_TIMEOUT_S if timeout_s is None else timeout_s
    if not _render_lock.acquire(timeout=timeout_s):
        raise ExportUnavailable(f"image export is busy: no render finished within {timeout_s:g} s")
    try:
        if _stalled:
            raise ExportUnavailable(_stalled)
        done: dict = {}

        def render() -> None:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")  # Kaleido warns that per-call options are ignored by its server
                    done["image"] = fig.to_image(format=fmt, width=width, height=height, scale=scale)
            except Exception as exc:
                done["error"] = exc

        worker = threading.Thread(target=render, name="cityiso-image", daemon=True)
        worker.start()
        deadline = time.monotonic() + timeout_s
        while worker.is_alive() and time.monotonic() < deadline and _renderer_alive():
            worker.join(0.1)
        if worker.is_alive():
            _stalled = (
                f"Chromium did not answer within {timeout_s:g} s: image export is off until the app restarts"
                if _renderer_alive()
                else "Chromium stopped (it could not start or crashed): image export is off until the app restarts"
            )
            raise ExportUnavailable(_stalled)
        if "error" in done:
            raise ExportUnavailable(f"image export failed: {done['error']}") from done["error"]
        return done["image"]
    finally:
        _render_lock.release()
