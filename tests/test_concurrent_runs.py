"""Two runs at once: the second waits for the NLP turn, says for whom, and then does only what is left."""
from __future__ import annotations

import json
import multiprocessing as mp
import os
import threading
from pathlib import Path

import dagster as dg
from pipeline.assets.extract import extract_mentions
from pipeline.assets.ingest import ingest_articles
from pipeline.resources import ArticlesFolderResource, DaskResource, NlpResource, WarehouseResource
from pipeline.settings import extractor_version
from pipeline.warehouse.lock import exclusive_lock, lock_holder


def _hold(path: Path, ready, release) -> None:
    with exclusive_lock(path, timeout_s=5):
        ready.set()
        release.wait(30)


def test_a_waiter_learns_the_holders_pid(tmp_path):
    lock = tmp_path / "w.duckdb.lock"
    ctx = mp.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold, args=(lock, ready, release))
    holder.start()
    try:
        assert ready.wait(30)
        assert lock_holder(lock) == holder.pid
        seen = []

        def on_wait(pid):
            seen.append(pid)
            release.set()                    # the holder finishes once we have said whom we wait for

        with exclusive_lock(lock, timeout_s=30, on_wait=on_wait, announce_after_s=0.2):
            assert lock_holder(lock) == os.getpid()
        assert seen == [holder.pid]          # said once, with the holder's PID
    finally:
        release.set()
        holder.join(30)


def test_no_announcement_for_a_lock_that_is_free(tmp_path):
    seen = []
    with exclusive_lock(tmp_path / "x.lock", timeout_s=1, on_wait=seen.append, announce_after_s=0):
        pass
    assert seen == []


def _articles(folder: Path) -> Path:
    folder.mkdir()
    for i, text in enumerate(["Germany delivered two frigates to Egypt in 2021.",
                              "France sold 24 Rafale jets to Greece, the ministry said."]):
        (folder / f"a{i}.json").write_text(json.dumps({"id": f"a{i}", "text": text, "source": "example"}))
    return folder


def _mark_all_extracted(warehouse: WarehouseResource, version: str) -> None:
    """What the first run leaves behind when it finishes its NLP pass: every article done."""
    with warehouse.write() as con:
        con.execute("INSERT OR REPLACE INTO extraction_state (article_id, content_hash, extractor_version) "
                    "SELECT article_id, content_hash, $v FROM articles", {"v": version})


def test_second_run_waits_for_the_turn_and_skips_what_the_first_finished(tmp_path, monkeypatch):
    monkeypatch.setenv("ARMS_ARTICLES_DIR", str(_articles(tmp_path / "articles")))
    monkeypatch.setenv("ARMS_WAREHOUSE", str(tmp_path / "arms.duckdb"))
    warehouse = WarehouseResource()
    assert dg.materialize([ingest_articles], resources={
        "warehouse": warehouse, "articles_folder": ArticlesFolderResource()}).success
    version = extractor_version(NlpResource().resolved_model())

    waiting = threading.Event()
    announce = WarehouseResource._announce_wait

    def spy(self, lock_path, what):
        inner = announce(self, lock_path, what)
        return lambda pid: (inner(pid), waiting.set())
    monkeypatch.setattr(WarehouseResource, "_announce_wait", spy)

    def first_run() -> None:             # holds the turn until the second run waits, then finishes
        with warehouse.extraction_turn():
            held.set()
            waiting.wait(60)
            _mark_all_extracted(warehouse, version)

    held = threading.Event()
    thread = threading.Thread(target=first_run)
    thread.start()
    assert held.wait(30)
    instance = dg.DagsterInstance.ephemeral()
    result = dg.materialize([extract_mentions], instance=instance, resources={
        "warehouse": warehouse, "nlp": NlpResource(n_workers=1), "dask": DaskResource()})
    thread.join(60)
    assert result.success and waiting.is_set()
    sentences = next(e.event_specific_data.materialization for e in result.get_asset_materialization_events()
                     if e.event_specific_data.materialization.asset_key.to_user_string() == "sentences")
    assert sentences.metadata["articles_extracted_this_run"].value == 0   # nothing redone
    logs = [e.user_message for e in instance.all_logs(result.run_id)]
    assert any(f"waiting for the warehouse lock held by PID {os.getpid()}" in m for m in logs), logs


def test_writer_wait_is_announced_in_the_run_log(tmp_path, monkeypatch):
    """A plain write (ingest, marts) that queues behind another run says so too."""
    warehouse = WarehouseResource(path=str(tmp_path / "arms.duckdb"))
    lock = tmp_path / "arms.duckdb.lock"
    messages = []
    monkeypatch.setattr(WarehouseResource, "_logger", lambda self: type("L", (), {"info": messages.append})())
    release = threading.Event()

    def holder():
        with exclusive_lock(lock, timeout_s=5):
            held.set()
            release.wait(5)

    held = threading.Event()
    thread = threading.Thread(target=holder)
    thread.start()
    assert held.wait(5)
    threading.Timer(1.5, release.set).start()
    with warehouse.write() as con:
        con.execute("SELECT 1")
    thread.join(5)
    assert messages and f"held by PID {os.getpid()}" in messages[0] and "another run is writing" in messages[0]
