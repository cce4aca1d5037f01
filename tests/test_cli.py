"""The `cityiso` command: --help lists every subcommand, and a subcommand runs its tool with the rest of the line."""

import subprocess
import sys
import tomllib
from pathlib import Path

import duckdb
import pytest

from cityiso import cli
from cityiso.paths import ROOT


def _cityiso(*args: str) -> subprocess.CompletedProcess:
    """`python -m cityiso ARGS`, which runs what the console script runs (cityiso.cli:main)."""
    return subprocess.run(
        [sys.executable, "-m", "cityiso", *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def test_the_console_script_is_declared() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["scripts"] == {"cityiso": "cityiso.cli:main"}


def test_help_lists_every_subcommand_with_one_line() -> None:
    done = _cityiso("--help")
    assert done.returncode == 0, done.stderr
    listed = {line.split()[0]: line for line in done.stdout.splitlines() if line.startswith("  ")}
    assert set(listed) == set(cli.COMMANDS)
    assert {"build", "serve", "deck", "draft", "synth", "bench", "terc", "loadtest"} <= set(listed)
    assert all(len(line.split()) > 2 for line in listed.values())


@pytest.mark.parametrize("name", sorted(cli.COMMANDS))
def test_every_subcommand_has_a_main(name: str) -> None:
    assert callable(cli.command(name))


def test_unknown_subcommand_is_refused_with_the_list() -> None:
    assert cli.main(["nonsense"]) == 2


def test_synth_then_build_end_to_end(tmp_path: Path) -> None:
    """`cityiso synth` writes a package and `cityiso build --data --out` builds it, both through the one command."""
    made = _cityiso("synth", "--offices", "2", "--years", "2", "--out", str(tmp_path / "data"))
    assert made.returncode == 0, made.stderr
    out = tmp_path / "built.duckdb"
    built = _cityiso("build", "--data", str(tmp_path / "data"), "--out", str(out))
    assert built.returncode == 0, built.stdout + built.stderr
    assert built.stdout.startswith("Built ")
    with duckdb.connect(str(out), read_only=True) as con:
        assert con.execute("select count(*) from offices").fetchone()[0] == 2


def test_terc_passes_its_own_subcommand_on() -> None:
    done = _cityiso("terc", "import", "--help")
    assert done.returncode == 0, done.stderr
    assert "FILE" in done.stdout or "file" in done.stdout
