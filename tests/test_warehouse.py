"""The single writer: schema, idempotent per-article replace, removal, locking, hostile ids."""
from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import time

import duckdb
import pytest

from pipeline.records import Article, ArticleExtraction, EntityMention, TransferMention
from pipeline.resources import WarehouseResource
from pipeline.warehouse.lock import WarehouseBusy, exclusive_lock
from pipeline.warehouse.store import delete_articles, upsert_articles, write_extractions

HOSTILE_ID = "x'); DROP TABLE articles; -- \"quoted\""


def _article(aid: str, text: str = "Russia bought drones from Iran. They arrived.") -> Article:
    return Article(article_id=aid, text=text, title="T", published_date=dt.date(2022, 9, 6),
                   content_hash="h-" + text, source_path=f"{aid}.txt")


def _extraction(aid: str) -> ArticleExtraction:
    return ArticleExtraction(
        article_id=aid, content_hash="h",
        sentences=[(0, 31, "Russia bought drones from Iran."), (32, 45, "They arrived.")],
        entities=[EntityMention(0, 6, "Russia", "COUNTRY", "Russia", "RUS"),
                  EntityMention(14, 20, "drones", "WEAPON", "drones", None, "uav"),
                  EntityMention(33, 37, "They", "ORG")],
        transfers=[TransferMention(0, 31, "Russia bought drones from Iran.", supplier_iso3="IRN",
                                   recipient_iso3="RUS", weapon_category="uav", stage="delivered")],
    )


def _rows(path, sql):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_write_is_idempotent_and_assigns_sentence_ids(tmp_path):
    wh = WarehouseResource(path=str(tmp_path / "w.duckdb"))
    for _ in range(2):
        with wh.write() as con:
            upsert_articles(con, [_article("a1")])
            write_extractions(con, [_extraction("a1")], "v1")
    assert _rows(wh.resolved_path(), "SELECT count(*) FROM articles") == [(1,)]
    assert _rows(wh.resolved_path(), "SELECT mention_id, sentence_id FROM entity_mentions ORDER BY 1") == \
        [(0, 0), (1, 0), (2, 1)]
    assert _rows(wh.resolved_path(), "SELECT supplier_iso3, recipient_iso3, extractor_version, sentence_id "
                                     "FROM arms_transfer_mentions") == [("IRN", "RUS", "v1", 0)]


def test_hostile_ids_and_text_are_stored_verbatim_and_deleted_cleanly(tmp_path):
    wh = WarehouseResource(path=str(tmp_path / "w.duckdb"))
    text = "It's a 'quoted'; -- comment \"text\"; DROP TABLE sentences;"
    with wh.write() as con:
        upsert_articles(con, [_article(HOSTILE_ID, text), _article("keep")])
        write_extractions(con, [_extraction(HOSTILE_ID)], "v1")
    assert (HOSTILE_ID, text) in _rows(wh.resolved_path(), "SELECT article_id, text FROM articles")
    with wh.write() as con:
        delete_articles(con, [HOSTILE_ID])
    assert _rows(wh.resolved_path(), "SELECT article_id FROM articles") == [("keep",)]
    assert _rows(wh.resolved_path(), "SELECT count(*) FROM entity_mentions") == [(0,)]


def test_failed_write_rolls_back(tmp_path):
    wh = WarehouseResource(path=str(tmp_path / "w.duckdb"))
    with pytest.raises(RuntimeError):
        with wh.write() as con:
            upsert_articles(con, [_article("a1")])
            raise RuntimeError("crash in the middle of a write")
    assert _rows(wh.resolved_path(), "SELECT count(*) FROM articles") == [(0,)]


def _hold_lock(path, seconds, ready):
    with exclusive_lock(path, timeout_s=5):
        ready.set()
        time.sleep(seconds)


def test_lock_serialises_writers_across_processes(tmp_path):
    lock = tmp_path / "w.duckdb.lock"
    ctx = mp.get_context("spawn")
    ready = ctx.Event()
    holder = ctx.Process(target=_hold_lock, args=(lock, 1.5, ready))
    holder.start()
    assert ready.wait(30)
    with pytest.raises(WarehouseBusy):
        with exclusive_lock(lock, timeout_s=0.3):
            pass
    started = time.monotonic()
    with exclusive_lock(lock, timeout_s=30):
        waited = time.monotonic() - started
    holder.join()
    assert waited > 0.2


def test_read_on_missing_warehouse_says_what_to_do(tmp_path):
    with pytest.raises(FileNotFoundError, match="make run"):
        with WarehouseResource(path=str(tmp_path / "none.duckdb")).read():
            pass
