"""The one task runner: core work off the main thread, results back on it.

Like Anki's ``taskman`` and ``CollectionOp``/``QueryOp``: a widget hands a plain function to
the runner; the function runs on a worker thread of a ``concurrent.futures.ThreadPoolExecutor``;
its result (or its ``PlayerError``) comes back on the main thread, where the widget's
``on_success``/``on_failure`` runs. Worker threads never touch widgets: they only emit
``_closure_ready`` with a callable, which Qt queues to the main thread.

Two lanes, one executor each:
- ``storage``: a single worker, so every database read and write happens one at a time, in the
  order the UI asked for them (an answer saved before the submit that follows it).
- ``transfer``: long work (installs, downloads, sync) that must not hold up the storage lane;
  two workers, so two transfers run side by side.

A result that is or carries ``Changes`` (``player.ui.ops.changes``) is announced once, after
``on_success``, as ``operation_did_execute(changes, initiator)``: screens redraw from that.
Progress callbacks given to core code are re-emitted as ``Task.progressed`` signals, and each
long task carries a ``CancelToken``.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Literal, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from player.core.errors import PlayerError, TransferCancelled
from player.core.progress import CancelToken, Progress
from player.ui.errors import localized
from player.ui.ops.changes import Changes, changes_of

log = logging.getLogger(__name__)

T = TypeVar("T")
Lane = Literal["storage", "transfer"]
LANE_WORKERS: dict[Lane, int] = {"storage": 1, "transfer": 2}


class Task(QObject):
    """One piece of work: its signals arrive on the main thread."""

    progressed = Signal(object)  # Progress
    succeeded = Signal(object)
    failed = Signal(object)  # BaseException
    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cancel_token = CancelToken()
        self.done = False

    def cancel(self) -> None:
        self.cancel_token.cancel()

    def report(self, progress: Progress) -> None:
        """The ``ProgressCallback`` handed to core code; safe to call from any thread."""
        self.progressed.emit(progress)


class TaskRunner(QObject):
    """Runs functions on worker threads and calls back on the main thread."""

    _closure_ready = Signal(object)
    idle = Signal()
    error_shown = Signal(str)  # an unexpected failure, for the status bar
    #: (Changes, initiator): an operation changed stored data; emitted once per operation.
    operation_did_execute = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Threads start on first use; a lane nobody uses costs nothing.
        self._lanes: dict[Lane, ThreadPoolExecutor] = {
            lane: ThreadPoolExecutor(max_workers=workers, thread_name_prefix=lane)
            for lane, workers in LANE_WORKERS.items()
        }
        self._pending = 0
        self._cancellable: set[CancelToken] = set()  # of long work not finished yet
        self._lock = threading.Lock()
        self._closed = False
        # Emitted only by worker threads, so always queued to this (the main) thread: callbacks
        # never run inside ``run()``, however fast the work.
        self._closure_ready.connect(self._run_closure)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def run(
        self,
        work: Callable[[], T],
        on_success: Callable[[T], Any] | None = None,
        on_failure: Callable[[BaseException], Any] | None = None,
        *,
        owner: QObject | None = None,
        lane: Lane = "storage",
        initiator: object | None = None,
    ) -> Task:
        """Run ``work()`` on a worker; ``on_success(result)`` or ``on_failure(error)`` later.

        When ``owner`` (usually the calling widget) has been deleted by the time the result
        arrives, the callbacks are skipped: a screen closed mid-query is not redrawn. The
        changes the result carries are announced all the same, naming ``initiator`` (by
        default ``owner``) as the one that asked: it has drawn the result already.
        """
        task = Task(self)
        return self._submit(task, lambda: work(), on_success, on_failure, owner, lane, initiator)

    def run_with_progress(
        self,
        work: Callable[[Callable[[Progress], None], CancelToken], T],
        on_success: Callable[[T], Any] | None = None,
        on_failure: Callable[[BaseException], Any] | None = None,
        *,
        on_progress: Callable[[Progress], Any] | None = None,
        owner: QObject | None = None,
        lane: Lane = "transfer",
        initiator: object | None = None,
    ) -> Task:
        """Like ``run`` for long work: ``work(progress_callback, cancel_token)``.

        ``on_progress`` (connected before the work starts, so no report is missed) drives a
        progress bar; ``task.cancel()`` stops the work (core work raises ``TransferCancelled``).
        """
        task = Task(self)
        if on_progress is not None:
            task.progressed.connect(on_progress)
        with self._lock:
            self._cancellable.add(task.cancel_token)
        return self._submit(
            task,
            lambda: work(task.report, task.cancel_token),
            on_success,
            on_failure,
            owner,
            lane,
            initiator,
        )

    def _submit(
        self,
        task: Task,
        call: Callable[[], Any],
        on_success: Callable[[Any], Any] | None,
        on_failure: Callable[[BaseException], Any] | None,
        owner: QObject | None,
        lane: Lane,
        initiator: object | None,
    ) -> Task:
        if self._closed:
            raise RuntimeError("the task runner is shut down")
        with self._lock:
            self._pending += 1

        initiator_or_owner = initiator if initiator is not None else owner

        def work_then_deliver() -> None:
            # Worker thread: do the work, then hand a closure to the main thread, nothing else.
            result: Any = None
            error: BaseException | None = None
            try:
                result = call()
            except BaseException as raised:  # every outcome goes to the UI
                error = raised
            self._closure_ready.emit(
                lambda: self._finish(
                    task, result, error, on_success, on_failure, owner, initiator_or_owner
                )
            )

        self._lanes[lane].submit(work_then_deliver)
        return task

    @Slot(object)
    def _run_closure(self, closure: Callable[[], None]) -> None:
        closure()

    def _finish(
        self,
        task: Task,
        result: Any,
        error: BaseException | None,
        on_success: Callable[[Any], Any] | None,
        on_failure: Callable[[BaseException], Any] | None,
        owner: QObject | None,
        initiator: object | None,
    ) -> None:
        try:
            if self._closed:
                return  # dropped at shutdown: nobody is waiting for it any more
            alive = owner is None or shiboken6.isValid(owner)
            task.done = True
            if error is None:
                task.succeeded.emit(result)
                try:
                    if alive and on_success is not None:
                        on_success(result)
                finally:
                    self.announce(changes_of(result), initiator)
            else:
                task.failed.emit(error)
                if not isinstance(error, PlayerError):
                    log.error(
                        "Unexpected error in a background task:\n%s",
                        "".join(traceback.format_exception(error)),
                    )
                if alive and on_failure is not None:
                    on_failure(error)
                elif not isinstance(error, TransferCancelled):
                    self.error_shown.emit(one_line(error))
            task.finished.emit()
        finally:
            task.deleteLater()
            with self._lock:
                self._cancellable.discard(task.cancel_token)
                self._pending -= 1
                now_idle = self._pending == 0
            if now_idle:
                self.idle.emit()

    def announce(self, changes: Changes, initiator: object | None = None) -> None:
        """Tell the screens that stored data changed (main thread; nothing when nothing did).

        Operations run here are announced by the runner; the main window announces the few
        changes made on the main thread itself (the current learner).
        """
        if changes:
            self.operation_did_execute.emit(changes, initiator)

    def shutdown(self) -> None:
        """Stop accepting work, drop work not started and wait for running tasks (at quit).

        Long work (installs, downloads, copies) is cancelled first, so quitting does not wait
        for a whole download: it stops at its next check and keeps what it fetched.
        """
        self._closed = True
        with self._lock:
            for token in self._cancellable:
                token.cancel()
        for executor in self._lanes.values():
            executor.shutdown(wait=True, cancel_futures=True)


def one_line(error: BaseException) -> str:
    """What to show a user: a ``PlayerError``'s message in the UI language, or a note for a bug."""
    if isinstance(error, PlayerError):
        return localized(error)
    text = " ".join(str(error).split()) or type(error).__name__
    return QCoreApplication.translate("TaskRunner", "Unexpected error: %1").replace("%1", text)
