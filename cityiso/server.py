"""The dashboard in a process group of its own, started as ./run start starts it and stopped whatever happens, and
what processes use (peak and proportional memory, CPU time) read from /proc: for the load test, the benchmark and the
tests that need a real server."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from cityiso.paths import ROOT


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path | None, port: int, log: Path, script: Path | None = None) -> subprocess.Popen:
    """The dashboard on 127.0.0.1:port serving db, in its own process group, started as ./run start does; or, given
    `script`, that Streamlit script served with the same options and configuration (the benchmark's empty page)."""
    app = ["cityiso.app.serve"] if script is None else ["streamlit", "run", str(script)]
    env = {**os.environ, "CITYISO_DB": str(db)} if db is not None else dict(os.environ)
    with log.open("w") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                *app,
                "--server.headless=true",
                f"--server.port={port}",
                "--server.address=127.0.0.1",
            ],
            cwd=ROOT,
            env=env,
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


def rss_mb(pid: int) -> float | None:
    """A live process's resident memory now (VmRSS), in MB."""
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return None


def descendants(root: int, exclude: int | None) -> list[int]:
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
    for pid in descendants(root, exclude):
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
