"""Work done beside the main process (refgraph.workers.Beside) and the collector pause of a build."""

import gc
import os
import sys
import time

import pytest

from refgraph.workers import Beside, gc_paused

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks only on Linux")


def _pid() -> str:
    return str(os.getpid())


def _fails() -> str:
    raise ValueError("no statements")


def _slow() -> str:
    time.sleep(60)
    return "late"


@linux_only
def test_the_result_is_computed_in_another_process():
    found = Beside(_pid)
    assert found.result() != str(os.getpid())


def test_a_failure_in_the_other_process_is_raised_here_when_the_result_is_asked_for():
    found = Beside(_fails)
    with pytest.raises(ValueError, match="no statements"):
        found.result()


@linux_only
def test_cancel_stops_the_other_process_without_waiting_for_it():
    found = Beside(_slow)
    proc = found.proc
    assert proc is not None and proc.is_alive()
    found.cancel()
    assert not proc.is_alive()
    assert found.proc is None
    found.cancel()  # twice is harmless


def test_gc_paused_restores_the_collector_as_it_was():
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # it was off before: left off
    finally:
        gc.enable()
