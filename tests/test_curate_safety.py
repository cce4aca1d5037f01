"""The curator's review page is safe (issue 17): it writes only plain .txt names inside data/sources/, two saves at
once cannot break the data folder, a save killed half-way is rolled back, a save builds the database the server
serves, the page runs only on loopback behind an allow-list of host names, hostile characters and uploads are
refused with a readable message, and the page speaks the dashboard's language."""

import csv
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest
from streamlit import config as st_config
from streamlit.testing.v1 import AppTest

from cityiso.data.database import build
from cityiso.draft.core import draft
from cityiso.draft.known import known
from cityiso.draft.output import plain_rows
from cityiso.draft.save import TABLES, write_accepted
from cityiso.labels import t
from cityiso.paths import DATA_DIR, ROOT
from tests.test_draft_review import TEXT
from tests.test_page_language import foreign, interface_text, other_words
from tests.visible_text import visible_texts

PAGE = str(ROOT / "curate" / "review.py")


@pytest.fixture
def loopback():
    """The page runs only on a server bound to loopback that lets only loopback names in, as ./run curate starts
    it: tell Streamlit's config so (restored afterwards)."""
    before = {o: st_config.get_option(o) for o in ("server.address", "server.allowedHosts")}
    st_config.set_option("server.address", "127.0.0.1")
    st_config.set_option("server.allowedHosts", ["127.0.0.1", "localhost", "::1"])
    yield
    for option, value in before.items():
        st_config.set_option(option, value)


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loopback) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target, ignore=shutil.ignore_patterns("*.duckdb*", ".*.tmp*", ".cityiso-*"))
    monkeypatch.setenv("CITYISO_DATA", str(target))
    monkeypatch.setenv("CITYISO_DB", str(tmp_path / "served" / "cityiso.duckdb"))
    known.cache_clear()
    return target


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under root (links as their target's name), by its path relative to root; the save lock (an empty
    file that stays once made) and databases left out."""
    out = {}
    for path in sorted(root.rglob("*")):
        if path.name == ".cityiso-save.lock":
            continue
        if path.is_symlink():
            out[str(path.relative_to(root))] = f"-> {os.readlink(path)}".encode()
        elif path.is_file() and not path.name.endswith((".duckdb", ".duckdb.wal")):
            out[str(path.relative_to(root))] = path.read_bytes()
    return out


def accepted_rows(data_dir: Path, text: str, file_name: str) -> dict[str, list[tuple[int, dict[str, str]]]]:
    """Every drafted row of the text accepted, findings glossed in English: rows that build."""
    source_id = Path(file_name).stem.replace("_", "-")
    d = draft(text, source_id=source_id, file_name=file_name, data_dir=data_dir)
    rows = {}
    for table in TABLES:
        cells = plain_rows(d, table, data_dir)
        if table == "findings":
            for c in cells:
                c["text_en"] = "A finding, glossed"
        if cells:
            rows[table] = list(enumerate(cells))
    return rows


def _csv_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def open_review(lang: str | None = None) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=60)
    if lang:
        at.session_state["lang"] = lang
    return at.run()


# --- 1. The file name: a plain .txt name inside data/sources/, refused before anything is written -----------------

HOSTILE_NAMES = [
    "../../x.txt",
    "../x.txt",
    "/tmp/cityiso-hostile-x.txt",
    "..\\x.txt",
    ".pth",
    ".hidden.txt",
    "a/b.txt",
    "x.pth",
    "-rf.txt",
    "_x.txt",
    "x.txt/",
    "..",
    "x\x00.txt",
    "x\x1b[31m.txt",
    "x\x07.txt",
    "x\n.txt",
    "x\u200b.txt",
    "x\u202etxt.exe.txt",
    "a" * 296 + ".txt",
    "",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES, ids=lambda n: repr(n)[:40])
def test_a_hostile_file_name_is_refused_and_nothing_is_written(
    tmp_path: Path, data_copy: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the page, every row rejected: no file appears outside data/sources/ (or inside), the data folder is
    unchanged byte for byte, and the page says why, with no exception and no 'written'."""
    if name.startswith("/"):
        Path(name).unlink(missing_ok=True)
    monkeypatch.chdir(tmp_path / "data" / "sources")  # a relative path the page might resolve against the cwd
    before, data_before = snapshot(tmp_path), snapshot(data_copy)
    at = open_review("en")
    at.text_area(key="pasted").set_value(TEXT)
    at.text_input(key="file_name").set_value(name)
    at.button(key="draft").click().run()
    for radio in at.radio:
        radio.set_value("reject")
    if at.button and any(b.key == "write" for b in at.button):
        at.run()
        at.button(key="write").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert not at.success, [s.value for s in at.success]
    assert at.error, "the page says the name is refused"
    assert snapshot(tmp_path) == before
    assert snapshot(data_copy) == data_before
    if name.startswith("/"):
        assert not Path(name).exists()


