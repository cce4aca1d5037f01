"""Two dashboard replicas behind nginx (deploy/nginx.conf) on one read-only database file: the routing cookie keeps
a browser on one replica, two browsers on two replicas see every page, the file is never written, and a rebuild
moved onto the path reaches both replicas. Skipped where nginx is not installed (.ci/run installs it)."""

import contextlib
import hashlib
import json
import os
import re
import shutil
import stat
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import expect

from cityiso.loadtest.data import build_package
from cityiso.loadtest.pages import DOCUMENTS
from cityiso.paths import ROOT
from cityiso.server import free_port, peak_rss_mb, start_server, stop_server
from tests.browser.conftest import ARTIFACTS, wait_until_idle

NGINX = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(NGINX is None, reason="no nginx: apt-get install nginx-light (.ci/run installs it)"),
]
CONF = ROOT / "deploy" / "nginx.conf"
COOKIE = "cityiso_route"
REPLICA_HEADER = "x-cityiso-replica"


def rendered(conf: str, listen: int, replicas: list[int], access_log: Path) -> str:
    """deploy/nginx.conf with the proxy's port, the replicas' ports and the access log's path replaced."""
    conf, listens = re.subn(r"listen 127\.0\.0\.1:\d+;", f"listen 127.0.0.1:{listen};", conf)
    servers = "\n".join(f"    server 127.0.0.1:{port};" for port in replicas)
    conf, upstreams = re.subn(r"(?:    server 127\.0\.0\.1:\d+;\n)+", servers + "\n", conf)
    conf, logs = re.subn(r"access_log \S+ ", f"access_log {access_log} ", conf)
    # The replica header is off in the example (it would show the public internal ports): on for this test only.
    conf, headers = re.subn(r"# (add_header X-Cityiso-Replica )", r"\1", conf)
    assert (listens, upstreams, logs, headers) == (1, 1, 1, 1), "deploy/nginx.conf lacks the lines this test rewrites"
    return conf


