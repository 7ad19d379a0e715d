"""An inter-process exclusive lock beside the DuckDB file: one writer per warehouse, ever.

The holder writes its PID into the lock file, so a process that has to wait can say whom it waits
for ("waiting for the warehouse lock held by PID 4242"); the OS releases the lock when the holder
dies, whatever is left in the file.
"""
from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import time
from pathlib import Path
from typing import Callable, Iterator

# on_wait(holder_pid or None) is called once when a waiter has been blocked for announce_after_s.
WaitCallback = Callable[[int | None], None]


class WarehouseBusy(RuntimeError):
    """Raised when the warehouse stays locked by another writer for longer than the timeout."""


def lock_holder(lock_path: Path) -> int | None:
    """The PID the current holder wrote into the lock file (None when unknown or unreadable)."""
    try:
        text = Path(lock_path).read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


def _claim(fd: int) -> None:
    """Record this process as the holder (the file's whole content is the PID)."""
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)


@contextlib.contextmanager
def exclusive_lock(lock_path: Path, timeout_s: float, poll_s: float = 0.1,
                   on_wait: WaitCallback | None = None, announce_after_s: float = 1.0) -> Iterator[None]:
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        started = time.monotonic()
        deadline, announced = started + timeout_s, False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                now = time.monotonic()
                if now >= deadline:
                    holder = lock_holder(lock_path)
                    raise WarehouseBusy(
                        f"another pipeline run{f' (PID {holder})' if holder else ''} has held {lock_path} for "
                        f"more than {timeout_s:.0f}s; it is still writing (or hung): wait for it or stop it"
                    ) from None
                if on_wait is not None and not announced and now - started >= announce_after_s:
                    announced = True
                    on_wait(lock_holder(lock_path))
                time.sleep(poll_s)
        try:
            _claim(fd)
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