@pytest.mark.parametrize("name", HOSTILE_NAMES, ids=lambda n: repr(n)[:40])
def test_write_accepted_refuses_a_hostile_name_itself(tmp_path: Path, data_copy: Path, name: str) -> None:
    """Defence in depth: the function the page calls refuses the name too, before touching anything."""
    before = snapshot(tmp_path)
    written = write_accepted(data_copy, TEXT, name, {}, tmp_path / "out.duckdb")
    assert written.problems
    assert snapshot(tmp_path) == before


def test_a_save_journal_names_only_files_a_save_writes(tmp_path: Path) -> None:
    """The rollback puts back CSV files and documents in sources/ only, with the names saves ever wrote (Polish
    letters too, as before names became ASCII); anything else in a journal is refused."""
    from cityiso.draft.save import _inside

    for good in ("events.csv", "sources/portal.txt", "sources/łódź-audyt-2021.txt"):
        assert _inside(tmp_path, good) == tmp_path / good
    for bad in (
        "../x.csv",
        ".hidden.csv",
        "sources/../x.txt",
        "sources/.x.txt",
        "sources/-rf.txt",
        "a/b/c.txt",
        "sources/x y.txt",
        "sources/x.pdf",
        *(f"sources/{n}" for n in HOSTILE_NAMES),
    ):
        with pytest.raises(ValueError, match="the save journal names"):
            _inside(tmp_path, bad)


def test_document_name_problem_accepts_plain_names_and_refuses_paths() -> None:
    from cityiso.draft.save import document_name_problem

    for good in ("zabrze_certyfikacja_2015.txt", "lodz-audyt-2021.txt", "Zyrardow.v2.txt", "a.txt"):
        assert document_name_problem(good) is None, good
    # Polish letters: the data package's rule for sources.file takes ASCII only (an upload's name is made so).
    for bad in (*HOSTILE_NAMES, "łódź-audyt-2021.txt", "Żyrardów.v2.txt"):
        assert document_name_problem(bad) is not None, repr(bad)


def test_a_name_linked_outside_tells_nothing_about_the_target(tmp_path: Path, data_copy: Path) -> None:
    """A link in data/sources/ to a file outside is refused the same whether or not the text matches the target's
    content, and the target is never read into a decision nor written."""
    secret = tmp_path / "secret.txt"
    secret.write_text(TEXT, encoding="utf-8")
    (data_copy / "sources" / "linked.txt").symlink_to(secret)
    before = snapshot(tmp_path)
    same = write_accepted(data_copy, TEXT, "linked.txt", accepted_rows(data_copy, TEXT, "linked.txt"))
    other = write_accepted(data_copy, "something else", "linked.txt", {})
    assert same.problems and other.problems
    assert [p.message for p in same.problems] == [p.message for p in other.problems]
    assert snapshot(tmp_path) == before


# --- 2. Two saves at once -----------------------------------------------------------------------------------------


ROUNDS = 3  # pairs of saves the process test makes: without a lock, one pair in three happened not to collide


def _texts(round_: int = 0) -> dict[str, str]:
    return {
        f"czestochowa_rownolegle_{round_}_a.txt": TEXT + f"Pierwszy zapis {round_}.\n",
        f"czestochowa_rownolegle_{round_}_b.txt": TEXT + f"Drugi zapis {round_}.\n",
    }


