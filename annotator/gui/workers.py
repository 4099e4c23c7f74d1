"""Background work: jobs run off the GUI thread and never touch widgets.

A job computes, then emits a signal; the window (GUI thread) applies the result.
spaCy and camel-tools are imported inside the job, so start-up never pays for them.

:func:`start_job` is the one way to run a job with results: every job's signals are
owned the same way. The signals object has no Qt parent and is kept alive here until
the job has emitted its last signal, so a worker never emits on a deleted object (the
pool deletes the job itself, in its thread, as soon as ``run`` returns; and a window
closed mid-job used to take the signals with it: ``Signal source has been deleted``).
The window's callbacks hang on a relay parented to the window, so once the window is
gone its callbacks are simply not called.

The signals object is destroyed in the GUI thread, after the worker has left ``run``: the
sweeper owns it (as its Qt parent) and deletes it later once the job says it is done. Let
go of by Python alone, it died wherever its last reference went — in the pool thread when
the GUI thread had released it first — while the GUI thread could still be delivering its
queued calls (a segfault seen in CI).

The program waits for running jobs before the interpreter tears down (:func:`drain_at_exit`):
teardown clears this module's globals, which deleted the signals of a job still running
and crashed the process on its last emit (seen at the end of ``annotator --smoke-test``).
"""
from __future__ import annotations

import atexit
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ..core.errors import AnnotatorError

log = logging.getLogger(__name__)

_suggesters: dict[str, Any] = {}
_lock = threading.Lock()
_live: set[JobSignals] = set()  # signals of running jobs (see the module docstring)
_drain_registered = False
#: How long the exiting program waits for running jobs. Every job saves through its own
#: transaction, so one cut short loses no annotation; it is the crash that must not happen.
EXIT_WAIT_MS = 120_000


def cached_suggester(source: str, options: dict[str, Any]) -> Any:
    """One suggester per source and options for the whole session (building one loads
    spaCy and the gazetteers: seconds). Safe to call from any pool thread."""
    key = source + repr(sorted(options.items()))
    with _lock:
        if key not in _suggesters:
            from ..core.suggest import get_suggester

            _suggesters[key] = get_suggester(source, **options)
        return _suggesters[key]


def pool() -> QThreadPool:
    return QThreadPool.globalInstance()


def drain_at_exit() -> None:
    """Wait, once, at interpreter exit, for the jobs still in the pool (see the module
    docstring). Registered by the first :func:`start_job`."""
    global _drain_registered
    if not _drain_registered:
        _drain_registered = True
        atexit.register(_wait_for_jobs)


def _wait_for_jobs() -> None:
    if not pool().waitForDone(EXIT_WAIT_MS):
        log.warning("background jobs still running at exit after %d s", EXIT_WAIT_MS // 1000)


class JobSignals(QObject):
    progress = Signal(int)
    finished = Signal(object)
    failed = Signal(str)  # a one-line message

    def __init__(self) -> None:
        super().__init__()
        self.done = threading.Event()  # set by the worker once it has emitted its last signal


class Job(QRunnable):
    """Work for the pool: subclasses implement :meth:`work`; a domain error (or any bug,
    logged) becomes ``failed`` with a message, never an exception in the pool thread."""

    def __init__(self) -> None:
        super().__init__()
        self.signals = JobSignals()

    def work(self, progress: Callable[[int], None]) -> Any:
        raise NotImplementedError

    def run(self) -> None:
        signals = self.signals
        try:
            result = self.work(signals.progress.emit)
        except AnnotatorError as exc:
            signals.failed.emit(str(exc))
        except Exception as exc:  # a worker bug must not take the annotator's window down
            log.exception("%s failed", type(self).__name__)
            signals.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            signals.finished.emit(result)
        finally:
            signals.done.set()


class _Relay(QObject):
    """Receives a job's signals for one window; dies with the window."""

    def __init__(self, owner: QObject, signals: JobSignals, finished: Callable[[Any], None],
                 failed: Callable[[str], None] | None, progress: Callable[[int], None] | None):
        super().__init__(owner)
        self.signals, self._finished, self._failed, self._progress = signals, finished, failed, progress
        signals.finished.connect(self.on_finished)
        signals.failed.connect(self.on_failed)
        signals.progress.connect(self.on_progress)

    def on_progress(self, n: int) -> None:
        if self._progress is not None:
            self._progress(n)

    def on_finished(self, result: object) -> None:
        self._end()
        self._finished(result)

    def on_failed(self, message: str) -> None:
        self._end()
        if self._failed is not None:
            self._failed(message)

    def _end(self) -> None:
        self.deleteLater()


class _Sweeper(QObject):
    """Lets go of a job's signals once its last signal has been delivered (it lives as
    long as the application, so that happens even after the job's window is gone)."""

    def release(self, *_args: object) -> None:
        signals = self.sender()
        if not isinstance(signals, JobSignals):
            return
        _live.discard(signals)
        # The worker sets ``done`` right after the emit that brought us here (microseconds);
        # only then may the object go, and in this thread, after the calls still queued.
        signals.done.wait(5)
        signals.deleteLater()


_sweeper: _Sweeper | None = None


def _sweeper_instance() -> _Sweeper:
    global _sweeper
    if _sweeper is None:
        from PySide6.QtCore import QCoreApplication

        _sweeper = _Sweeper(QCoreApplication.instance())
    return _sweeper


def start_job(owner: QObject, job: Job, *, finished: Callable[[Any], None],
              failed: Callable[[str], None] | None = None, progress: Callable[[int], None] | None = None) -> Job:
    """Run ``job`` on the pool; its results reach ``owner``'s callbacks on the GUI thread
    while ``owner`` exists."""
    drain_at_exit()
    _live.add(job.signals)
    _Relay(owner, job.signals, finished, failed, progress)
    # Connected after the relay: queued calls run in connection order, so the window has
    # its result before the signals object is let go. The sweeper owns it from now on, so
    # that no Python reference dropped in the pool thread can destroy it there.
    sweeper = _sweeper_instance()
    job.signals.setParent(sweeper)
    job.signals.finished.connect(sweeper.release)
    job.signals.failed.connect(sweeper.release)
    pool().start(job)
    return job


def start_warm_up() -> None:
    """Start :class:`WarmUpJob` (awaited at exit like every job)."""
    drain_at_exit()
    pool().start(WarmUpJob())


class WarmUpJob(QRunnable):
    """Pay one-off import costs (camel-tools' character tables) before the first keypress needs them."""

    def run(self) -> None:
        try:
            from ..core.text import warm_up

            warm_up()
        except Exception:  # only a speed-up: a failure here must never reach the user
            log.exception("warm-up failed")


class ImportJob(Job):
    """Import files into the project on a worker thread, through its own connection.

    SQLite connections belong to one thread, and the window's connection keeps serving
    the GUI meanwhile; WAL lets both work on the file at once.
    """

    def __init__(self, project_path: str, paths: list[str], annotator: str):
        super().__init__()
        self.project_path = project_path
        self.paths = paths
        self.annotator = annotator

    def work(self, progress: Callable[[int], None]) -> Any:
        from ..core.importing import import_paths
        from ..core.store import Project

        with Project.open(self.project_path) as project:
            return import_paths(project, self.paths, annotator=self.annotator, progress=progress)
