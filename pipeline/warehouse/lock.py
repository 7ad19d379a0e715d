"""An inter-process exclusive lock beside the DuckDB file: one writer per warehouse, ever."""
from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import time
from pathlib import Path
from typing import Iterator


class WarehouseBusy(RuntimeError):
    """Raised when the warehouse stays locked by another writer for longer than the timeout."""


@contextlib.contextmanager
def exclusive_lock(lock_path: Path, timeout_s: float, poll_s: float = 0.1) -> Iterator[None]:
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    raise WarehouseBusy(
                        f"another pipeline run has held {lock_path} for more than {timeout_s:.0f}s; "
                        "it is still writing (or hung): wait for it or stop it"
                    ) from None
                time.sleep(poll_s)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
