"""Scale-out on a real Dask cluster (issue 19): the same rows as the in-process run, batches on two or
more worker processes, and the failure rules of pipeline/cluster.py.

The slow tests start real clusters on this machine (loopback only): a ``LocalCluster`` of two worker
processes shared by the module, a fresh one for the fault test (its first batch includes the model
load, so a kill lands mid-batch), and an in-thread one where a test must patch worker code.
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from pipeline import cluster, settings
from pipeline.resources import DaskResource
from tests.pipeline_helpers import REPO, SEEDS, query

DEV_ARTICLES = REPO.parent / "shared" / "eval" / "dev" / "articles"
N_DEV = 20              # dev articles added to the seeds: a few dozen in all
BATCH = 4               # articles per Dask task: several batches per worker
needs_dev = pytest.mark.skipif(not DEV_ARTICLES.is_dir(), reason="needs ../shared/eval/dev/articles")


# ------------------------------------------------------------------------------------- settings
@pytest.mark.parametrize("value, expected", [
    ("local", settings.DaskScheduler(local_workers=0)),
    ("local:3", settings.DaskScheduler(local_workers=3)),
    (" LOCAL:1 ", settings.DaskScheduler(local_workers=1)),
    ("tcp://10.1.2.3:8786", settings.DaskScheduler(address="tcp://10.1.2.3:8786")),
    ("tls://scheduler.internal:8786", settings.DaskScheduler(address="tls://scheduler.internal:8786")),
    ("tcp://[::1]:8786", settings.DaskScheduler(address="tcp://[::1]:8786")),
])
def test_dask_scheduler_values(monkeypatch, value, expected):
    monkeypatch.setenv("ARMS_DASK_SCHEDULER", value)
    assert settings.dask_scheduler() == expected
    settings.validate_environment()


@pytest.mark.parametrize("name, value", [
    ("ARMS_DASK_SCHEDULER", "locl"), ("ARMS_DASK_SCHEDULER", "local:0"), ("ARMS_DASK_SCHEDULER", "local:two"),
    ("ARMS_DASK_SCHEDULER", "tcp://host"), ("ARMS_DASK_SCHEDULER", "tcp://host:port"),
    ("ARMS_DASK_SCHEDULER", "host:8786"), ("ARMS_DASK_SCHEDULER", "http://host:8786"),
    ("ARMS_DASK_SCHEDULER", "tcp://host:8786/x"), ("ARMS_DASK_SCHEDULER", "tcp://:8786"),
    ("ARMS_DASK_SCHEDULER", "tcp://host:70000"),
    ("ARMS_SCALEOUT_DIR", "ftp://bucket/x"), ("ARMS_SCALEOUT_DIR", "s3://"), ("ARMS_SCALEOUT_DIR", "gs:///"),
    ("ARMS_SCALEOUT_DIR", "{a file}"),                            # a file, not a folder
])
def test_bad_scale_out_values_are_named(monkeypatch, tmp_path, name, value):
    if value == "{a file}":
        value = str(tmp_path / "a-file.txt")
        Path(value).write_text("not a folder")
    monkeypatch.setenv(name, value)
    with pytest.raises(settings.SettingsError, match=name):
        settings.validate_environment()


def test_unset_means_in_process_and_scaleout_dir_defaults_beside_the_warehouse(monkeypatch, tmp_path):
    monkeypatch.delenv("ARMS_DASK_SCHEDULER", raising=False)
    monkeypatch.delenv("ARMS_SCALEOUT_DIR", raising=False)
    assert settings.dask_scheduler() is None and not DaskResource().enabled()
    assert DaskResource().resolved_scaleout_dir(tmp_path / "w.duckdb") == str(tmp_path / "w.duckdb.scaleout")
    monkeypatch.setenv("ARMS_SCALEOUT_DIR", "s3://bucket/arms/")
    assert DaskResource().resolved_scaleout_dir(tmp_path / "w.duckdb") == "s3://bucket/arms"
    assert DaskResource(scheduler="local:2").enabled()
    with pytest.raises(settings.SettingsError, match="DaskResource.scheduler"):
        DaskResource(scheduler="nonsense").enabled()


def test_unreachable_scheduler_is_named():
    with pytest.raises(RuntimeError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        with DaskResource(scheduler="tcp://127.0.0.1:9", connect_timeout_s=1).client():
            pass


def test_worker_with_other_code_refuses_before_extracting(tmp_path):
    """run_batch compares the version it computes itself with the run's; on a mismatch it writes nothing."""
    from pipeline.records import Article

    result = cluster.run_batch([Article(article_id="a", text="Text.")], str(tmp_path), "b000000",
                               "0.0+older-code", settings.spacy_model(), 8, settings.segment_chars())
    assert result["counts"] is None and result["pid"] == os.getpid()
    assert not any(tmp_path.iterdir())
    message = cluster.refusal_message(result, "0.0+older-code", settings.segment_chars())
    assert "Restart the Dask workers" in message and "b000000" in message


