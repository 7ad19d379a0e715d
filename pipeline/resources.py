"""Resources defined once: the DuckDB warehouse (the single writer) and the spaCy model settings."""
from __future__ import annotations

import contextlib
import logging
import os
import time
from pathlib import Path
from typing import Callable, Iterator

import dagster as dg
import duckdb

from pipeline import settings
from pipeline.warehouse.lock import WarehouseBusy, exclusive_lock
from pipeline.warehouse.store import apply_schema


class WarehouseResource(dg.ConfigurableResource):
    """The DuckDB file. Every write goes through :meth:`write`: an inter-process lock (one writer
    per file, across runs and processes) plus one transaction, so a crash leaves no half-written
    article."""

    path: str | None = None           # None -> $ARMS_WAREHOUSE or warehouse/arms.duckdb
    lock_timeout_s: float = 1800.0    # how long a run waits for another run's write to finish
    open_retry_s: float = 120.0       # how long to wait for a foreign DuckDB connection to close
    extraction_wait_s: float = 12 * 3600.0   # how long a run waits for another run's NLP pass to finish

    def resolved_path(self) -> Path:
        return Path(self.path) if self.path else settings.warehouse_path()

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        """Run start, before any step writes: a bad ARMS_* value fails the run here (naming the variable)
        instead of halfway through, after ingest has committed; runs of this instance whose process was
        killed are marked failed."""
        for warning in settings.validate_environment():
            context.log.warning(warning)
        run = context.run
        if run is not None and context.instance is not None:
            from pipeline.runs import fail_dead_runs, mark_run_process

            mark_run_process(context.instance, run.run_id)
            for message in fail_dead_runs(context.instance, run.run_id):
                context.log.warning(message)

    def _connect(self, read_only: bool) -> duckdb.DuckDBPyConnection:
        path = self.resolved_path()
        deadline = time.monotonic() + self.open_retry_s
        delay = 0.2
        while True:
            try:
                return duckdb.connect(str(path), read_only=read_only)
            except duckdb.IOException as exc:
                # DuckDB locks the file per process: an analyst's open session blocks writers.
                if "lock" not in str(exc).lower() or time.monotonic() >= deadline:
                    raise WarehouseBusy(
                        f"cannot open {path}: {exc}. Another process (an open analyst session?) "
                        f"holds it; close that session or open it with read_only=True only briefly."
                    ) from exc
                time.sleep(delay)
                delay = min(delay * 2, 5.0)

    def _logger(self) -> logging.Logger | dg.DagsterLogManager:
        """The run's log when the resource runs inside Dagster, else this module's logger."""
        try:
            return self.get_resource_context().log or logging.getLogger(__name__)
        except Exception:  # noqa: BLE001 - not initialised by Dagster (tests, pipeline.export)
            return logging.getLogger(__name__)

    def _announce_wait(self, lock_path: Path, what: str) -> Callable[[int | None], None]:
        def on_wait(pid: int | None) -> None:
            holder = f"PID {pid}" if pid else "another process"
            self._logger().info(f"waiting for the warehouse lock held by {holder} ({lock_path.name}: {what})")
        return on_wait

    @contextlib.contextmanager
    def extraction_turn(self) -> Iterator[None]:
        """One NLP pass per warehouse at a time. A second run waits here (and says for whom); once
        it has the turn it reads what is still pending, so it never redoes what the first finished.
        A separate lock from :meth:`write`, which the pass takes briefly for every chunk it writes."""
        path = self.resolved_path()
        lock_path = path.with_name(path.name + ".extract.lock")
        with exclusive_lock(lock_path, self.extraction_wait_s,
                            on_wait=self._announce_wait(lock_path, "another run is extracting; this run "
                                                                   "re-checks what is pending when it gets it")):
            yield

    @contextlib.contextmanager
    def write(self) -> Iterator[duckdb.DuckDBPyConnection]:
        path = self.resolved_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        lock_path = path.with_name(path.name + ".lock")
        with exclusive_lock(lock_path, self.lock_timeout_s,
                            on_wait=self._announce_wait(lock_path, "another run is writing")):
            con = self._connect(read_only=False)
            try:
                apply_schema(con)  # idempotent DDL, committed on its own
                con.execute("BEGIN TRANSACTION")
                yield con
                con.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(Exception):
                    con.execute("ROLLBACK")
                raise
            finally:
                con.close()

    @contextlib.contextmanager
    def read(self) -> Iterator[duckdb.DuckDBPyConnection]:
        path = self.resolved_path()
        if not path.exists():
            raise FileNotFoundError(f"warehouse {path} does not exist yet: run `make run` first")
        con = self._connect(read_only=True)
        try:
            yield con
        finally:
            con.close()