def main_conf(work: Path, site: Path) -> str:
    """A minimal nginx.conf around the site: in the foreground, every file it writes inside `work`."""
    temp = " ".join(f"{kind}_temp_path {work / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    user = "user root root;" if os.geteuid() == 0 else ""  # workers must reach the temporary folders
    return (
        f"daemon off; {user} worker_processes 1; pid {work / 'nginx.pid'}; error_log {work / 'error.log'} info;\n"
        f"events {{ worker_connections 256; }}\nhttp {{ {temp} include {site}; }}\n"
    )


def get(url: str, cookie: str | None = None) -> tuple[str, str | None]:
    """A GET through the proxy: the replica that answered, and the routing cookie it set (None when it set none)."""
    request = urllib.request.Request(url, headers={"Cookie": f"{COOKIE}={cookie}"} if cookie else {})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.read() == b"ok"
        found = [
            m.group(1) for c in response.headers.get_all("Set-Cookie") or [] if (m := re.match(rf"{COOKIE}=([^;]+)", c))
        ]
        return response.headers[REPLICA_HEADER], found[0] if found else None


def wait_for(condition: Callable[[], object], what: str, timeout: float = 30) -> object:
    """Poll `condition` until it returns something true, or fail naming `what`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if found := condition():
            return found
        time.sleep(0.1)
    pytest.fail(f"timed out after {timeout} s waiting for {what}")


@dataclass
class Deployment:
    proxy: str
    replicas: dict[str, subprocess.Popen]  # "127.0.0.1:PORT" -> its process
    logs: dict[str, Path]
    served: Path  # the database path every replica serves (CITYISO_DB)
    work: Path
    access_log: Path
    error_log: Path


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def deployment(tmp_path_factory: pytest.TempPathFactory) -> Deployment:
    """The load test's package (cityiso.loadtest.data) built, made read-only in a read-only folder, served by two
    replicas behind nginx."""
    work = tmp_path_factory.mktemp("replicas")
    served_dir = work / "served"
    served_dir.mkdir()
    served = served_dir / "cityiso.duckdb"
    os.replace(build_package(work, "v1", 0), served)
    served.chmod(0o444)
    served_dir.chmod(0o555)
    replicas: dict[str, subprocess.Popen] = {}
    logs: dict[str, Path] = {}
    nginx = None
    try:
        for i in (1, 2):
            port = free_port()
            logs[f"127.0.0.1:{port}"] = work / f"replica{i}.log"
            replicas[f"127.0.0.1:{port}"] = start_server(served, port, logs[f"127.0.0.1:{port}"])
        listen = free_port()
        access_log = work / "access.log"
        site = work / "cityiso.conf"
        site.write_text(rendered(CONF.read_text(), listen, [int(a.split(":")[1]) for a in replicas], access_log))
        (work / "nginx.conf").write_text(main_conf(work, site))
        nginx = subprocess.Popen(
            [NGINX, "-p", str(work), "-c", str(work / "nginx.conf"), "-e", str(work / "error.log")],
            stdout=subprocess.DEVNULL,
            stderr=(work / "nginx.out").open("w"),
            start_new_session=True,
        )
        proxy = f"http://127.0.0.1:{listen}"

        def answers() -> bool:
            if nginx.poll() is not None:
                pytest.fail(f"nginx exited: {(work / 'nginx.out').read_text()}")
            with contextlib.suppress(OSError):
                return get(f"{proxy}/_stcore/health")[0] in replicas
            return False

        wait_for(answers, "nginx to answer")
        yield Deployment(proxy, replicas, logs, served, work, access_log, work / "error.log")
    finally:
        if nginx is not None:
            stop_server(nginx)
        for proc in replicas.values():
            stop_server(proc)
        served_dir.chmod(0o755)


def cookie_for_each_replica(deployment: Deployment) -> dict[str, str]:
    """A routing cookie that lands on each replica, found by asking the proxy."""
    found: dict[str, str] = {}
    for i in range(64):
        found.setdefault(get(f"{deployment.proxy}/_stcore/health", f"viewer-{i}")[0], f"viewer-{i}")
        if len(found) == len(deployment.replicas):
            return found
    pytest.fail(f"64 cookies reached only {sorted(found)}: the proxy does not spread browsers")


def test_the_routing_cookie_keeps_a_browser_on_one_replica(deployment: Deployment) -> None:
    health = f"{deployment.proxy}/_stcore/health"
    replica, cookie = get(health)
    assert cookie, "a first visit is given a routing cookie"
    assert {get(health, cookie) for _ in range(10)} == {(replica, None)}  # the same replica, no new cookie
    assert get(health, "x" * 65)[1] not in (None, "x" * 65)  # a cookie that is not a token is replaced
    assert set(cookie_for_each_replica(deployment)) == set(deployment.replicas)


def read_only_fds(pid: int, path: Path) -> list[bool]:
    """For every descriptor of process `pid` open on `path`: whether it was opened read-only."""
    found = []
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        with contextlib.suppress(OSError):
            if os.readlink(fd) == str(path):
                flags = int((Path(f"/proc/{pid}/fdinfo") / fd.name).read_text().split("flags:")[1].split()[0], 8)
                found.append(flags & os.O_ACCMODE == os.O_RDONLY)
    return found


def pss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    return 0.0


def documents_shown(page) -> int:
    """The number of source documents the overview's charts name (drawn after the script run)."""
    page.wait_for_function(
        "re => new RegExp(re).test(document.querySelector('[data-testid=\"stMain\"]').textContent)",
        arg=DOCUMENTS.pattern,
    )
    return int(DOCUMENTS.search(page.locator("[data-testid='stMain']").text_content()).group(1))


def go_by_sidebar(page, link: str, heading: str) -> None:
    page.get_by_role("link", name=link, exact=True).click()
    expect(page.locator("h1").first).to_have_text(heading)
    wait_until_idle(page)
    assert page.locator("[data-testid='stException']").count() == 0, f"{heading}: an exception is shown"


@dataclass
class Viewer:
    """One browser context pinned to a replica by its routing cookie, with what it has seen."""

    replica: str
    cookie: str
    context: object
    page: object
    sockets: list
    answered_by: set
    documents: int = 0


def open_viewer(browser, proxy: str, replica: str, cookie: str) -> Viewer:
    """A browser context carrying `cookie`, on the overview through the proxy."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.add_cookies([{"name": COOKIE, "value": cookie, "url": proxy}])
    page = context.new_page()
    page.set_default_timeout(60_000)
    viewer = Viewer(replica, cookie, context, page, [], set())
    page.on("websocket", lambda ws: viewer.sockets.append(ws))
    page.on("response", lambda r: viewer.answered_by.add(r.headers.get(REPLICA_HEADER)))
    response = page.goto(f"{proxy}/?lang=pl")
    assert response.headers[REPLICA_HEADER] == replica
    wait_until_idle(page)
    expect(page.locator("h1").first).to_have_text("Przegląd")
    viewer.documents = documents_shown(page)
    return viewer


def test_two_browsers_on_two_replicas_then_a_rebuild_reaches_both(browser, deployment: Deployment) -> None:
    served_before = sha256(deployment.served)
    listing_before = sorted(p.name for p in deployment.served.parent.iterdir())
    viewers = [open_viewer(browser, deployment.proxy, *pair) for pair in cookie_for_each_replica(deployment).items()]
    for viewer in viewers:
        go_by_sidebar(viewer.page, "Cykle certyfikacji", "Cykle certyfikacji")
        go_by_sidebar(viewer.page, "Źródła i metodologia", "Źródła i metodologia")
    for viewer in viewers:
        assert viewer.answered_by == {viewer.replica}, f"every response came from {viewer.replica}"
        assert len(viewer.sockets) == 1 and not viewer.sockets[0].is_closed(), "one websocket per tab, held"
    before = {viewer.documents for viewer in viewers}
    assert len(before) == 1, f"both replicas serve the same data: {before}"

    # Serving never wrote the file, its folder or anything beside it; each replica holds it open read-only.
    assert sha256(deployment.served) == served_before
    assert stat.S_IMODE(deployment.served.stat().st_mode) == 0o444
    assert stat.S_IMODE(deployment.served.parent.stat().st_mode) == 0o555
    assert sorted(p.name for p in deployment.served.parent.iterdir()) == listing_before
    for replica, proc in deployment.replicas.items():
        fds = read_only_fds(proc.pid, deployment.served)
        assert fds and all(fds), f"replica {replica} holds the database open read-only: {fds}"

    # The rollout: build elsewhere, make it read-only, and move it onto the served path (the folder is writable for
    # that moment only, as a deploy user's would be).
    rebuilt = build_package(deployment.work, "v2", 1)
    rebuilt.chmod(0o444)
    deployment.served.parent.chmod(0o755)
    os.replace(rebuilt, deployment.served)
    deployment.served.parent.chmod(0o555)
    # The rebuild added one source document ("4 dokumenty źródłowe", "5 dokumentów źródłowych": the plural agrees).
    expected = re.compile(rf"\b{before.pop() + 1}\s*dokument\S*?\s*źródłow")
    for viewer in viewers:
        go_by_sidebar(viewer.page, "Przegląd", "Przegląd")
        expect(viewer.page.locator("[data-testid='stMain']")).to_contain_text(expected)
        assert len(viewer.sockets) == 1 and not viewer.sockets[0].is_closed(), f"{viewer.replica}: the same websocket"
        # It holds the new file open read-only and has let the replaced one go.
        pid = deployment.replicas[viewer.replica].pid
        fds = read_only_fds(pid, deployment.served)
        assert fds and all(fds), f"replica {viewer.replica} holds the rebuilt database open read-only: {fds}"
        assert not read_only_fds(pid, Path(f"{deployment.served} (deleted)"))

    memory = {
        replica: {"rss_peak_mb": round(peak_rss_mb(proc.pid) or 0), "pss_mb": round(pss_mb(proc.pid))}
        for replica, proc in deployment.replicas.items()
    }
    for viewer in viewers:
        viewer.context.close()

    # nginx logs a websocket when it closes: every request of each browser, its websocket included, went to its
    # replica.
    def streams_logged() -> list[list[str]] | None:
        lines = [line.split() for line in deployment.access_log.read_text().splitlines()]
        closed = {line[1] for line in lines if line[4:6] == ['"GET', "/_stcore/stream"]}
        return lines if {viewer.cookie for viewer in viewers} <= closed else None

    lines = wait_for(streams_logged, "nginx to log both websockets")
    for viewer in viewers:
        upstreams = {line[2] for line in lines if line[1] == viewer.cookie}
        assert upstreams == {viewer.replica}, f"browser {viewer.cookie}: requests went to {upstreams}"
    for replica, log in deployment.logs.items():
        assert "Traceback" not in log.read_text(), f"replica {replica} logged a traceback"
    ARTIFACTS.parent.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS.parent / "replicas.json").write_text(json.dumps(memory, indent=2) + "\n")


def test_the_proxy_refuses_the_agent_api(deployment: Deployment) -> None:
    """Streamlit's agent API (/_stcore/agent/...) drives the app without a browser: the proxy answers 404 itself."""
    for path in ("/_stcore/agent/openapi.json", "/_stcore/agent/interact", "/_stcore/agent/mcp"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{deployment.proxy}{path}", timeout=10)
        assert refused.value.code == 404, path
        assert refused.value.headers.get("Server", "").startswith("nginx"), path  # nginx's answer, not a replica's
        assert REPLICA_HEADER not in {k.lower() for k in refused.value.headers}, path  # never reached a replica
