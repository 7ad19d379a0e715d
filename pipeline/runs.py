"""Runs whose process was killed (``kill -9``, OOM killer, a closed laptop) are marked failed.

Dagster's default run launcher cannot tell a dead run worker from a slow one, so such a run stays
STARTED for ever (run monitoring only handles runs that never start or never finish cancelling).
Every run therefore tags itself with its host, pid and process start time when it starts; the next
run on the same host marks any STARTED run whose process is gone as failed. The process start time
guards against pid reuse.
"""
from __future__ import annotations

import os
import socket

import dagster as dg
import psutil

HOST_TAG = "arms/host"
PID_TAG = "arms/pid"
PID_STARTED_TAG = "arms/pid_started"


def mark_run_process(instance: dg.DagsterInstance, run_id: str) -> None:
    """Tag the run with the process that executes it."""
    instance.add_run_tags(run_id, {
        HOST_TAG: socket.gethostname(), PID_TAG: str(os.getpid()),
        PID_STARTED_TAG: f"{psutil.Process().create_time():.2f}",
    })


def process_alive(pid: int, started: float) -> bool:
    try:
        return abs(psutil.Process(pid).create_time() - started) < 1.0
    except psutil.NoSuchProcess:
        return False
    except psutil.AccessDenied:        # someone else's process with that pid: not ours, but be careful
        return True


def fail_dead_runs(instance: dg.DagsterInstance, current_run_id: str) -> list[str]:
    """Mark failed every STARTED run of this host whose tagged process no longer exists; return what
    was done, one message per run."""
    host = socket.gethostname()
    messages = []
    records = instance.get_run_records(filters=dg.RunsFilter(
        statuses=[dg.DagsterRunStatus.STARTED], tags={HOST_TAG: host}))
    for record in records:
        run = record.dagster_run
        if run.run_id == current_run_id:
            continue
        try:
            pid, started = int(run.tags[PID_TAG]), float(run.tags[PID_STARTED_TAG])
        except (KeyError, ValueError):
            continue
        if process_alive(pid, started):
            continue
        message = (f"run {run.run_id} was left STARTED but its process {pid} on {host} is gone (killed?): "
                   f"marked failed by run {current_run_id}")
        instance.report_run_failed(run, message)
        messages.append(message)
    return messages
