"""Extraction batches on a Dask cluster, merged by the one writer (ARMS_DASK_SCHEDULER).

The run (the ``extract_mentions`` step) submits article batches with ``client.submit`` of
:func:`run_batch`, a thin worker-side wrapper of the pure :func:`pipeline.scaleout.extract_batch_to_parquet`.
Each worker writes its batch's Parquet files under ``<scaleout dir>/<run id>/``; as each batch
finishes, the run merges exactly that batch's files through ``WarehouseResource.write()`` (one
transaction per batch, so an interrupted run keeps what it finished) and deletes them.

Failure rules, each one a test in tests/test_dask_cluster.py:

- a worker that dies mid-batch: the scheduler reschedules the batch on another worker; the batch is
  merged once, when its future succeeds (one future per batch id, unique in the run);
- a batch that raises: retried ``retries`` times by Dask, then the run fails naming the batch and its
  article ids, and none of its files is read (only the files of succeeded futures are merged, named
  explicitly, so a ``.tmp`` or half-written file is never seen);
- a worker running other code or another model: its extractor version (computed on the worker)
  differs from the run's, it refuses the batch and the run fails, telling the user to restart workers.

This module is outside the digested code folders (settings.code_digest: extract, data, nlp) on
purpose: it moves rows, it does not make them, so editing it must not re-extract the corpus.
"""
from __future__ import annotations

import contextlib
import os
import socket
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Sequence

from pipeline import scaleout, settings
from pipeline.records import Article


# Dask settings for the clusters this project starts (``local:N``, ``make run-cluster``); a real cluster
# takes them from its own config (docs/scaling.md). The statistical profiler samples every worker
# thread every 10 ms, and the 20 ms event-loop ticks and the monitors run in every process: together
# ~0.1 CPU-s per second of run on 2 workers, idle or not. spaCy batches need none of it.
DASK_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "500ms",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
}


def dask_config_environ() -> dict[str, str]:
    """:data:`DASK_CONFIG` as the ``DASK_*`` environment variables a ``dask scheduler``/``worker`` reads."""
    return {"DASK_" + key.upper().replace(".", "__").replace("-", "_"): str(value)
            for key, value in DASK_CONFIG.items()}


class ClusterRunError(RuntimeError):
    """A batch failed or was refused on the cluster; the message says which and what to do."""


def run_batch(articles: Sequence[Article], root: str, batch_id: str, version: str, model: str,
              nlp_batch_size: int, segment_chars: int) -> dict:
    """On a worker: extract one batch to Parquet, unless this process would make other rows than the
    run expects (other extractor code, model or segment size), in which case it refuses (no files).

    The version is computed here, on the worker, and cached by the process (``code_digest``), so a
    long-lived worker that loaded the extractors before an edit reports the old version."""
    started = time.monotonic()
    result = {"batch_id": batch_id, "version": settings.extractor_version(model),
              "segment_chars": settings.segment_chars(), "pid": os.getpid(), "host": socket.gethostname(),
              "worker": _worker_address(), "n_articles": len(articles), "counts": None}
    if result["version"] == version and result["segment_chars"] == segment_chars:
        result["counts"] = scaleout.extract_batch_to_parquet(articles, root, batch_id, version, model,
                                                             nlp_batch_size)
    result["seconds"] = round(time.monotonic() - started, 3)
    return result


def _worker_address() -> str | None:
    try:
        from distributed import get_worker

        return get_worker().address
    except (ImportError, ValueError):   # called outside a Dask worker (a direct call in a test)
        return None


def refusal_message(result: dict, version: str, segment_chars: int) -> str:
    """Why a worker refused a batch, and the one thing that fixes it."""
    where = f"Dask worker {result['worker']} (pid {result['pid']} on {result['host']})"
    if result["version"] != version:
        return (f"{where} runs extractor version {result['version']!r} but this run extracts with "
                f"{version!r}: the workers run other pipeline code or another spaCy model than the run. "
                f"Restart the Dask workers (after installing the same code and model on them) and run "
                f"again; nothing of batch {result['batch_id']} was merged.")
    return (f"{where} splits long articles every {result['segment_chars']} characters but this run "
            f"uses {segment_chars} (ARMS_NLP_SEGMENT_CHARS): set the same value on the workers and "
            f"restart them; nothing of batch {result['batch_id']} was merged.")


def failure_message(batch_id: str, ids: Sequence[str], retries: int, exc: BaseException) -> str:
    return (f"extraction batch {batch_id} failed on the Dask cluster (after up to {retries} Dask retries); "
            f"nothing of it was merged. Its {len(ids)} article(s): {', '.join(ids)}. "
            f"Error: {type(exc).__name__}: {exc}")


def batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def delete_batch_files(root: str, batch_id: str) -> None:
    """Remove a batch's files (and any ``.tmp`` left by an interrupted write) once merged or failed."""
    filesystem, base = scaleout._filesystem(root)
    for table in scaleout.BATCH_TABLES:
        for suffix in (".parquet", ".parquet.tmp"):
            with contextlib.suppress(OSError):   # already gone (or never written)
                filesystem.delete_file(f"{base}/{table}/{batch_id}{suffix}")


def delete_run_folder(root: str) -> None:
    filesystem, base = scaleout._filesystem(root)
    with contextlib.suppress(OSError):
        filesystem.delete_dir(base)


def merge_batch(warehouse, root: str, batch_id: str) -> dict[str, int]:
    """Merge exactly this batch's files in one writer transaction, then delete them."""
    files = {table: [scaleout.batch_path(root, table, batch_id)] for table in scaleout.BATCH_TABLES}
    with warehouse.write() as con:
        inserted = scaleout.merge_parquet(con, root, files=files)
    delete_batch_files(root, batch_id)
    return inserted


