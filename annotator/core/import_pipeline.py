"""A large import reads, checks and prepares its records in a second process.

Parsing JSON, the field checks, the content hash and the folded search key are about
half of an import's time, and they depend on the record alone. A worker process does
them and hands the prepared rows, in file order, to the importing process, which checks
spans against the project's labels and writes, as :func:`~.importing.import_records`
always does: the same rows, the same batches and transactions, the same error messages
naming file and line.

- Memory stays flat: the worker sends records in chunks through a bounded queue and
  waits when the writer is that far behind.
- Small inputs do not pay for a process start: below :data:`MIN_BYTES` of input, with
  one core, or when no core is free, the import stays in one process.
- The worker never outlives the import: it is stopped when the import ends or fails,
  ignores Ctrl-C (the importing process handles it) and exits if that process dies.
"""
from __future__ import annotations

import contextlib
import os
import pickle
import queue
import signal
import sys
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .errors import InputError
from .formats import ArticleRecord

#: Inputs smaller than this (in bytes, all files together) are imported in one process:
#: starting a worker costs more than it saves (measured: bench/bench_import_export.py).
MIN_BYTES = 4 << 20
#: Records per message from the worker.
CHUNK = 500
#: Messages the worker may be ahead of the writer: a little over one write batch, so it
#: goes on preparing while the writer commits.
AHEAD = 12
#: How often (seconds) a waiting worker checks that the importing process is still there.
_PARENT_CHECK_S = 1.0

# Messages are lists of tuples, the first item saying what follows:
_ROW = "r"       # (_ROW, row): a record that brings only its article
_RECORD = "a"    # (_RECORD, row, record): a record with spans, annotations or suggestions
_ERROR = "e"     # (_ERROR, reason, file, line): a rejected record or path (InputError)
_CRASH = "x"     # (_CRASH, exception): the worker failed; the import re-raises it

Source = tuple[str, ...]  # ("p", path) or (_ERROR, reason, file, line)


def worth_a_worker(files: list[Path | InputError], threshold: int | None = None,
                   load: float | None = None) -> bool:
    """Whether these files are big enough for a worker process, and a core is free for it.

    A worker only pays when it runs beside the writer: on a machine whose cores are all
    busy (``load``, the 1-minute load average, as ``make -l`` reads it) the two processes
    would take turns, and passing the records between them is extra work (measured on a
    30,000-article import: 20-30 % slower that way; with a core free, the writing process
    needs about 55 % of the CPU time of a one-process import, the reader about 75 %)."""
    import multiprocessing as mp

    cores = os.cpu_count() or 1
    if cores < 2 or mp.current_process().daemon:  # a daemon may not have children
        return False
    if load is None:
        try:
            load = os.getloadavg()[0]
        except OSError:  # not known here: assume the cores are free
            load = 0.0
    if load > cores - 1:
        return False
    total = 0
    for path in files:
        if isinstance(path, Path):
            with contextlib.suppress(OSError):
                total += path.stat().st_size
    return total >= (MIN_BYTES if threshold is None else threshold)


def _start_method() -> str:
    """``fork`` is cheap; a process running a Qt application must not fork (its threads'
    locks would be copied held), so there the worker is spawned."""
    import multiprocessing as mp

    widgets = sys.modules.get("PySide6.QtWidgets")
    qt_running = widgets is not None and widgets.QApplication.instance() is not None
    return "fork" if "fork" in mp.get_all_start_methods() and not qt_running else "spawn"


def _error(err: InputError) -> tuple:
    # Sent as its parts: an InputError pickles as its message only, losing file and line.
    return (_ERROR, err.reason, err.file, err.line)


@contextlib.contextmanager
def prepared_records(files: list[Path | InputError], read: Callable[[Path], Iterator[ArticleRecord | InputError]],
                     created: str) -> Iterator[Iterator[Any]]:
    """The records of ``files``, in order, read and prepared by a worker process: each a
    :class:`~.importing.PreparedRecord` or an :class:`InputError`. ``read`` reads one file
    (module-level or a ``functools.partial`` of one: it is sent to the worker)."""
    import multiprocessing as mp

    sources: list[Source] = [("p", str(f)) if isinstance(f, Path) else _error(f) for f in files]
    ctx: Any = mp.get_context(_start_method())
    messages = ctx.Queue(maxsize=AHEAD)
    worker = ctx.Process(target=_work, args=(messages, sources, read, created, os.getpid()),
                         name="annotator-import-reader", daemon=True)
    worker.start()
    try:
        yield _receive(messages, worker)
    finally:
        if worker.is_alive():
            worker.terminate()
        worker.join()
        messages.close()


def _receive(messages: Any, worker: Any) -> Iterator[Any]:
    from .importing import PreparedRecord

    while True:
        try:
            data = messages.get(timeout=_PARENT_CHECK_S)
        except queue.Empty:
            if worker.is_alive():
                continue
            try:  # it may have put its last message just before it ended
                data = messages.get(timeout=_PARENT_CHECK_S)
            except queue.Empty:
                raise RuntimeError(f"the import's reader process stopped unexpectedly "
                                   f"(exit code {worker.exitcode})") from None
        chunk = pickle.loads(data)
        if chunk is None:
            return
        for message in chunk:
            tag = message[0]
            if tag == _ROW:
                yield PreparedRecord(message[1], None)
            elif tag == _RECORD:
                yield PreparedRecord(message[1], message[2])
            elif tag == _ERROR:
                yield InputError(message[1], message[2], message[3])
            else:
                raise message[1]


def _work(messages: Any, sources: list[Source], read: Callable[[Path], Iterator[ArticleRecord | InputError]],
          created: str, parent: int) -> None:
    """The worker: read every source in order, prepare each record, send them in chunks."""
    from .importing import _article_row, _carries_work
    from .text import fold

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the importing process stops us

    def send(chunk: list | None) -> None:
        # Pickled here, not by the queue's feeder thread, which would only log a failure.
        data = pickle.dumps(chunk, protocol=pickle.HIGHEST_PROTOCOL)
        while True:
            try:
                messages.put(data, timeout=_PARENT_CHECK_S)
                return
            except queue.Full:
                if os.getppid() != parent:  # the importing process is gone (killed)
                    os._exit(0)

    def prepared(item: ArticleRecord | InputError) -> tuple:
        if isinstance(item, InputError):
            return _error(item)
        try:
            row = _article_row(item, fold, created)
        except InputError as err:
            return _error(err)
        return (_RECORD, row, item) if _carries_work(item) else (_ROW, row)

    chunk: list[tuple] = []
    try:
        for source in sources:
            if source[0] == _ERROR:
                chunk.append(source)
                continue
            try:
                for item in read(Path(source[1])):
                    chunk.append(prepared(item))
                    if len(chunk) >= CHUNK:
                        send(chunk)
                        chunk = []
            except InputError as err:
                chunk.append(_error(err))
        send(chunk)
        send(None)
    except BaseException as exc:  # noqa: BLE001 - whatever it is, the import must hear of it
        send([*chunk, (_CRASH, _picklable(exc))])
        send(None)


def _picklable(exc: BaseException) -> BaseException:
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001
        return RuntimeError("".join(traceback.format_exception(exc)))