def _check_saved(data_copy: Path, tmp_path: Path, results: dict[str, list], texts: dict[str, str]) -> None:
    """Each save either wrote its document and its source row or was refused leaving no trace; the data folder
    builds cleanly afterwards."""
    sources = {r["file"] for r in _csv_rows(data_copy / "sources.csv")}
    for name, problems in results.items():
        document = data_copy / "sources" / name
        if problems:
            assert not document.exists() and name not in sources, (name, problems)
        else:
            assert document.read_text(encoding="utf-8") == texts[name] and name in sources, name
    assert build(data_copy, tmp_path / "check.duckdb") == []
    assert not (data_copy / ".cityiso-journal").exists()


def test_two_saves_at_once_from_two_threads(tmp_path: Path, data_copy: Path) -> None:
    rows = {name: accepted_rows(data_copy, text, name) for name, text in _texts().items()}
    start = threading.Barrier(2)
    results: dict[str, list] = {}
    errors: list[BaseException] = []

    def save(name: str) -> None:
        start.wait()
        try:
            results[name] = [str(p) for p in write_accepted(data_copy, _texts()[name], name, rows[name]).problems]
        except BaseException as exc:  # a save must report, never raise
            errors.append(exc)

    threads = [threading.Thread(target=save, args=(name,)) for name in rows]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"two saves from two threads: {time.monotonic() - began:.1f} s")
    assert errors == []
    assert results == {name: [] for name in rows}, results
    _check_saved(data_copy, tmp_path, results, _texts())


CHILD_SAVE = """
import json, sys, time
from pathlib import Path
import cityiso.draft.save as save
data_dir, folder, me, other, rounds = sys.argv[1:]
folder = Path(folder)
real_build = save.build
other_calling = None


def build(*args, **kwargs):
    # The other save has begun too before this one builds: the two overlap whenever nothing orders them.
    deadline = time.monotonic() + 60
    while not other_calling.exists() and time.monotonic() < deadline:
        time.sleep(0.005)
    return real_build(*args, **kwargs)


save.build = build
for r in range(int(rounds)):
    job = json.loads((folder / f"{r}-{me}.json").read_text(encoding="utf-8"))
    rows = {t: [(i, c) for i, c in table_rows] for t, table_rows in job["rows"].items()}
    other_calling = folder / f"{r}-{other}.calling"
    (folder / f"{r}-{me}.ready").touch()
    while not (folder / f"{r}.go").exists():
        time.sleep(0.005)
    (folder / f"{r}-{me}.calling").touch()
    problems = save.write_accepted(Path(data_dir), job["text"], job["name"], rows).problems
    print(json.dumps([str(p) for p in problems]), flush=True)
"""


def _wait_for(paths: list[Path], procs: list[subprocess.Popen], deadline: float) -> None:
    while not all(p.exists() for p in paths):
        assert time.monotonic() < deadline, "a child did not get ready"
        assert all(p.poll() is None for p in procs), [p.communicate()[1][-3000:] for p in procs]
        time.sleep(0.005)


