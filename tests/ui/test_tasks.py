"""The task runner: work off the main thread, results and progress back on it, in order."""

from __future__ import annotations

import threading
from dataclasses import dataclass

import pytest

from player.core.errors import LearningError
from player.core.progress import Progress
from player.ui.tasks import TaskRunner


@pytest.fixture
def runner(qapp):
    tasks = TaskRunner()
    yield tasks
    tasks.shutdown()


def test_work_runs_off_the_main_thread_and_reports_on_it(qtbot, runner) -> None:
    seen: dict[str, object] = {}
    main = threading.current_thread()

    def work() -> int:
        seen["worker"] = threading.current_thread()
        return 42

    def done(value: int) -> None:
        seen["value"] = value
        seen["callback"] = threading.current_thread()

    with qtbot.waitSignal(runner.idle):
        runner.run(work, done)
    assert seen["worker"] is not main
    assert seen["callback"] is main
    assert seen["value"] == 42


def test_results_wait_for_the_event_loop_even_when_the_work_is_already_done(qtbot, runner) -> None:
    # A widget may still be setting itself up after run(): its callback must not run before
    # the main thread returns to the event loop, however fast the work.
    finished = threading.Event()
    called: list[int] = []
    runner.run(lambda: finished.set() or 7, called.append)
    assert finished.wait(10)
    assert called == []
    qtbot.waitUntil(lambda: called == [7])


def test_a_player_error_reaches_on_failure(qtbot, runner) -> None:
    errors: list[BaseException] = []

    def work() -> None:
        raise LearningError("This attempt was already submitted.")

    with qtbot.waitSignal(runner.idle):
        runner.run(work, on_failure=errors.append)
    assert [str(e) for e in errors] == ["This attempt was already submitted."]


def test_storage_work_runs_in_the_order_asked(qtbot, runner) -> None:
    order: list[int] = []
    with qtbot.waitSignal(runner.idle):
        for number in range(20):
            runner.run(lambda n=number: order.append(n))
    assert order == list(range(20))


def test_progress_is_re_emitted_and_cancel_reaches_the_work(qtbot, runner) -> None:
    reports: list[Progress] = []
    gate = threading.Event()

    def work(progress, cancel) -> str:
        progress(Progress(1, 4))
        gate.wait(10)
        cancel.raise_if_cancelled()
        return "finished"

    failures: list[BaseException] = []
    task = runner.run_with_progress(work, on_failure=failures.append, on_progress=reports.append)
    qtbot.waitUntil(lambda: bool(reports))
    task.cancel()
    gate.set()
    qtbot.waitUntil(lambda: bool(failures))
    assert reports[0].fraction == 0.25
    assert type(failures[0]).__name__ == "TransferCancelled"


def test_callbacks_of_a_deleted_owner_are_skipped(qtbot, runner) -> None:
    from PySide6.QtWidgets import QWidget

    owner = QWidget()
    called: list[int] = []
    gate = threading.Event()
    with qtbot.waitSignal(runner.idle):
        runner.run(lambda: gate.wait(10) and 1, called.append, owner=owner)
        owner.deleteLater()
        qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(owner))
        gate.set()
    assert called == []


def test_emitting_signals_does_not_leak_references_to_true(qapp) -> None:
    """PySide6 6.12.0 drops a reference to ``True`` on every Python-side ``emit()``: the app
    then dies with "bool_dealloc" after a few thousand signals. pyproject excludes it."""
    import sys

    from PySide6.QtCore import QObject, Signal

    class Emitter(QObject):
        fired = Signal(object)

    emitter = Emitter()
    emitter.fired.connect(lambda _value: None)
    before = sys.getrefcount(True)
    for _ in range(500):
        emitter.fired.emit(1)
    assert sys.getrefcount(True) >= before - 5


def test_quitting_waits_for_running_work_and_drops_work_not_started(qapp) -> None:
    # A quiz answer being saved when the learner quits is saved; queued reads are dropped.
    runner = TaskRunner()
    started, release = threading.Event(), threading.Event()
    saved: list[str] = []

    def save() -> None:
        started.set()
        release.wait(10)
        saved.append("answer")

    runner.run(save)
    runner.run(lambda: saved.append("never"))
    assert started.wait(10)
    threading.Timer(0.2, release.set).start()
    runner.shutdown()  # returns only once save() is done
    assert saved == ["answer"]


def test_transfers_run_side_by_side(qtbot, runner) -> None:
    # Two downloads at once: each waits until the other has started.
    first, second = threading.Event(), threading.Event()
    results: list[bool] = []
    runner.run(lambda: first.set() or second.wait(10), results.append, lane="transfer")
    runner.run(lambda: second.set() or first.wait(10), results.append, lane="transfer")
    qtbot.waitUntil(lambda: len(results) == 2)
    assert results == [True, True]


def test_storage_work_runs_on_one_worker_thread(qtbot, runner) -> None:
    # One thread for the database: SQLite never sees two of the app's statements at once.
    threads: set[str] = set()
    with qtbot.waitSignal(runner.idle):
        for _ in range(10):
            runner.run(lambda: threads.add(threading.current_thread().name))
    assert len(threads) == 1


def test_changes_are_announced_once_after_the_callback_naming_who_asked(qtbot, runner) -> None:
    from PySide6.QtWidgets import QWidget

    from player.ui.ops.changes import PROGRESS_AND_OUTBOX, Changes

    @dataclass(frozen=True)
    class Outcome:
        score: float
        changes: Changes

    screen = QWidget()
    events: list[tuple[str, object, object]] = []
    runner.operation_did_execute.connect(
        lambda changes, initiator: events.append(("announced", changes, initiator))
    )
    with qtbot.waitSignal(runner.idle):
        runner.run(
            lambda: Outcome(0.8, PROGRESS_AND_OUTBOX),
            lambda outcome: events.append(("drawn", outcome.score, None)),
            owner=screen,
        )
        runner.run(lambda: 42)  # a read: nothing to announce
    assert events == [("drawn", 0.8, None), ("announced", PROGRESS_AND_OUTBOX, screen)]


def test_changes_are_announced_even_when_the_screen_that_asked_is_gone(qtbot, runner) -> None:
    from PySide6.QtWidgets import QWidget

    from player.ui.ops.changes import PROGRESS

    owner = QWidget()
    gate = threading.Event()
    announced: list[object] = []
    runner.operation_did_execute.connect(lambda changes, _initiator: announced.append(changes))
    with qtbot.waitSignal(runner.idle):
        runner.run(lambda: gate.wait(10) and PROGRESS, owner=owner)
        owner.deleteLater()
        qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(owner))
        gate.set()
    assert announced == [PROGRESS]  # the answer was saved: the outline must still know


def test_quitting_cancels_long_work_instead_of_waiting_for_it_to_end(qapp) -> None:
    # A download when the learner quits stops at its next check (what it fetched is kept).
    runner = TaskRunner()
    started = threading.Event()
    ended: list[str] = []

    def download(_progress, cancel) -> None:
        started.set()
        for _ in range(1000):  # ≈ 10 s if nothing stops it
            if cancel.cancelled:
                ended.append("cancelled")
                return
            threading.Event().wait(0.01)
        ended.append("ran to the end")

    runner.run_with_progress(download)
    assert started.wait(10)
    runner.shutdown()
    assert ended == ["cancelled"]
