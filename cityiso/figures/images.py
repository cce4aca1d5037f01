"""Static chart images through Kaleido and a local Chrome or Chromium; a plain message where there is none."""

import concurrent.futures
import os
import shutil
import threading
import time
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio

from cityiso.figures.common import with_title_and_source

CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
NO_BROWSER = (
    "Image export needs Chrome or Chromium, and none was found (looked at $BROWSER_PATH, {candidates} and PATH). "
    "On Debian or Ubuntu: apt-get install chromium. Everything else in cityiso works without it."
)

_lock = threading.Lock()
_renderer = None  # the browser that draws (cityiso.figures.renderer.Renderer), started by the first image
# The renderer draws one figure at a time; every render from every thread (each session runs in its own) takes this
# lock, so that one that waits for the browser counts its own timeout from its turn.
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


def _ensure_renderer():
    """Point Kaleido at the browser and start it once per process (about 1.5 s; later images take 0.05-0.1 s)."""
    global _renderer
    browser = find_browser()
    if browser is None:
        raise ExportUnavailable(NO_BROWSER.format(candidates=", ".join(CANDIDATES)))
    with _lock:
        if _renderer is None:
            os.environ["BROWSER_PATH"] = browser
            from cityiso.figures.renderer import Renderer

            try:
                _renderer = Renderer(_page_generator())
            except Exception as exc:  # a broken Kaleido installation surfaces here
                raise ExportUnavailable(f"Chromium at {browser} could not start for image export: {exc}") from exc
        return _renderer


# A render that has not answered after this long never will: Kaleido waits for ever on a browser that died
# at its start (a Chromium that crashes or hangs), and so would every session asking for an image after it.
RENDER_TIMEOUT_S = 60.0
_stalled: str | None = None  # why image export stopped in this process (a render that never answered), else None


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
    renderer = _ensure_renderer()
    timeout_s = RENDER_TIMEOUT_S if timeout_s is None else timeout_s
    if not _render_lock.acquire(timeout=timeout_s):
        raise ExportUnavailable(f"image export is busy: no render finished within {timeout_s:g} s")
    try:
        if _stalled:
            raise ExportUnavailable(_stalled)
        deadline = time.monotonic() + timeout_s
        if not renderer.wait_open(timeout_s):
            _stalled = _why_stalled(renderer, timeout_s)
            raise ExportUnavailable(_stalled)
        layout = fig.layout
        opts = {
            "format": fmt,  # as Plotly's own to_image sizes a figure: asked for, else the figure's, else its default
            "width": width or layout.width or layout.template.layout.width or pio.defaults.default_width,
            "height": height or layout.height or layout.template.layout.height or pio.defaults.default_height,
            "scale": scale,
        }
        future = renderer.submit(fig.to_dict(), opts)
        while renderer.alive() and time.monotonic() < deadline:
            try:
                return future.result(0.1)
            except concurrent.futures.TimeoutError:
                continue
            except Exception as exc:
                raise ExportUnavailable(f"image export failed: {exc}") from exc
        future.cancel()
        _stalled = _why_stalled(renderer, timeout_s)
        raise ExportUnavailable(_stalled)
    finally:
        _render_lock.release()


def _why_stalled(renderer, timeout_s: float) -> str:
    if renderer.alive():
        return f"Chromium did not answer within {timeout_s:g} s: image export is off until the app restarts"
    return "Chromium stopped (it could not start or crashed): image export is off until the app restarts"
