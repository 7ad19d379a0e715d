"""One file -> articles and/or rejects. Never raises for bad input."""
from __future__ import annotations

import os
import stat
from pathlib import Path

from ..records import Article, Reject
from . import reasons as R
from .decode import decode_bytes
from .formats import PARSERS
from .normalise import is_blank
from .walk import display_path, is_inside, relative


def read_file(path: Path, root: Path, max_bytes: int) -> tuple[list[Article], list[Reject]]:
    """Read, validate, normalise one input file (see :mod:`pipeline.ingest` for the rules).

    A jsonl file can give both articles and rejects (one per line). Anything unexpected
    raised by a parser becomes a ``reader_error`` reject rather than an exception.
    """
    path, root = Path(path), Path(root)
    rel = relative(path, root)
    try:
        return _read(path, root, rel, max_bytes)
    except Exception as e:  # noqa: BLE001 - a reader bug must not stop the run; it is recorded
        return [], [Reject(rel, R.READER_ERROR, f"{type(e).__name__}: {str(e)[:300]}")]


def _reject(rel: str, reason: str, detail: str) -> tuple[list[Article], list[Reject]]:
    return [], [Reject(rel, reason, detail)]


def _read(path: Path, root: Path, rel: str, max_bytes: int) -> tuple[list[Article], list[Reject]]:
    real = os.path.realpath(path)
    if not is_inside(real, os.path.realpath(root)):
        return _reject(rel, R.SYMLINK_OUTSIDE_ROOT,
                       f"resolves outside the articles folder (to {display_path(real)}); not read")
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return _reject(rel, R.UNREADABLE,
                       "broken symlink" if os.path.islink(path) else "file vanished")
    except OSError as e:
        return _reject(rel, R.UNREADABLE, f"cannot stat: {e.strerror or e}")
    if not stat.S_ISREG(st.st_mode):
        return _reject(rel, R.UNREADABLE, "not a regular file; not opened")
    if st.st_size == 0:
        return _reject(rel, R.EMPTY, "0 bytes")
    if st.st_size > max_bytes:
        return _reject(rel, R.TOO_LARGE, f"{st.st_size} bytes > limit {max_bytes} bytes")
    try:
        fd = os.open(path, os.O_RDONLY)
        with os.fdopen(fd, "rb") as f:
            data = f.read(max_bytes + 1)   # never more than the limit, even if the file grew
    except OSError as e:
        return _reject(rel, R.UNREADABLE, f"cannot read: {e.strerror or e}")
    if len(data) > max_bytes:
        return _reject(rel, R.TOO_LARGE, f"more than {max_bytes} bytes (grew while being read)")
    if not data:
        return _reject(rel, R.EMPTY, "0 bytes")
    text, reason, detail = decode_bytes(data)
    if reason:
        return _reject(rel, reason, detail)
    if is_blank(text):
        return _reject(rel, R.EMPTY, "only whitespace or invisible characters")
    name = rel.rsplit("/", 1)[-1]
    stem, suffix = os.path.splitext(name)
    parser = PARSERS.get(suffix.lower())
    if parser is None:  # only reachable when read_file is called directly on another suffix
        return _reject(rel, R.READER_ERROR, f"no reader for suffix {suffix!r}")
    return parser(text, stem, rel)
