"""A server started as ./run start starts it has, before anyone visits, opened the served database and started the
browser that draws the presentation's thumbnails and every image export (cityiso.app.preload)."""

import os
from pathlib import Path

from cityiso.server import descendants, free_port, start_server, stop_server
from tests.browser.conftest import IDLE
from tests.conftest import broken_browser


def test_before_the_first_visit_the_database_is_open_and_the_image_browser_runs(package_db: Path, tmp_path: Path):
    log = tmp_path / "streamlit.log"
    proc = start_server(package_db, free_port(), log)
    try:
        open_files = {os.path.realpath(f"/proc/{proc.pid}/fd/{fd}") for fd in os.listdir(f"/proc/{proc.pid}/fd")}
        assert str(package_db.resolve()) in open_files
        commands = []
        for pid in descendants(proc.pid, exclude=None):
            try:
                commands.append(Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0].decode())
            except OSError:
                continue
        assert any("chrom" in Path(c).name for c in commands), commands
        assert "skipped" not in log.read_text()
    finally:
        stop_server(proc)


def test_a_browser_that_crashes_at_start_does_not_keep_the_server_down(package_db: Path, tmp_path: Path, monkeypatch):
    """The preload's blank image waits a bounded time for the image browser: a Chromium that crashes at its start
    turns image export off (logged), and the dashboard starts and serves."""
    monkeypatch.setenv("BROWSER_PATH", str(broken_browser(tmp_path, "crashes")))
    log = tmp_path / "streamlit.log"
    proc = start_server(package_db, free_port(), log)  # raises when /_stcore/health does not answer within 60 s
    try:
        assert "preload: image browser skipped (ExportUnavailable: Chromium stopped" in log.read_text()
    finally:
        stop_server(proc)


def inotify_descriptors(pid: int) -> int:
    """How many inotify descriptors (what a file watcher reads its events from) the process holds."""
    count = 0
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            count += os.readlink(f"/proc/{pid}/fd/{fd}") == "anon_inode:inotify"
        except OSError:  # closed meanwhile
            continue
    return count


def test_a_visit_starts_no_file_watcher(package_db: Path, tmp_path: Path, browser):
    """A deployment's code changes only by a restart: a session watching the source files (Streamlit's default)
    cost each visit about 0.4 s of the server's CPU, so the server, started as ./run start starts it, watches none."""
    port = free_port()
    proc = start_server(package_db, port, tmp_path / "streamlit.log")
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    try:
        tab = context.new_page()
        tab.goto(f"http://127.0.0.1:{port}/")
        tab.wait_for_function(IDLE, timeout=60_000)
        assert inotify_descriptors(proc.pid) == 0
    finally:
        context.close()
        stop_server(proc)
