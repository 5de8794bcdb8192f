"""Benchmark: 30 laptops install a 50 MB course from one workshop hub at once, against nginx.

One packed course (incompressible media, ``--mb`` MB in all) is installed on the hub's data
folder; ``course-player hub`` serves it (its own process, 127.0.0.1) and nginx serves the packed
folder itself (same files). In the same run, ``--laptops`` worker processes — started first,
then released together — each install the whole course (every quality) into their own data
folder with the ordinary ``install`` (per-file SHA-256 verified), first from nginx, then from
the hub, alternately for ``--rounds`` rounds. Aggregate throughput = all bytes installed ÷ time
from the release to the last install's end. Every copy is checked: installed, every member's
hash equal to the manifest's.

Then ``--laptops`` × ``--statements``: each laptop sends its statements to the hub at once
(the ``sync --hub`` core path), counted in the hub's outbox. The fault-injected version, with
the hub then forwarding to Ralph, is ``tests/integration/test_hub_load.py``.

    .venv/bin/python bench/bench_hub.py [--laptops 30] [--mb 50] [--write docs/performance.md]
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing as mp
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import replace_section  # noqa: E402

SECTION = "## Workshop hub"
CODE = "BENCH7"


@dataclass
class Round:
    server: str
    seconds: float
    bytes: int
    verified: int


_GATE: dict[str, object] = {}


def _init_worker(ready: object, start: object) -> None:
    """Pool initializer: the start gate is inherited at process creation (it cannot be sent)."""
    _GATE.update(ready=ready, start=start)


def _install_worker(args: tuple[str, str, str]) -> tuple[int, int, float]:
    """One laptop: wait for the start, install, verify; (bytes, verified 0/1, end time)."""
    url, home, manifest_sha = args
    ready, start = _GATE["ready"], _GATE["start"]
    from player.core.context import open_context
    from player.core.install import install, open_source
    from player.core.paths import DataDir

    ctx = open_context(DataDir(Path(home)))
    ready.release()  # type: ignore[attr-defined]
    start.wait()  # type: ignore[attr-defined]
    source = open_source(url, ctx.data)
    try:
        result = install(ctx, source)
    finally:
        source.close()
    end = time.monotonic()
    manifest = ctx.manifest(result.course_id)
    ok = ctx.course_row(result.course_id)["manifest_sha256"] == manifest_sha  # type: ignore[index]
    total = 0
    for entry in manifest.files.values():
        path = ctx.member_path(result.course_id, entry.path)
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path else ""
        ok = ok and digest == entry.sha256
        total += entry.size
    ctx.close()
    return total, int(ok), end


def one_round(server: str, url: str, laptops: int, work: Path, manifest_sha: str) -> Round:
    spawn = mp.get_context("spawn")
    ready = spawn.Semaphore(0)
    start = spawn.Event()
    homes = [work / f"{server}-{i:02d}-{time.monotonic_ns()}" for i in range(laptops)]
    with spawn.Pool(laptops, initializer=_init_worker, initargs=(ready, start)) as pool:
        pending = pool.map_async(_install_worker, [(url, str(h), manifest_sha) for h in homes])
        for _ in range(laptops):
            if not ready.acquire(timeout=300):
                raise RuntimeError("the laptop processes did not start")
        began = time.monotonic()
        start.set()
        results = pending.get(timeout=1800)
    for home in homes:
        subprocess.run(["rm", "-rf", str(home)], check=False)
    return Round(
        server,
        max(end for _, _, end in results) - began,
        sum(size for size, _, _ in results),
        sum(ok for _, ok, _ in results),
    )


def build_course(work: Path, mb: int) -> tuple[Path, Path]:
    """Pack a course of ``mb`` MB of random media; returns (source folder, packed folder)."""
    from player.core.package.pack import pack
    from tests.helpers.courses import MEDIA, document, write_source

    size = mb * 1_000_000
    media = dict(
        MEDIA,
        **{
            "media/intro-480.mp4": os.urandom(size * 70 // 100),
            "media/intro-240.mp4": os.urandom(size * 22 // 100),
            "media/intro.m4a": os.urandom(size * 8 // 100),
        },
    )
    source = write_source(work / "source", document(), media)
    packed = work / "www" / "course"
    pack(source, packed)
    return source, packed


def start_hub(home: Path, port: int) -> subprocess.Popen[bytes]:
    env = dict(os.environ, COURSE_PLAYER_HOME=str(home), PYTHONUNBUFFERED="1")
    log = home.parent / "hub.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "player", "hub", "--bind", "127.0.0.1", "--port", str(port),
             "--code", CODE, "--no-announce"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    deadline = time.monotonic() + 60
    while "serving at" not in log.read_text(errors="replace"):
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(log.read_text(errors="replace"))
        time.sleep(0.1)
    return process


def statements_round(hub_url: str, laptops: int, per_laptop: int, work: Path) -> dict[str, object]:
    """Every laptop sends its statements to the hub at once; the hub forwards to Ralph."""
    import threading

    from player.core.hub.learner import HubLink, sync_with_hub
    from player.core.hub.pairing import token_for
    from player.core.store.database import open_database
    from player.core.sync.config import SyncSettings
    from tests.helpers.outbox import add_completions, add_learner

    dbs = []
    for index in range(laptops):
        db = open_database(work / f"stmt-laptop-{index}.sqlite3")
        learner, learner_uuid = add_learner(db, f"L{index}", f"l{index}@example.org")
        add_completions(db, learner, learner_uuid, per_laptop)
        dbs.append(db)
    link = HubLink(hub_url, token_for(CODE))
    sent: list[int] = []
    began = time.monotonic()

    def run(db: object) -> None:
        report = sync_with_hub(db, SyncSettings(), link, timeout=120)  # type: ignore[arg-type]
        sent.append(report.hub.sent)

    threads = [threading.Thread(target=run, args=(db,)) for db in dbs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.monotonic() - began
    for db in dbs:
        db.conn.close()
    return {"sent": sum(sent), "seconds": seconds}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--laptops", type=int, default=30)
    parser.add_argument("--mb", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--statements", type=int, default=200)
    parser.add_argument("--write", type=Path, help="update the Workshop hub section of this file")
    args = parser.parse_args()

    from player.core.context import open_context
    from player.core.install import install
    from player.core.package.reader import FolderSource
    from player.core.paths import DataDir
    from player.core.store.database import open_database
    from tests.fixtures.nginx import NginxServer, free_port

    work = Path(tempfile.mkdtemp(prefix="bench-hub-"))
    try:
        _, packed = build_course(work, args.mb)
        manifest_sha = hashlib.sha256((packed / "course.json").read_bytes()).hexdigest()
        hub_home = work / "hub-home"
        ctx = open_context(DataDir(hub_home))
        install(ctx, FolderSource(packed))
        ctx.close()
        port = free_port()
        hub = start_hub(hub_home, port)
        rounds: list[Round] = []
        try:
            with NginxServer(work / "www") as nginx:
                urls = {
                    "nginx": nginx.url("course/course.json"),
                    "hub": f"http://127.0.0.1:{port}/courses/test-course/course.json",
                }
                for _ in range(args.rounds):
                    for server in ("nginx", "hub"):
                        done = one_round(server, urls[server], args.laptops, work, manifest_sha)
                        rounds.append(done)
                        print(
                            f"{server}: {done.bytes / done.seconds / 1e6:.0f} MB/s,"
                            f" {done.verified}/{args.laptops} verified",
                            flush=True,
                        )
            posted = statements_round(
                f"http://127.0.0.1:{port}/", args.laptops, args.statements, work
            )
        finally:
            hub.terminate()
            hub.wait(timeout=30)
        db = open_database(hub_home / "player.sqlite3")
        at_hub = db.execute("SELECT COUNT(DISTINCT statement_id), COUNT(*) FROM outbox").fetchone()
        db.conn.close()
    finally:
        subprocess.run(["rm", "-rf", str(work)], check=False)

    def best(server: str) -> Round:
        return max((r for r in rounds if r.server == server), key=lambda r: r.bytes / r.seconds)

    nginx_best, hub_best = best("nginx"), best("hub")
    ratio = (hub_best.bytes / hub_best.seconds) / (nginx_best.bytes / nginx_best.seconds)
    verified = sum(r.verified for r in rounds)
    expected = args.laptops * len(rounds)
    lines = [
        SECTION,
        "",
        f"`bench/bench_hub.py --laptops {args.laptops} --mb {args.mb}`: one course of"
        f" {args.mb} MB (incompressible media, every quality) installed by {args.laptops}"
        " laptop processes at once with the ordinary `install` (per-file SHA-256), from"
        " `course-player hub` (aiohttp, its own process) and from nginx serving the packed"
        " folder, same files, same clients, same run, alternately; best of"
        f" {args.rounds} rounds each. All on 127.0.0.1 of a 2-core machine shared with other"
        " work: the clients (hashing, SQLite) compete with the servers for the same cores.",
        "",
        "| figure | value |",
        "|---|---|",
        f"| nginx, aggregate | {nginx_best.bytes / nginx_best.seconds / 1e6:.0f} MB/s"
        f" ({nginx_best.seconds:.1f} s) |",
        f"| hub, aggregate | {hub_best.bytes / hub_best.seconds / 1e6:.0f} MB/s"
        f" ({hub_best.seconds:.1f} s) |",
        f"| **hub ÷ nginx** | **{ratio:.2f}** (target ≥ 0.7) |",
        f"| copies verified | {verified} / {expected} |",
        f"| statements posted at once ({args.laptops} × {args.statements}) |"
        f" {posted['sent']} sent in {posted['seconds']:.2f} s |",
        f"| statements in the hub's outbox (distinct / rows) | {at_hub[0]} / {at_hub[1]} |",
        "",
        "With 30 client processes on 2 cores, hashing and writing the copies cost as much as"
        " serving them: both servers are held back by the clients, and the ratio shows the"
        " hub is not the bottleneck. The statements all come from 127.0.0.1, one client for"
        " the hub's per-client limit (10 writes/s, burst 40): the laptops meet 429s and back"
        " off, which is most of that time.",
        "",
        "Exactly once under cut connections, at the hub and then at Ralph behind it, and the"
        " hub SIGKILLed mid-install: `tests/integration/test_hub_load.py`.",
    ]
    section = "\n".join(lines) + "\n"
    print(section)
    if args.write:
        replace_section(args.write, section)
    return 0 if verified == expected and ratio >= 0.7 else 1


if __name__ == "__main__":
    sys.exit(main())
