"""The `cityiso` command: one subcommand per tool, each handing the rest of the line to that tool's main(argv).

`cityiso build --data DIR` runs what `python -m cityiso.build --data DIR` runs; the `python -m` forms keep working.
A tool's module is imported only when its subcommand runs, so `cityiso --help` starts no Streamlit or browser."""

import importlib
import importlib.metadata
import re
import sys
from collections.abc import Callable

# name: (module whose main(argv) runs, one line for --help). In the order a maintainer meets them.
COMMANDS: dict[str, tuple[str, str]] = {
    "build": ("cityiso.build", "validate a data package and build the database"),
    "serve": ("cityiso.app.serve", "start the dashboard (streamlit options follow)"),
    "deck": ("cityiso.deck.__main__", "export slides, a handout or chart images (PPTX, PDF, PNG, SVG)"),
    "parquet": ("cityiso.parquet", "export every table of a built database as Parquet"),
    "codebook": ("cityiso.data.codebook", "print the researchers' codebook (Markdown) from the data package"),
    "terc": ("cityiso.register.terc", "import GUS's TERC register: cityiso terc import FILE [--data DIR]"),
    "places": (
        "cityiso.register.places",
        "fill offices' place populations from GeoNames: cityiso places populations [--data DIR]",
    ),
    "draft": ("cityiso.draft.command", "draft register rows from saved pages, PDFs and texts (curate extra)"),
    "synth": ("cityiso.synth.__main__", "write a synthetic data package at any scale"),
    "bench": ("cityiso.bench.__main__", "measure the build, every named query and every page against budgets"),
    "loadtest": ("cityiso.loadtest.command", "browser sessions click through every page while the data is rebuilt"),
}


def usage() -> str:
    width = max(map(len, COMMANDS))
    lines = [f"  {name:<{width}}  {line}" for name, (_, line) in COMMANDS.items()]
    return "\n".join(
        [
            "usage: cityiso COMMAND [ARGS ...]",
            "",
            "The ISO register of Polish local-government offices: its data, dashboard and tools.",
            "",
            "commands:",
            *lines,
            "",
            "cityiso COMMAND --help tells a command's own arguments.",
        ]
    )


def command(name: str) -> Callable[[list[str]], int | None]:
    """The main(argv) of a subcommand, its module imported now."""
    return importlib.import_module(COMMANDS[name][0]).main


def extra_of(module: str) -> str | None:
    """The optional extra of cityiso (pyproject.toml) that brings the top-level package of `module`, or None."""
    wanted = re.sub(r"[-_.]+", "-", module.split(".")[0]).lower()
    try:
        requirements = importlib.metadata.requires("cityiso") or []
    except importlib.metadata.PackageNotFoundError:
        return None
    for line in requirements:
        found = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*).*;\s*extra\s*==\s*[\"']([^\"']+)[\"']", line)
        if found and re.sub(r"[-_.]+", "-", found[1]).lower() == wanted:
            return found[2]
    return None


def missing_package(name: str, exc: ModuleNotFoundError, extra: str) -> str:
    """What to tell the user when a command needs a package of an optional extra (`extra`) that is not installed."""
    return (
        f"cityiso {name}: needs the optional package {exc.name!r} of the '{extra}' extra: "
        f"pip install -e '.[{extra}]' in the checkout" + (" (./run curate installs it)" if extra == "curate" else "")
    )


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(usage())
        return 0 if argv else 2
    name, rest = argv[0], argv[1:]
    if name not in COMMANDS:
        print(f"cityiso: unknown command {name!r}\n\n{usage()}", file=sys.stderr)
        return 2
    try:
        return command(name)(rest) or 0
    except ModuleNotFoundError as exc:  # a package of an optional extra not installed: say which, no traceback
        if (extra := extra_of(exc.name or "")) is None:
            raise  # anything else missing is a fault to see whole
        print(missing_package(name, exc, extra), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
