"""Scale-out equivalence: extraction in separate processes, Parquet interchange, one DuckDB writer.

Several article batches are extracted in SEPARATE spawned processes (one fresh process per batch),
each writing its rows as Parquet; the files are merged into a DuckDB warehouse with
``read_parquet``. The result must equal an in-process single run over the same articles.
"""
from __future__ import annotations

import multiprocessing as mp
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import duckdb
import pytest

from pipeline import scaleout
from pipeline.warehouse.store import EXTRACTION_TABLES, apply_schema, write_extractions
from tests.pipeline_helpers import SEEDS

DEV_ARTICLES = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "articles"
N_DEV = 12       # dev articles added to the seeds when the dev set is present
N_BATCHES = 3
VERSION = "test-scaleout"

# Column order for the row-by-row comparison: the contract columns of each table.
KEYS = {"sentences": "article_id, sentence_id", "entity_mentions": "article_id, mention_id",
        "numeric_figures": "article_id, figure_id", "date_mentions": "article_id, date_id",
        "arms_transfer_mentions": "article_id, mention_id", "extraction_state": "article_id"}


def _articles(tmp_path: Path):
    from pipeline.ingest import scan

    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    if DEV_ARTICLES.is_dir():
        for path in sorted(DEV_ARTICLES.glob("*.json"))[:N_DEV]:
            shutil.copy2(path, folder / path.name)
    result = scan(folder, 5 * 1024 * 1024)
    return sorted(result.articles, key=lambda a: a.article_id)


def _rows(con: duckdb.DuckDBPyConnection, table: str):
    cols = [c for c in (r[0] for r in con.execute(f"DESCRIBE {table}").fetchall())
            if c not in ("extracted_at",)]  # a timestamp of when, not what
    return con.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY {KEYS[table]}").fetchall()


@pytest.mark.slow
def test_batches_in_separate_processes_merge_to_the_single_run(tmp_path):
    from pipeline.nlp.runner import extract_chunk

    articles = _articles(tmp_path)
    assert len(articles) >= 6
    batches = scaleout.split_batches(articles, N_BATCHES)
    assert len(batches) == N_BATCHES and sum(map(len, batches)) == len(articles)

    # 1. each batch in its own fresh process (spawn, one task per child), writing only files
    parquet = tmp_path / "parquet"
    with ProcessPoolExecutor(max_workers=2, mp_context=mp.get_context("spawn"), max_tasks_per_child=1) as pool:
        futures = [pool.submit(scaleout.extract_batch_to_parquet, batch, parquet, f"batch-{i:03d}", VERSION)
                   for i, batch in enumerate(batches)]
        written = [f.result() for f in futures]
    for table in scaleout.BATCH_TABLES:
        assert len(scaleout.batch_files(parquet, table)) == N_BATCHES
    assert sum(w["extraction_state"] for w in written) == len(articles)

    # 2. the single writer merges every batch's files with read_parquet
    merged = duckdb.connect(str(tmp_path / "merged.duckdb"))
    apply_schema(merged)
    merged.execute("BEGIN TRANSACTION")
    inserted = scaleout.merge_parquet(merged, parquet)
    merged.execute("COMMIT")
    assert inserted == {t: sum(w[t] for w in written) for t in scaleout.BATCH_TABLES}

    # 3. the reference: one in-process run over the same articles, written the usual way
    single = duckdb.connect(str(tmp_path / "single.duckdb"))
    apply_schema(single)
    write_extractions(single, extract_chunk(articles), VERSION)

    for table in EXTRACTION_TABLES + ("extraction_state",):
        a, b = _rows(merged, table), _rows(single, table)
        assert len(a) == len(b), f"{table}: {len(a)} rows merged vs {len(b)} in the single run"
        assert a == b, f"{table}: merged rows differ from the single run"
    assert _rows(single, "sentences"), "the articles produced no sentences at all"
    assert _rows(single, "entity_mentions"), "the articles produced no entity mentions at all"

    # 4. merging the same files again replaces, never duplicates (idempotent per article)
    before = {t: merged.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in KEYS}
    scaleout.merge_parquet(merged, parquet)
    assert {t: merged.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in KEYS} == before
    merged.close()
    single.close()


def test_split_batches_is_contiguous_and_complete():
    items = list(range(10))
    batches = scaleout.split_batches(items, 3)
    assert batches == [[0, 1, 2, 3], [4, 5, 6], [7, 8, 9]]
    assert scaleout.split_batches(items[:2], 5) == [[0], [1]]
    with pytest.raises(ValueError):
        scaleout.batch_path("x", "articles; DROP TABLE articles", "b")