# ------------------------------------------------------------------------------------- helpers
TINY = ["Germany approved the delivery of 18 Leopard 2 tanks to Ukraine, the ministry said on Tuesday.",
        "Russia has received hundreds of Shahed drones from Iran since August, officials said.",
        "The United States agreed to sell 36 F-15 fighter jets to Qatar in a deal worth $12 billion.",
        "France will deliver two Scorpene submarines to Brazil next year.",
        "Turkey sold Bayraktar TB2 drones to Morocco in 2021, according to the report.",
        "South Korea signed a contract to supply K9 howitzers to Poland."]


def _tiny_corpus(folder: Path) -> Path:
    """Six one-sentence articles: for tests about the machinery, not about the rows."""
    import json

    folder.mkdir(parents=True)
    for i, text in enumerate(TINY):
        article = {"id": f"tiny-{i}", "text": text, "published": f"2024-01-0{i + 1}"}
        (folder / f"tiny-{i}.json").write_text(json.dumps(article))
    return folder


def _run(articles: Path, warehouse: Path, scheduler: str | None, raise_on_error: bool = True):
    """Materialise every asset like `make run`, with ARMS_DASK_SCHEDULER set (or not)."""
    from pipeline.definitions import defs

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ARMS_ARTICLES_DIR", str(articles))
        mp.setenv("ARMS_WAREHOUSE", str(warehouse))
        mp.setenv("ARMS_NLP_WORKERS", "1")
        mp.setenv("ARMS_SCALEOUT_DIR", str(warehouse.parent / "scaleout"))
        if scheduler:
            mp.setenv("ARMS_DASK_SCHEDULER", scheduler)
        else:
            mp.delenv("ARMS_DASK_SCHEDULER", raising=False)
        return defs.resolve_job_def("all_assets_job").execute_in_process(
            raise_on_error=raise_on_error, instance=dg.DagsterInstance.ephemeral(),
            run_config={"resources": {"dask": {"config": {"batch_size": BATCH}}}})


