"""Run untrusted work (a user's template) in a forked child bounded in time and memory.

A template can loop for hours or build gigabytes before the sandbox notices; a child process can be
stopped. On systems without fork the work runs in-process (still sandboxed, without the bounds).
"""
from __future__ import annotations

import os
import pickle
import select
import sys
import time
from collections.abc import Callable

from ..errors import BriefingError, TemplateError

#: Address space the child may use (the machine has more; a template needs megabytes).
MEMORY_BYTES = 1 << 30


def bounded(work: Callable[[], str], name: str, seconds: float) -> str:
    """work() in a child process: its result, its BriefingError re-raised, or TemplateError on a time-out."""
    if sys.platform != "linux" or not hasattr(os, "fork"):
        return work()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: compute, send, leave without running the parent's clean-up
        os.close(read)
        _child(work, write, name)
    os.close(write)
    try:
        data = _collect(read, pid, seconds, name)
    finally:
        os.close(read)
    kind, value = pickle.loads(data) if data else ("error", f"{name}: the template's process died; check the template")
    if kind == "ok":
        return value
    raise TemplateError(value)


def _child(work: Callable[[], str], write: int, name: str) -> None:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
        result = ("ok", work())
    except BriefingError as error:
        result = ("error", str(error))
    except MemoryError:
        result = ("error", f"{name}: the template needs more than 1 GB of memory; check its loops and repetitions")
    except BaseException as error:  # anything else the template raises: named, never a traceback
        result = ("error", f"{name}: the template failed ({type(error).__name__}); check it")
    try:
        payload = pickle.dumps(result)
        with os.fdopen(write, "wb") as out:
            out.write(payload)
    finally:
        os._exit(0)


def _collect(read: int, pid: int, seconds: float, name: str) -> bytes:
    """Everything the child writes, or TemplateError (and the child killed) past the deadline."""
    deadline, chunks = time.monotonic() + seconds, []
    while True:
        left = deadline - time.monotonic()
        ready, _, _ = select.select([read], [], [], max(left, 0))
        if not ready:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
            raise TemplateError(f"{name}: rendering took longer than {seconds:.0f} s and was stopped; "
                                "check the template's loops")
        chunk = os.read(read, 1 << 20)
        if not chunk:
            os.waitpid(pid, 0)
            return b"".join(chunks)
        chunks.append(chunk)
