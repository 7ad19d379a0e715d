"""Find the input files under the articles folder, and report what cannot be walked.

* recursive; the result is sorted by relative path (code-point order), which is the
  order duplicates are decided in;
* inputs are files whose suffix (case-insensitive) is one of ``SUPPORTED_SUFFIXES``;
  other files are not inputs and are ignored without a record;
* hidden files and directories (name starting with ``.``) are skipped, with everything
  below them;
* symlinks: a symlink whose target resolves outside the folder is never followed and
  is reported ``symlink_outside_root`` (a file symlink with a supported suffix, or a
  directory symlink); a file symlink inside the folder is read under the link's own
  name; a directory symlink inside the folder is not descended (its target is walked
  under its real path anyway; this also makes symlink loops harmless);
* a directory that cannot be listed, a broken symlink and a non-regular file (FIFO,
  socket, device: opening one could block forever) with a supported suffix are
  reported ``unreadable``.

Relative paths are POSIX style. A file name that is not valid UTF-8 is shown with
``\\xNN`` escapes (a str with lone surrogates could not be stored).
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ..records import Reject
from . import reasons as R
from .formats import SUPPORTED_SUFFIXES


@dataclass(frozen=True, slots=True)
class WalkEntry:
    rel: str                       # POSIX path relative to root, display-safe
    path: Path
    is_file: bool                  # a candidate input file (as opposed to a directory)
    reject: Reject | None = None   # set when the entry cannot be read at all


def display_path(s: str) -> str:
    """``s`` with undecodable file-name bytes (surrogate escapes) shown as ``\\xNN``."""
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        return s.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def is_supported(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in SUPPORTED_SUFFIXES


def is_inside(real: str, real_root: str) -> bool:
    return real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)


def relative(path: Path | str, root: Path | str) -> str:
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    return display_path(rel.replace(os.sep, "/"))


def walk(root: Path) -> list[WalkEntry]:
    root = Path(root)
    if not root.is_dir():
        return [WalkEntry(".", root, False, Reject(
            ".", R.UNREADABLE, f"articles folder {display_path(str(root))} is not a directory"))]
    real_root = os.path.realpath(root)
    out: list[WalkEntry] = []

    def reject(rel: str, path: Path, is_file: bool, reason: str, detail: str) -> None:
        out.append(WalkEntry(rel, path, is_file, Reject(rel, reason, detail)))

    stack: list[tuple[Path, str]] = [(root, "")]
    while stack:
        directory, drel = stack.pop()
        try:
            with os.scandir(directory) as it:
                entries = list(it)
        except OSError as e:
            reject(drel or ".", directory, False, R.UNREADABLE,
                   f"cannot list directory: {e.strerror or e}")
            continue
        for de in entries:
            if de.name.startswith("."):
                continue
            rel = display_path(f"{drel}/{de.name}" if drel else de.name)
            path = Path(de.path)
            try:
                if de.is_symlink():
                    target = os.path.realpath(path)
                    inside = is_inside(target, real_root)
                    if os.path.isdir(target):
                        if not inside:
                            reject(rel, path, False, R.SYMLINK_OUTSIDE_ROOT,
                                   "directory symlink points outside the articles folder "
                                   f"(to {display_path(target)}); not followed")
                        continue
                    if not is_supported(de.name):
                        continue
                    if not inside:
                        reject(rel, path, True, R.SYMLINK_OUTSIDE_ROOT,
                               f"symlink points outside the articles folder "
                               f"(to {display_path(target)}); not followed")
                    elif not os.path.lexists(target) or not os.path.exists(path):
                        reject(rel, path, True, R.UNREADABLE, "broken symlink")
                    elif not os.path.isfile(target):
                        reject(rel, path, True, R.UNREADABLE, "symlink to a non-regular file")
                    else:
                        out.append(WalkEntry(rel, path, True))
                elif de.is_dir(follow_symlinks=False):
                    stack.append((path, f"{drel}/{de.name}" if drel else de.name))
                elif is_supported(de.name):
                    mode = de.stat(follow_symlinks=False).st_mode
                    if stat.S_ISREG(mode):
                        out.append(WalkEntry(rel, path, True))
                    else:
                        reject(rel, path, True, R.UNREADABLE,
                               "not a regular file (FIFO, socket or device); not opened")
            except OSError as e:
                reject(rel, path, is_supported(de.name), R.UNREADABLE,
                       f"cannot stat: {e.strerror or e}")
    out.sort(key=lambda e: e.rel)
    return out
