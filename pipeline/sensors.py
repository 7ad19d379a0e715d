"""Automation: a sensor for new/changed/removed article files and an hourly schedule (off by default)."""
from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import dagster as dg

from pipeline import settings


def folder_fingerprint(root: Path) -> tuple[str, int]:
    """A digest of every input file's (path, size, mtime, ctime, inode): changes when a file is added,
    edited or removed. ctime is in because an edit that keeps the size and puts the mtime back
    (``touch -d``, ``rsync --times``, ``cp -p``) still moves it: only the kernel sets ctime."""
    from pipeline.ingest import iter_input_files

    digest = hashlib.sha256()
    n = 0
    for path in iter_input_files(root):
        try:
            stat = path.stat()
        except OSError:
            continue
        digest.update(f"{path.relative_to(root).as_posix()}\0{stat.st_size}\0{stat.st_mtime_ns}\0"
                      f"{stat.st_ctime_ns}\0{stat.st_ino}\n"
                      .encode("utf-8", "surrogateescape"))   # file names need not be valid UTF-8
        n += 1
    return digest.hexdigest(), n


def parse_cursor(cursor: str | None) -> tuple[int | None, str | None]:
    """``(generation, fingerprint)`` from ``"<generation>:<fingerprint>"`` (an older cursor is the bare
    fingerprint: generation unknown)."""
    if not cursor:
        return None, None
    head, sep, tail = cursor.partition(":")
    if sep and head.isdigit():
        return int(head), tail
    return None, cursor


def build_automation(job):
    @dg.sensor(job=job, minimum_interval_seconds=30, default_status=dg.DefaultSensorStatus.STOPPED,
               description="Starts a run when files in ARMS_ARTICLES_DIR are added, edited or removed.")
    def new_articles_sensor(context: dg.SensorEvaluationContext):
        """The cursor is ``<generation>:<fingerprint>``; each requested run gets the next generation in
        its run_key. The fingerprint alone is no run_key: Dagster skips a run_key it has seen, so
        removing a file that was just added (back to an earlier fingerprint) would start no run. The
        first generation is the Unix time of the first tick, so keys stay new after a cursor reset
        (at most one run per 30 s tick keeps the counter behind the clock)."""
        root = settings.articles_dir()
        if not root.is_dir():
            return dg.SkipReason(f"articles folder {root} does not exist")
        fingerprint, n_files = folder_fingerprint(root)
        generation, last = parse_cursor(context.cursor)
        if fingerprint == last:
            return dg.SkipReason(f"no change in {n_files} files under {root}")
        generation = int(time.time()) if generation is None else generation + 1
        context.update_cursor(f"{generation}:{fingerprint}")
        return dg.RunRequest(run_key=f"{generation}-{fingerprint[:16]}",
                             tags={"arms/trigger": "new_articles_sensor", "arms/files": str(n_files)})

    schedule = dg.ScheduleDefinition(
        name="hourly_refresh", job=job, cron_schedule="0 * * * *",
        default_status=dg.DefaultScheduleStatus.STOPPED,
        description="Hourly catch-all run (incremental: unchanged articles cost almost nothing).",
        execution_timezone=os.environ.get("ARMS_TIMEZONE", "UTC"),
    )
    return new_articles_sensor, schedule
