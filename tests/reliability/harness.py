"""What every reliability test shares: bounded CLI runs, folder snapshots, outcome records.

``record_outcome`` appends one JSON line per fault tried to the file named by the environment
variable ``RELIABILITY_RESULTS`` (nothing is written when it is unset);
``scripts/reliability_report.py`` turns those lines into ``docs/reliability.md``.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from player.core.context import open_context
from player.core.paths import DataDir

RESULTS_ENV = "RELIABILITY_RESULTS"
ROOT = Path(__file__).resolve().parents[2]
#: Address-space limit of a CLI child: a zip bomb or a huge manifest must fit in it.
CHILD_MEMORY = 1024 * 1024 * 1024
#: Bound of one CLI run (never reached by a healthy run; a hang fails the test instead).
CHILD_TIMEOUT = 120.0
ERROR_PREFIX = "course-player: error:"

#: Runs a command and writes its own peak memory (see ``run_child``).
PEAK_MEMORY = Path(__file__).with_name("peak_memory.py")


def record_outcome(
    area: str,
    fault: str,
    *,
    repetitions: int = 1,
    lost: int = 0,
    duplicated: int = 0,
    result: str,
    figures: dict[str, Any] | None = None,
) -> None:
    """Append one outcome (a fault, how often it was tried, what came of it) to the results."""
    target = os.environ.get(RESULTS_ENV)
    if not target:
        return
    line = {
        "area": area,
        "fault": fault,
        "repetitions": repetitions,
        "lost": lost,
        "duplicated": duplicated,
        "result": " ".join(result.split()),
        "figures": figures or {},
    }
    with open(target, "a", encoding="utf-8") as stream:
        stream.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")


@dataclass(frozen=True)
class CliRun:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    max_rss_mib: float

    def error_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.startswith(ERROR_PREFIX)]

    def one_line_error(self) -> str:
        """The single error line of a refused command (asserting there is exactly one)."""
        assert self.returncode not in (0, -signal.SIGKILL), self.stderr
        assert "Traceback" not in self.stderr and 'File "' not in self.stderr, self.stderr
        errors = self.error_lines()
        assert len(errors) == 1, self.stderr
        assert len(errors[0]) < 600, errors[0]
        return errors[0][len(ERROR_PREFIX) :].strip()


def limit_memory(limit: int = CHILD_MEMORY) -> None:
    """``preexec_fn`` of a CLI child: cap its address space."""
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def cli_env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COURSE_PLAYER_")}
    env.update(COURSE_PLAYER_HOME=str(home), PYTHONDONTWRITEBYTECODE="1", **extra)
    return env


def cli_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "player", *args]


def run_cli(
    args: list[str],
    home: Path,
    *,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = CHILD_TIMEOUT,
    memory: int = CHILD_MEMORY,
) -> CliRun:
    """Run ``course-player ARGS`` as a user would, in bounded time and memory."""
    return run_child(
        cli_command(*args), cwd or home.parent, env or cli_env(home), timeout=timeout, memory=memory
    )


def run_child(
    command: list[str],
    cwd: Path,
    env: dict[str, str],
    *,
    timeout: float = CHILD_TIMEOUT,
    memory: int = CHILD_MEMORY,
) -> CliRun:
    """Run ``command`` in bounded time and memory.

    Output goes to files (no pipe can fill up); the child's own peak memory comes from
    ``wait4`` in a small launcher (``peak_memory.py``: forked from pytest itself, the child
    would count pytest's size too). A child still running after ``timeout`` is killed with its
    launcher and the test fails.
    """
    cwd.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    # Anonymous files in the system's temporary folder: never on the disk under test.
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.TemporaryDirectory() as work,
    ):
        peak = Path(work) / "peak"
        child = subprocess.Popen(
            [sys.executable, str(PEAK_MEMORY), str(peak), *command],
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            preexec_fn=lambda: limit_memory(memory),
            start_new_session=True,  # a timeout kills the launcher and the command together
        )
        status = _wait_bounded(child, timeout)
        seconds = time.monotonic() - started
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
        peak_kib = int(peak.read_text()) if peak.exists() else 0
    if status is None:
        raise AssertionError(f"{' '.join(command)} ran over {timeout} s:\n{stderr}")
    return CliRun(os.waitstatus_to_exitcode(status), stdout, stderr, seconds, peak_kib / 1024)


def _wait_bounded(child: subprocess.Popen[bytes], timeout: float) -> int | None:
    """The child's wait status, or None after killing its whole group at ``timeout``."""
    try:
        child.wait(timeout)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()
        return None
    # Popen keeps the exit code; give the raw status back as wait4 would.
    code = child.returncode
    return (-code) & 0x7F if code < 0 else (code & 0xFF) << 8


def snapshot(root: Path, *, skip: tuple[Path, ...] = ()) -> dict[str, str]:
    """Every file under ``root`` (not following links) with its SHA-256; the database's files
    and anything under ``skip`` are left out (SQLite rewrites them on every open)."""
    found: dict[str, str] = {}
    if not root.exists():
        return found
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        dirnames[:] = [d for d in dirnames if here / d not in skip]
        for name in filenames:
            path = here / name
            if name.startswith("player.sqlite3"):
                continue
            if path.is_symlink():
                found[path.relative_to(root).as_posix()] = f"link:{os.readlink(path)}"
                continue
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            found[path.relative_to(root).as_posix()] = digest
    return found


def installed(
    home: Path, course_id: str = "test-course"
) -> tuple[int | None, dict[str, bytes | None]]:
    """The installed version and the bytes of each of its members, read as the app reads them."""
    ctx = open_context(DataDir(home))
    try:
        row = ctx.course_row(course_id)
        if row is None:
            return None, {}
        manifest = ctx.manifest(course_id)
        members = {}
        for path in manifest.files:
            where = ctx.member_path(course_id, path)
            members[path] = where.read_bytes() if where is not None else None
        return row["version"], members
    finally:
        ctx.close()
