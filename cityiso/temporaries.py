"""Temporary files and folders written beside a target (`.<name>.<pid>.<token>.tmp…`) and then moved onto it:
those of processes that were killed are found by their pid."""

import os
import secrets
from collections.abc import Iterator
from pathlib import Path


def temporary_path(out: Path) -> Path:
    """A new place to write before moving onto `out`, unique per call: two builds of one process (two threads of a
    server saving at once) never share one. The pid comes first, so stale_temporaries finds a dead process's files."""
    return out.with_name(f".{out.name}.{os.getpid()}.{secrets.token_hex(8)}.tmp")


def stale_temporaries(out: Path, pattern: str = "*.tmp") -> Iterator[Path]:
    """The temporaries beside `out` whose process is gone (`pattern` after `.<name>.`)."""
    for path in out.parent.glob(f".{out.name}.{pattern}"):
        pid = path.name.removeprefix(f".{out.name}.").split(".")[0]
        if pid.isdigit() and not _alive(int(pid)):
            yield path


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