def test_two_saves_at_once_from_two_processes(tmp_path: Path, data_copy: Path) -> None:
    """Two curators' servers (two processes) saving into one data folder at the same moment, ROUNDS times."""
    folder = tmp_path / "jobs"
    folder.mkdir()
    texts = {}
    for r in range(ROUNDS):
        for (name, text), me in zip(_texts(r).items(), "ab", strict=True):
            texts[name] = text
            job = {"name": name, "text": text, "rows": accepted_rows(data_copy, text, name)}
            (folder / f"{r}-{me}.json").write_text(json.dumps(job), encoding="utf-8")
    procs = {
        me: subprocess.Popen(
            [sys.executable, "-c", CHILD_SAVE, str(data_copy), str(folder), me, other, str(ROUNDS)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for me, other in (("a", "b"), ("b", "a"))
    }
    deadline = time.monotonic() + 300
    durations = []
    began = time.monotonic()
    for r in range(ROUNDS):
        _wait_for([folder / f"{r}-{me}.ready" for me in procs], list(procs.values()), deadline)
        if r:
            durations.append(time.monotonic() - began)
        began = time.monotonic()
        (folder / f"{r}.go").touch()
    results = {}
    for me, proc in procs.items():
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err[-3000:]
        for r, line in enumerate(out.strip().splitlines()[-ROUNDS:]):
            results[list(_texts(r))["ab".index(me)]] = json.loads(line)
    durations.append(time.monotonic() - began)
    print("pairs of saves from two processes:", ", ".join(f"{d:.1f} s" for d in durations))
    assert results == {name: [] for name in texts}, results
    _check_saved(data_copy, tmp_path, results, texts)


def test_a_build_that_raises_puts_every_file_back(
    tmp_path: Path, data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import cityiso.draft.save as save

    def broken(*_args, **_kwargs):
        raise RuntimeError("the build broke")

    before = snapshot(data_copy)
    monkeypatch.setattr(save, "build", broken)
    name = "czestochowa_audyt_2021.txt"
    with pytest.raises(RuntimeError):
        write_accepted(data_copy, TEXT, name, accepted_rows(data_copy, TEXT, name))
    assert snapshot(data_copy) == before


# --- 3. A save killed half-way ------------------------------------------------------------------------------------

CHILD_KILLED = """
import json, os, signal, sys
from pathlib import Path
import cityiso.draft.save as save
data_dir, name, text_file, rows_file, where = sys.argv[1:]
rows = {t: [(i, c) for i, c in r] for t, r in json.loads(Path(rows_file).read_text()).items()}
die = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)
if where == "build":  # killed during the build: the CSV files and the document are written
    save.build = die
else:  # killed at a step: the CSV files written (not the document), or the database built (journal not deleted)
    save._checkpoint = lambda step: die() if step == where else None
save.write_accepted(Path(data_dir), Path(text_file).read_text(encoding="utf-8"), name, rows)
"""


def _killed_save(tmp_path: Path, data_copy: Path, where: str) -> str:
    name = "czestochowa_audyt_2021.txt"
    (tmp_path / "rows.json").write_text(json.dumps(accepted_rows(data_copy, TEXT, name)))
    (tmp_path / "text").write_text(TEXT, encoding="utf-8")
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            CHILD_KILLED,
            str(data_copy),
            name,
            str(tmp_path / "text"),
            str(tmp_path / "rows.json"),
            where,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr[-3000:]
    return name


def _served_rows(tmp_path: Path) -> int | None:
    """The killed save's source rows in the served database (None: no database there)."""
    served = tmp_path / "served" / "cityiso.duckdb"
    if not served.exists():
        return None
    with duckdb.connect(str(served), read_only=True) as con:
        return con.execute("select count(*) from sources where source_id = 'czestochowa-audyt-2021'").fetchone()[0]


@pytest.mark.parametrize("where", ["csv-written", "build", "built"])
def test_a_save_killed_half_way_is_rolled_back_when_the_page_opens(tmp_path: Path, data_copy: Path, where: str) -> None:
    """Killed after the CSV files were written, during the build, or after the build replaced the served database
    (before the journal was deleted): opening the page puts every file back byte for byte, and a served database
    built from the killed save's rows is rebuilt."""
    before = snapshot(data_copy)
    _killed_save(tmp_path, data_copy, where)
    assert snapshot(data_copy) != before, "the child was killed before it changed anything"
    if where == "built":
        assert _served_rows(tmp_path) == 1
    at = open_review("en")
    assert not at.exception, [e.message for e in at.exception]
    assert snapshot(data_copy) == before
    assert build(data_copy, tmp_path / "check.duckdb") == []
    assert _served_rows(tmp_path) in (None, 0)


def test_a_save_after_a_killed_one_rolls_it_back_first(tmp_path: Path, data_copy: Path) -> None:
    before = snapshot(data_copy)
    name = _killed_save(tmp_path, data_copy, "build")
    other = "czestochowa_po_awarii.txt"
    text = TEXT + "Po awarii.\n"
    assert write_accepted(data_copy, text, other, accepted_rows(data_copy, text, other)).problems == []
    assert not (data_copy / "sources" / name).exists()
    assert (data_copy / "sources" / other).read_text(encoding="utf-8") == text
    after = snapshot(data_copy)
    changed = {k for k in after if before.get(k) != after[k]}
    assert changed == {"sources.csv", "events.csv", "findings.csv", f"sources/{other}"}, changed
    assert build(data_copy, tmp_path / "check.duckdb") == []


# --- 4. The save builds the database the server serves ------------------------------------------------------------


def test_a_save_builds_the_served_database_not_one_in_the_data_folder(
    tmp_path: Path, data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CITYISO_DATA set, CITYISO_DB unset: the server serves the default database, so the save builds that one."""
    import cityiso.paths

    monkeypatch.delenv("CITYISO_DB")
    default = tmp_path / "default" / "cityiso.duckdb"
    monkeypatch.setattr(cityiso.paths, "DEFAULT_DB", default)
    name = "czestochowa_audyt_2021.txt"
    assert write_accepted(data_copy, TEXT, name, accepted_rows(data_copy, TEXT, name)).problems == []
    assert default.exists()
    assert not (data_copy / "cityiso.duckdb").exists()


def test_a_save_builds_cityiso_db_when_set(tmp_path: Path, data_copy: Path) -> None:
    name = "czestochowa_audyt_2021.txt"
    assert write_accepted(data_copy, TEXT, name, accepted_rows(data_copy, TEXT, name)).problems == []
    assert (tmp_path / "served" / "cityiso.duckdb").exists()
    assert not (data_copy / "cityiso.duckdb").exists()


# --- 5. Loopback only ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("address", ["0.0.0.0", "", None, "192.168.1.10", "::", "example.org"])
def test_the_page_refuses_to_run_off_loopback(data_copy: Path, address: str | None) -> None:
    before = snapshot(data_copy)
    st_config.set_option("server.address", address)
    at = open_review("en")
    assert not at.exception
    assert at.error and not at.text_area and not at.button, "the page stops before any input"
    assert snapshot(data_copy) == before


@pytest.mark.parametrize("hosts", [[], ["*"], ["localhost", "rebind.attacker.example"], ["*.example"]])
def test_the_page_refuses_to_run_when_foreign_hosts_may_connect(data_copy: Path, hosts: list[str]) -> None:
    """Bound to loopback but open to any Host header (CITYISO_CURATE=1 ./run start --server.address=127.0.0.1):
    a DNS-rebinding page could still reach it."""
    before = snapshot(data_copy)
    st_config.set_option("server.allowedHosts", hosts)
    at = open_review("en")
    assert not at.exception
    assert at.error and not at.text_area and not at.button
    assert snapshot(data_copy) == before


def test_a_save_that_raises_shows_a_plain_message(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No traceback, exception type or path reaches the page; the data folder is as it was."""
    import cityiso.draft.save as save

    def broken(*_args, **_kwargs):
        raise FileNotFoundError(2, "No such file or directory", "/secret/path/cityiso.duckdb")

    before = snapshot(data_copy)
    monkeypatch.setattr(save, "build", broken)
    at = open_review("en")
    at.text_area(key="pasted").set_value(TEXT)
    at.text_input(key="file_name").set_value("czestochowa_audyt_2021.txt")
    at.button(key="draft").click().run()
    at.button(key="kb_accept_rest").click().run()  # every row not decided yet: accepted
    at.button(key="write").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert [e.value for e in at.error] == [t("review.write_error", "en")]
    assert snapshot(data_copy) == before


@pytest.mark.parametrize("address", ["127.0.0.1", "127.0.0.2", "localhost", "::1"])
def test_the_page_runs_on_loopback(data_copy: Path, address: str) -> None:
    st_config.set_option("server.address", address)
    at = open_review("en")
    assert not at.exception and not at.error
    assert at.text_area(key="pasted")


def _upgrade(port: int, host: str) -> bytes:
    """The status line of a websocket upgrade to the app's stream with the given Host header."""
    request = (
        "GET /_stcore/stream HTTP/1.1\r\n"
        f"Host: {host}\r\n"
        "Upgrade: websocket\r\n"
        "Connection: Upgrade\r\n"
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
        "Sec-WebSocket-Version: 13\r\n"
        "Sec-WebSocket-Protocol: streamlit\r\n"
        "\r\n"
    )
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(request.encode())
        return s.recv(4096).split(b"\r\n", 1)[0]


def start_curate(data: Path, db: Path, log: Path) -> tuple[subprocess.Popen, int]:
    """`./run curate` on a free port serving `db` and writing into `data`, in its own process group, once its
    health check answers; stop it with stop_curate."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "CITYISO_DATA": str(data), "CITYISO_DB": str(db)}
    with log.open("w") as out:
        proc = subprocess.Popen(
            [
                str(ROOT / "run"),
                "curate",
                f"--server.port={port}",
                "--server.headless=true",
                "--server.fileWatcherType=none",
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    deadline = time.monotonic() + 240
    while True:
        if proc.poll() is not None or time.monotonic() > deadline:
            stop_curate(proc)
            raise RuntimeError(f"./run curate did not start:\n{log.read_text()[-3000:]}")
        try:
            if urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2).read() == b"ok":
                return proc, port
        except OSError:
            time.sleep(0.2)


def stop_curate(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


def test_run_curate_refuses_a_foreign_host(tmp_path: Path) -> None:
    """A real `./run curate` server: a websocket upgrade naming another host (DNS rebinding) is refused, one naming
    the loopback address it serves is accepted."""
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns("*.duckdb*", ".*.tmp*", ".cityiso-*"))
    proc, port = start_curate(data, tmp_path / "served.duckdb", tmp_path / "server.log")
    try:
        assert b" 101 " not in _upgrade(port, "rebind.attacker.example") + b" "
        assert b" 101 " not in _upgrade(port, f"rebind.attacker.example:{port}") + b" "
        assert b" 101 " in _upgrade(port, f"127.0.0.1:{port}") + b" "
        assert b" 101 " in _upgrade(port, f"localhost:{port}") + b" "
    finally:
        stop_curate(proc)


# --- 6. Hostile characters and uploads ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown"),
    [("Tekst\x00z NUL", "\\x00"), ("Tekst \x1b[2J czyści ekran", "\\x1b"), ("Dzwonek\x07", "\\x07")],
)
def test_control_characters_in_the_document_are_refused(data_copy: Path, text: str, shown: str) -> None:
    at = open_review("en")
    at.text_area(key="pasted").set_value(text)
    at.text_input(key="file_name").set_value("kontrolne.txt")
    at.button(key="draft").click().run()
    assert not at.exception
    assert any(shown in e.value for e in at.error), [e.value for e in at.error]
    assert not at.get("html"), "nothing drafted"


def test_tabs_newlines_and_crlf_in_the_document_are_fine(data_copy: Path) -> None:
    at = open_review("en")
    at.text_area(key="pasted").set_value(TEXT.replace("\n", "\r\n") + "\tz tabulatorem\n")
    at.button(key="draft").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert at.get("html")


@pytest.mark.parametrize(
    ("field", "value", "shown"),
    [
        ("url", "https://example.org/\x00", "\\x00"),
        ("url", "https://example.org/a\tb", "\\t"),
        ("published", "2021-03-12\x1b", "\\x1b"),
        ("published", "2021-03-12\u0085", "\\x85"),
        ("file_name", "a\u200b.txt", "\\u200b"),
    ],
)
def test_control_characters_in_a_single_line_field_are_refused(
    data_copy: Path, field: str, value: str, shown: str
) -> None:
    at = open_review("en")
    at.text_area(key="pasted").set_value(TEXT)
    at.text_input(key=field).set_value(value)
    at.button(key="draft").click().run()
    assert not at.exception
    assert any(shown in e.value for e in at.error), [e.value for e in at.error]
    assert not at.get("html"), "nothing drafted"


def test_control_characters_in_an_edited_cell_are_refused(tmp_path: Path, data_copy: Path) -> None:
    before = snapshot(data_copy)
    at = open_review("en")
    at.text_area(key="pasted").set_value(TEXT)
    at.text_input(key="file_name").set_value("czestochowa_audyt_2021.txt")
    at.button(key="draft").click().run()
    at.radio(key="decision-findings-0").set_value("edit").run()
    at.text_input(key="edit-findings-0-text_en").set_value("Commitment\x1b[31m red").run()
    at.text_input(key="edit-findings-0-text_pl").set_value("zaangażowanie\u200b").run()
    at.radio(key="decision-findings-1").set_value("reject").run()
    at.button(key="kb_accept_rest").click().run()  # every row not decided yet: accepted
    at.button(key="write").click().run()
    assert not at.exception
    assert not at.success
    assert any("\\x1b" in e.value for e in at.error), [e.value for e in at.error]
    assert snapshot(data_copy) == before


def test_visible_shows_invisible_characters() -> None:
    from cityiso.safe_text import visible as escaped

    assert escaped("a\u200bb") == "a\\u200bb"
    assert escaped("x\x00y\x1b\t\n") == "x\\x00y\\x1b\\t\\n"
    assert escaped("\u202eabc\u0085") == "\\u202eabc\\x85"
    assert escaped("\U000e0041") == "\\U000e0041"
    assert escaped("Łódź – “cytat” ąę") == "Łódź – “cytat” ąę"
    assert escaped("a\\x00") == "a\\x00"  # a backslash the text holds stays as written (a path, a regex)


def _uploaded(at: AppTest, name: str, data: bytes) -> AppTest:
    return at.file_uploader(key="upload").upload(name, data, "text/plain").run()


def test_an_upload_that_is_not_utf8_says_so(data_copy: Path) -> None:
    at = open_review("en")
    text = "Urząd Miasta Częstochowy otrzymał certyfikat ISO 9001.\n"
    at = _uploaded(at, "cp1250.txt", text.encode("cp1250"))
    at.button(key="draft").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert any("UTF-8" in e.value for e in at.error), [e.value for e in at.error]
    assert not at.get("html")


def test_an_upload_over_the_size_limit_is_refused(data_copy: Path) -> None:
    import cityiso.draft.save as save

    at = open_review("en")
    at = _uploaded(at, "big.txt", b"a" * (getattr(save, "MAX_TEXT_BYTES", 1_000_000) + 1))
    at.button(key="draft").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.error and not at.get("html")


# --- 7. Language --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_the_review_page_speaks_the_dashboard_language(data_copy: Path, monkeypatch, lang: str) -> None:
    """Opened through the dashboard with ?lang=, drafted and written (a failing build): no text of the other
    language on the page."""
    monkeypatch.setenv("CITYISO_CURATE", "1")
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page("curate/review.py")
    at.query_params["lang"] = lang
    at.run()
    at.text_area(key="pasted").set_value(TEXT)
    at.text_input(key="file_name").set_value("czestochowa_audyt_2021.txt")
    at.button(key="draft").click().run()
    at.button(key="kb_accept_rest").click().run()  # every row not decided yet: accepted
    at.button(key="write").click().run()  # findings without English: the build refuses, messages shown
    assert not at.exception, [e.message for e in at.exception]
    assert [x.value for x in at.title] == [t("review.title", lang)]
    # The data: the text, the tables' and columns' names (identifiers, the same in both languages), and the drafted
    # values, which go into the data as they are (an office's or a finding's note is written in English).
    doc = at.session_state["queue"].doc()
    values = [str(v.value) for rows in doc.draft.tables.values() for row in rows for v in row.values()]
    data = [TEXT, *TABLES, *(c for table in TABLES for c in known(data_copy).columns(table)), *values]
    shown = interface_text(visible_texts(at), sorted(data, key=len, reverse=True))
    assert foreign(shown, lang) == [], shown
    english_only = ("Drafting from a press release", "Write the accepted rows", "Upload a saved text")
    if lang == "pl":
        assert not [s for s in english_only if s in shown]
        # The drafter's reasons and the build's lead-in in Polish: no common English word outside the data.
        names = re.sub(r"`/[^`]*`|[\w/.-]*\w\.(csv|txt)\b", " ", shown)  # the data folder's path, file names
        assert other_words(names, lang) == [], shown
        assert "Problem w danych: " in shown