class NlpResource(dg.ConfigurableResource):
    """How the one spaCy pass runs. Model name from $ARMS_SPACY_MODEL (default: the pinned package)."""

    model: str | None = None
    batch_size: int = 8            # docs per nlp.pipe batch: 16 is ~5% faster but peaked at 1.6 GB (bench), 64 at 3.2 GB
    chunk_size: int = 200          # articles per worker task and per warehouse write
    n_workers: int = 0             # 0 -> one per CPU core (ARMS_NLP_WORKERS overrides); 1 -> in-process

    def resolved_model(self) -> str:
        return self.model or settings.spacy_model()

    def resolved_chunk_size(self) -> int:
        return settings.nlp_chunk_size() or self.chunk_size

    def resolved_workers(self) -> int:
        """Requested workers (0 -> one per core); the extract asset caps them at cores and chunks."""
        n = settings.nlp_workers() or self.n_workers
        return n if n > 0 else cpu_count()


def cpu_count() -> int:
    """Cores this process may use (the affinity mask, e.g. a container's cpuset), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


class ArticlesFolderResource(dg.ConfigurableResource):
    """The input folder (recursive), the per-file size limit and how much a scan may remove."""

    path: str | None = None           # None -> $ARMS_ARTICLES_DIR or seeds/articles
    max_article_bytes: int | None = None
    allow_mass_removal: bool | None = None   # None -> $ARMS_ALLOW_MASS_REMOVAL (default off)
    max_removal_share: float | None = None   # None -> $ARMS_MAX_REMOVAL_SHARE (default 0.5)

    def resolved_path(self) -> Path:
        return Path(self.path) if self.path else settings.articles_dir()

    def resolved_max_bytes(self) -> int:
        return self.max_article_bytes or settings.max_article_bytes()

    def resolved_allow_mass_removal(self) -> bool:
        return settings.allow_mass_removal() if self.allow_mass_removal is None else self.allow_mass_removal

    def resolved_max_removal_share(self) -> float:
        return settings.max_removal_share() if self.max_removal_share is None else self.max_removal_share


class DaskResource(dg.ConfigurableResource):
    """The scale-out engine: a ``distributed.Client`` of our own (not dagster-dask, whose executor
    lost inputs and which has no release for this Dagster). Unset scheduler -> no Dask at all and
    extraction stays on ``NlpResource``'s in-process workers; see pipeline/cluster.py."""

    scheduler: str | None = None      # None -> $ARMS_DASK_SCHEDULER: 'local', 'local:N' or 'tcp://host:8786'
    scaleout_dir: str | None = None   # None -> $ARMS_SCALEOUT_DIR or '<warehouse file>.scaleout' beside it
    batch_size: int = 50              # articles per Dask task; ~0.3 CPU-s fixed cost each (docs/scaling.md)
    retries: int = 2                  # Dask retries of a batch that raised (a dead worker is rescheduled anyway)
    connect_timeout_s: float = 30.0   # how long to wait for an existing scheduler to answer

    def resolved_scheduler(self) -> settings.DaskScheduler | None:
        if self.scheduler:
            return settings.parse_dask_scheduler(self.scheduler, "DaskResource.scheduler")
        return settings.dask_scheduler()

    def enabled(self) -> bool:
        return self.resolved_scheduler() is not None

    def resolved_scaleout_dir(self, warehouse_path: Path) -> str:
        """Absolute for a local folder: workers resolve relative paths in their own working folder."""
        root = self.scaleout_dir or settings.scaleout_dir() or str(warehouse_path) + ".scaleout"
        return root.rstrip("/") if "://" in root else str(Path(root).resolve())

    @contextlib.contextmanager
    def client(self) -> Iterator["distributed.Client"]:  # noqa: F821 - imported lazily
        """A client of the configured cluster; a LocalCluster is started here and stopped on exit.
        Imported lazily, so runs without Dask never import it."""
        from distributed import Client, LocalCluster

        target = self.resolved_scheduler()
        if target is None:
            raise RuntimeError("no Dask scheduler configured (ARMS_DASK_SCHEDULER is unset)")
        if target.address:
            try:
                client = Client(target.address, timeout=self.connect_timeout_s)
            except OSError as exc:
                raise RuntimeError(f"cannot reach the Dask scheduler at {target.address} (ARMS_DASK_SCHEDULER) "
                                   f"within {self.connect_timeout_s:.0f} s: is it running, and is the address "
                                   f"right? Unset ARMS_DASK_SCHEDULER to extract on this machine. ({exc})") from exc
            with client:
                yield client
            return
        import dask

        from pipeline.cluster import DASK_CONFIG

        n_workers = target.local_workers or cpu_count()
        with dask.config.set(DASK_CONFIG), LocalCluster(n_workers=n_workers, threads_per_worker=1,
                                                        processes=True, dashboard_address=":0") as cluster, \
                Client(cluster) as client:
            yield client
