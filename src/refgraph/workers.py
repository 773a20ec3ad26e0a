"""Worker processes that never outlive the command, and interruptions that stop it cleanly.

A killed `refgraph build` (kill -9, SIGTERM, a CI job cancelled) must not leave its extraction workers
running with init as their parent: each worker asks the kernel to kill it when its parent dies
(prctl(PR_SET_PDEATHSIG) on Linux) or, where that is not available, watches its parent from a thread.
SIGINT and SIGTERM both become :class:`Interrupted` in the main process, which stops the pool, rolls
back any open write and leaves with one line and the conventional exit code (130 or 143).
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
WATCH_SECONDS = 0.5


class Interrupted(BaseException):
    """SIGINT or SIGTERM in the main process. A BaseException, like KeyboardInterrupt, so that no
    ``except Exception`` swallows it; not a KeyboardInterrupt, so that Click does not turn it into a
    silent exit before refgraph can say what happened."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


_interrupted = False


def _raise_interrupted(signum, _frame) -> None:
    global _interrupted
    if _interrupted:  # a second signal while stopping: leave now (SQLite's journal keeps the store whole)
        os._exit(128 + signum)
    _interrupted = True
    raise Interrupted(signum)


def install_signal_handlers() -> None:
    """SIGINT and SIGTERM raise Interrupted (main thread only, as Python requires)."""
    if threading.current_thread() is not threading.main_thread():
        return
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, _raise_interrupted)


@contextlib.contextmanager
def gc_paused():
    """No cyclic garbage collection inside: a build or a check makes a few million objects that all live
    until the end (mentions, links, documents), and Python's collector walks them again and again as
    they are made (a sixth of a check's time on 14k pages). They hold no cycles; reference counting
    frees them."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _die_with_parent(parent: int) -> None:
    """Worker initializer: die when ``parent`` does; leave interruptions to the parent."""
    gc.enable()  # forked from a build that paused it: extraction keeps Python's usual collector
    # Ctrl-C reaches the whole process group; the parent decides, the workers must not print tracebacks
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
                if os.getppid() != parent:  # the parent died before the request was made
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(1)


def parallel_map(fn: Callable, items: Iterable, jobs: int, chunksize: int = 1) -> Iterator:
    """``map(fn, items)`` over ``jobs`` worker processes, in order. Leaving early (an exception, an
    interruption, a consumer that stops) kills the workers instead of waiting for queued work.

    multiprocessing.Pool rather than concurrent.futures: its terminate() kills workers at once, where
    killing a ProcessPoolExecutor's workers makes its manager thread fail on the cancelled futures."""
    import multiprocessing

    pool = multiprocessing.Pool(jobs, initializer=_die_with_parent, initargs=(os.getpid(),))
    try:
        yield from pool.imap(fn, items, chunksize=chunksize)
    except BaseException:
        pool.terminate()
        raise
    pool.close()
    pool.join()


class Beside:
    """``fn()`` (a str) computed in a forked process while this one goes on with other work: a build
    writes the store while the status statements, which read the files again, are found on the other
    core. Where fork is not available, or the process fails, ``fn`` runs here when its result is asked
    for; ``cancel`` stops a process whose result is no longer wanted."""

    def __init__(self, fn: Callable[[], str]) -> None:
        import multiprocessing

        self.fn = fn
        self.proc = self.recv = None
        if not sys.platform.startswith("linux"):  # fork is only safe (and cheap) here
            return
        ctx = multiprocessing.get_context("fork")
        recv, send = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_beside, args=(fn, send, os.getpid()), daemon=True)
        try:
            proc.start()
        except OSError:
            recv.close()
            return
        finally:
            send.close()
        self.proc, self.recv = proc, recv

    def result(self) -> str:
        out = None
        if self.recv is not None:
            try:
                out = self.recv.recv()
            except (EOFError, OSError):
                out = None
            self.cancel()
        return self.fn() if out is None else out

    def cancel(self) -> None:
        if self.proc is not None:
            if self.proc.is_alive():
                self.proc.kill()
            self.proc.join()
            self.proc = None
        if self.recv is not None:
            self.recv.close()
            self.recv = None


def _beside(fn: Callable[[], str], send, parent: int) -> None:
    _die_with_parent(parent)
    try:
        out = fn()
    except Exception:  # noqa: BLE001 - the parent computes it again and reports any error itself
        out = None
    try:
        send.send(out)
    except OSError:
        pass