def _tables(warehouse: Path) -> dict[str, list[tuple]]:
    """Every table and view of the warehouse (contract tables, marts, bookkeeping), timestamps left out."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        names = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables "
                                           "WHERE table_schema = 'main' ORDER BY 1").fetchall()]
        out = {}
        for name in names:
            cols = [f'"{c}"' for c, kind, *_ in con.execute(f'DESCRIBE "{name}"').fetchall()
                    if not kind.startswith("TIMESTAMP")]
            out[name] = con.execute(f'SELECT {", ".join(cols)} FROM "{name}" ORDER BY ALL').fetchall()
        return out
    finally:
        con.close()


def _assert_same_tables(got: Path, want: Path) -> None:
    a, b = _tables(got), _tables(want)
    assert sorted(a) == sorted(b)
    for name in b:
        assert len(a[name]) == len(b[name]), f"{name}: {len(a[name])} rows vs {len(b[name])} in-process"
        assert a[name] == b[name], f"{name}: rows differ from the in-process run"


def _pids(result) -> list[int]:
    materialization = result.asset_materializations_for_node("extract_mentions")[0]
    return materialization.metadata["dask_worker_pids"].value


def _failure_text(result) -> str:
    parts = []
    for event in result.all_events:
        error = getattr(event.event_specific_data, "error", None)
        while error is not None:
            parts.append(error.message)
            error = error.cause
    return "\n".join(parts)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("dask") / "articles"
    shutil.copytree(SEEDS, folder)
    for path in sorted(DEV_ARTICLES.glob("*.json"))[:N_DEV]:
        shutil.copy2(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def reference(corpus) -> Path:
    """The in-process run (today's path) over the corpus."""
    warehouse = corpus.parent / "in_process" / "arms.duckdb"
    _run(corpus, warehouse, None)
    return warehouse


@pytest.fixture(scope="module")
def local_cluster():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0") as lc, \
            Client(lc) as client:
        yield lc, client


# ------------------------------------------------------------------------------------- end to end
@pytest.mark.slow
@needs_dev
def test_cluster_run_equals_in_process_run(corpus, reference, local_cluster, tmp_path):
    lc, client = local_cluster
    warehouse = tmp_path / "arms.duckdb"
    result = _run(corpus, warehouse, lc.scheduler_address)
    _assert_same_tables(warehouse, reference)
    pids = _pids(result)
    assert len(pids) >= 2, f"every batch ran in one worker process: {pids}"
    assert set(pids) <= set(client.run(os.getpid).values()) and os.getpid() not in pids
    assert not any((tmp_path / "scaleout").rglob("*.parquet*")), "merged batch files were left behind"

    again = _run(corpus, warehouse, lc.scheduler_address)     # incremental: nothing pending, nothing submitted
    metadata = again.asset_materializations_for_node("extract_mentions")[0].metadata
    assert metadata["articles_extracted_this_run"].value == 0 and "dask_batches" not in metadata
    _assert_same_tables(warehouse, reference)


@pytest.mark.slow
@needs_dev
def test_killed_worker_mid_batch_is_retried_and_rows_are_identical(corpus, reference, tmp_path):
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0") as lc, \
            Client(lc) as client:
        killed: list[tuple[int, str]] = []
        killer = threading.Thread(target=_kill_a_busy_worker, args=(client, killed), daemon=True)
        killer.start()
        warehouse = tmp_path / "arms.duckdb"
        result = _run(corpus, warehouse, lc.scheduler_address)
        killer.join(timeout=5)
    assert killed, "no worker was killed while it ran a batch"
    assert killed[0][0] not in _pids(result), "the killed worker reported a batch it never finished"
    _assert_same_tables(warehouse, reference)


def _kill_a_busy_worker(client, killed: list, timeout_s: float = 60.0) -> None:
    """SIGKILL the worker process that runs the run's first batch, half a second into it (the batch
    loads the model first, ~2 s), so the kill lands mid-batch."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        busy = {w: keys for w, keys in client.processing().items()
                if any(str(k).startswith("arms-extract-") for k in keys)}
        if busy:
            worker, keys = next(iter(busy.items()))
            time.sleep(0.5)
            pid = client.run(os.getpid, workers=[worker])[worker]
            os.kill(pid, signal.SIGKILL)
            killed.append((pid, str(keys[0])))
            return
        time.sleep(0.05)


@pytest.mark.slow
def test_batch_that_raises_fails_the_run_naming_it_and_merges_nothing_of_it(monkeypatch, tmp_path):
    """Workers in threads of this process, so the test can make one batch raise after leaving a
    half-written file; that batch is named with its article ids and none of its rows is merged."""
    from distributed import LocalCluster

    articles = _tiny_corpus(tmp_path / "articles")
    real = cluster.scaleout.extract_batch_to_parquet

    def flaky(batch, root, batch_id, *args, **kwargs):
        if batch_id == "b000001":
            (Path(root) / "sentences").mkdir(parents=True, exist_ok=True)
            (Path(root) / "sentences" / f"{batch_id}.parquet.tmp").write_bytes(b"PAR1 half a file")
            raise RuntimeError("parser exploded")
        return real(batch, root, batch_id, *args, **kwargs)

    monkeypatch.setattr(cluster.scaleout, "extract_batch_to_parquet", flaky)
    with LocalCluster(n_workers=2, processes=False, threads_per_worker=1, protocol="tcp",
                      dashboard_address=":0") as lc:
        warehouse = tmp_path / "arms.duckdb"
        result = _run(articles, warehouse, lc.scheduler_address, raise_on_error=False)
    assert not result.success
    ids = sorted(r[0] for r in query(warehouse, "SELECT article_id FROM articles"))
    bad = ids[BATCH:2 * BATCH]             # the second batch: articles are sent in article_id order
    text = _failure_text(result)
    assert "batch b000001 failed" in text and "parser exploded" in text
    assert "nothing of it was merged" in text
    assert all(article_id in text for article_id in bad)
    merged = {r[0] for r in query(warehouse, "SELECT article_id FROM extraction_state")}
    assert not merged & set(bad)
    assert not query(warehouse, "SELECT article_id FROM sentences WHERE list_contains($ids, article_id)",
                     {"ids": bad})
    assert not any((tmp_path / "scaleout").rglob("*.parquet*")), "the failed batch's files were left behind"


def _pretend_older_code() -> None:
    """Runs on each worker: make its extractor version differ, as after a code edit it did not load."""
    import pipeline.settings as worker_settings

    worker_settings.EXTRACTOR_RELEASE = "0.0-before-the-edit"


@pytest.mark.slow
def test_workers_running_other_code_fail_the_run_until_restarted(local_cluster, tmp_path):
    lc, client = local_cluster
    articles = _tiny_corpus(tmp_path / "articles")
    warehouse = tmp_path / "arms.duckdb"
    client.run(_pretend_older_code)
    try:
        result = _run(articles, warehouse, lc.scheduler_address, raise_on_error=False)
    finally:
        client.restart()        # what the message tells the user to do: fresh worker processes
    assert not result.success
    text = _failure_text(result)
    assert "0.0-before-the-edit" in text and "Restart the Dask workers" in text
    assert query(warehouse, "SELECT count(*) FROM extraction_state")[0][0] == 0
    assert _run(articles, warehouse, lc.scheduler_address).success      # after the restart it works
    assert query(warehouse, "SELECT count(*) FROM extraction_state")[0][0] > 0


@pytest.mark.slow
def test_local_setting_starts_and_stops_its_own_worker_processes():
    import psutil

    with DaskResource(scheduler="local:2").client() as client:
        pids = sorted(client.run(os.getpid).values())
        assert len(pids) == 2 and os.getpid() not in pids
    time.sleep(0.5)
    assert not [p for p in pids if psutil.pid_exists(p) and psutil.Process(p).status() != "zombie"]


# ------------------------------------------------------------------------------------- make run-cluster
def _run_cluster_env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(REPO / "pipeline" / "dagster_instance.yaml", home / "dagster.yaml")
    env = {**os.environ, "ARMS_ARTICLES_DIR": str(_tiny_corpus(tmp_path / "articles")),
           "ARMS_WAREHOUSE": str(tmp_path / "arms.duckdb"), "DAGSTER_HOME": str(home)}
    env.pop("ARMS_DASK_SCHEDULER", None)
    return env


def _gone(pids: list[int]) -> bool:
    import psutil

    time.sleep(0.5)
    return not [p for p in pids if psutil.pid_exists(p) and psutil.Process(p).status() != "zombie"]


@pytest.mark.slow
def test_run_cluster_runs_the_job_on_separate_dask_processes_and_stops_them(tmp_path):
    done = subprocess.run([sys.executable, "-m", "pipeline.run_cluster", "--workers", "2"], cwd=REPO,
                          env=_run_cluster_env(tmp_path), capture_output=True, text=True, timeout=600)
    out = done.stdout
    assert done.returncode == 0, out[-3000:] + done.stderr[-3000:]
    assert re.search(r"^dask scheduler: tcp://127\.0\.0\.1:\d+ \(pid \d+", out, re.M)
    assert re.search(r"^dask dashboard: http://127\.0\.0\.1:\d+/status", out, re.M)
    assert len(re.findall(r"^dask worker: +tcp://\S+ \(pid \d+", out, re.M)) == 2
    assert "batch b000000 merged" in done.stderr            # the run's log: extraction ran on the workers
    assert query(tmp_path / "arms.duckdb", "SELECT count(*) FROM extraction_state")[0][0] > 0
    assert _gone([int(p) for p in re.findall(r"\(pid (\d+)", out)])


@pytest.mark.slow
def test_run_cluster_stops_the_cluster_when_terminated(tmp_path):
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.run_cluster", "--workers", "2"], cwd=REPO,
                            env=_run_cluster_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, start_new_session=True)
    lines = []
    for line in proc.stdout:
        lines.append(line)
        if line.startswith("running the job"):
            break
    proc.send_signal(signal.SIGTERM)
    lines += proc.stdout.readlines()
    assert proc.wait(timeout=120) == 130, "".join(lines)[-3000:]
    out = "".join(lines)
    pids = [int(p) for p in re.findall(r"\(pid (\d+)", out)]
    assert len(pids) >= 3 and "stopped dask scheduler" in out and _gone(pids)