@dataclass
class ClusterJob:
    """One run's batches on a cluster: what to submit, where the files go, what was merged."""

    client: object                    # distributed.Client
    warehouse: object                 # WarehouseResource: the one writer
    root: str                         # <scaleout dir>/<run id>
    run_key: str                      # unique per run: Dask task keys never collide across runs
    version: str
    model: str
    nlp_batch_size: int
    batch_size: int
    retries: int
    log: Callable[[str], None] = print
    drain_s: float = 120.0            # on a failure, how long to wait for batches in flight before cleaning up
    segment_chars: int = field(default_factory=settings.segment_chars)
    reports: list[dict] = field(default_factory=list)

    def run(self, articles: Iterable[Article], total: int) -> list[dict]:
        """Submit batches (at most two per worker thread in flight, so memory stays flat), merge each
        one as it succeeds, stop at the first failure or refusal."""
        from distributed import as_completed

        pending = enumerate(batches(articles, self.batch_size))
        in_flight = as_completed()
        live: dict[str, tuple[object, str, list[str]]] = {}   # task key -> (future, batch id, article ids)

        def submit_next() -> None:
            for index, batch in pending:
                batch_id = f"b{index:06d}"
                future = self.client.submit(
                    run_batch, batch, self.root, batch_id, self.version, self.model, self.nlp_batch_size,
                    self.segment_chars, key=f"arms-extract-{self.run_key}-{batch_id}", retries=self.retries,
                    pure=False)
                live[future.key] = (future, batch_id, [a.article_id for a in batch])
                in_flight.add(future)
                return

        try:
            for _ in range(2 * max(1, sum(self.client.nthreads().values()))):
                submit_next()
            done, started = 0, time.monotonic()
            for future in in_flight:
                r = self._finish(*live.pop(future.key))
                done += r["n_articles"]
                rate = done / max(time.monotonic() - started, 1e-9)
                self.log(f"batch {r['batch_id']} merged: {r['n_articles']} articles on {r['worker']} (pid {r['pid']}, "
                         f"host {r['host']}) in {r['seconds']:.1f} s; {done}/{total} articles ({rate:.1f} articles/s)")
                submit_next()
        except ClusterRunError:
            self._drain([future for future, _, _ in live.values()])
            raise
        finally:
            self.client.cancel([future for future, _, _ in live.values()])
            delete_run_folder(self.root)
        return self.reports

    def _drain(self, futures: list) -> None:
        """After a failure: cancel the batches no worker has started, and let the ones already on a worker
        end (unmerged) before the folder is deleted. Dask cannot stop a running task, and one that ended
        after the clean-up would leave its files behind."""
        from distributed import wait

        on_workers = {key for keys in self.client.processing().values() for key in keys}
        running = [future for future in futures if future.key in on_workers]
        self.client.cancel([future for future in futures if future.key not in on_workers])
        if running:
            self.log(f"a batch failed: waiting up to {self.drain_s:.0f} s for the {len(running)} batch(es) "
                     f"running on workers to end (none of them is merged)")
            with contextlib.suppress(Exception):
                wait(running, timeout=self.drain_s)

    def _finish(self, future, batch_id: str, ids: list[str]) -> dict:
        """Merge a succeeded batch (returns its worker's report); raise for a failed or refused one."""
        if future.status != "finished":
            exc = future.exception()
            delete_batch_files(self.root, batch_id)
            raise ClusterRunError(failure_message(batch_id, ids, self.retries, exc)) from exc
        result = future.result()
        if result["counts"] is None:
            raise ClusterRunError(refusal_message(result, self.version, self.segment_chars))
        merge_batch(self.warehouse, self.root, batch_id)
        self.reports.append(result)
        return result


def worker_summary(reports: Sequence[dict]) -> list[dict]:
    """One row per worker process that ran batches: where, which pid, how much."""
    rows: dict[tuple, dict] = {}
    for r in reports:
        row = rows.setdefault((r["worker"], r["pid"]), {"worker": r["worker"], "host": r["host"], "pid": r["pid"],
                                                        "batches": 0, "articles": 0, "seconds": 0.0})
        row["batches"] += 1
        row["articles"] += r["n_articles"]
        row["seconds"] = round(row["seconds"] + r["seconds"], 1)
    return sorted(rows.values(), key=lambda row: (str(row["worker"]), row["pid"]))


def extract_on_dask(dask, warehouse, articles: Iterable[Article], *, total: int, run_id: str, version: str,
                    model: str, nlp_batch_size: int, log: Callable[[str], None]) -> dict:
    """The extract step's Dask path: connect (or start a LocalCluster), run the batches, and return
    the asset metadata that shows where they ran (worker pids included)."""
    import dagster as dg

    root = f"{dask.resolved_scaleout_dir(warehouse.resolved_path())}/{run_id}"
    with dask.client() as client:
        info = client.scheduler_info()
        log(f"Dask scheduler {info['address']} with {len(info['workers'])} worker(s), dashboard "
            f"{client.dashboard_link}; {dask.batch_size} articles per batch, Parquet under {root}")
        if not info["workers"]:
            log("the Dask scheduler has no workers yet: the batches wait until workers join")
        job = ClusterJob(client, warehouse, root, run_id, version, model, nlp_batch_size,
                         dask.batch_size, dask.retries, log)
        reports = job.run(articles, total)
    workers = worker_summary(reports)
    return {"dask_scheduler": info["address"], "dask_batches": len(reports),
            "dask_worker_pids": dg.MetadataValue.json(sorted({w["pid"] for w in workers})),
            "dask_workers": dg.MetadataValue.json(workers)}
