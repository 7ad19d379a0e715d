"""Crashes and concurrency: a killed run leaves nothing half-written; two runs at once both succeed."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tests.pipeline_helpers import REPO

DEV_ARTICLES = REPO.parent / "shared" / "eval" / "dev" / "articles"
CONTENT_SQL = {
    "articles": "SELECT article_id, content_hash FROM articles",
    "sentences": "SELECT article_id, sentence_id, char_start, char_end FROM sentences",
    "entity_mentions": "SELECT article_id, mention_id, char_start, char_end, label, country_iso3 FROM entity_mentions",
    "numeric_figures": "SELECT article_id, figure_id, char_start, value, value_low FROM numeric_figures",
    "date_mentions": "SELECT article_id, date_id, char_start, date_start FROM date_mentions",
    "arms_transfer_mentions": "SELECT article_id, mention_id, supplier_iso3, recipient_iso3, weapon_category, "
                              "quantity_value, stage FROM arms_transfer_mentions",
    "extraction_state": "SELECT article_id, content_hash, extractor_version FROM extraction_state",
}

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not DEV_ARTICLES.is_dir(), reason="needs ../shared/eval/dev/articles")]


def _corpus(dest: Path, n: int | None = None) -> Path:
    dest.mkdir(parents=True)
    for path in sorted(DEV_ARTICLES.glob("*.json"))[:n]:
        shutil.copy2(path, dest / path.name)
    return dest


def _env(articles: Path, warehouse: Path, home: Path, **extra) -> dict[str, str]:
    home.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "pipeline" / "dagster_instance.yaml", home / "dagster.yaml")
    return {**os.environ, "ARMS_ARTICLES_DIR": str(articles), "ARMS_WAREHOUSE": str(warehouse),
            "DAGSTER_HOME": str(home), **extra}


def _materialize_cmd() -> list[str]:
    return [str(Path(sys.executable).with_name("dagster")), "asset", "materialize",
            "-m", "pipeline.definitions", "--select", "*"]


def _snapshot(warehouse: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return {t: sorted(con.execute(sql).fetchall(), key=repr) for t, sql in CONTENT_SQL.items()}
    finally:
        con.close()


def _run(env) -> subprocess.CompletedProcess:
    proc = subprocess.run(_materialize_cmd(), cwd=REPO, env=env, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-4000:]
    return proc


def test_sigkill_mid_extraction_then_rerun_equals_uninterrupted_run(tmp_path):
    articles = _corpus(tmp_path / "articles", n=24)
    reference = tmp_path / "reference.duckdb"
    _run(_env(articles, reference, tmp_path / "home_ref", ARMS_NLP_WORKERS="1", ARMS_NLP_CHUNK_SIZE="3"))

    crashed = tmp_path / "crashed.duckdb"
    env = _env(articles, crashed, tmp_path / "home_crash", ARMS_NLP_WORKERS="1", ARMS_NLP_CHUNK_SIZE="3")
    proc = subprocess.Popen(_materialize_cmd(), cwd=REPO, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    killed = False
    deadline = time.monotonic() + 600
    for line in proc.stderr:
        if "extracted " in line and "/" in line:   # at least one chunk is committed, more are coming
            os.killpg(proc.pid, signal.SIGKILL)
            killed = True
            break
        if time.monotonic() > deadline:
            break
    proc.wait(timeout=60)
    assert killed, "the run finished before it could be killed"
    partial = _snapshot(crashed)
    done = {aid for aid, _, _ in partial["extraction_state"]}
    assert 0 < len(done) < len(partial["articles"])
    # no half-written article: rows exist only for articles whose extraction completed
    for table in ("sentences", "entity_mentions", "arms_transfer_mentions"):
        assert {row[0] for row in partial[table]} <= done

    _run(env)
    assert _snapshot(crashed) == _snapshot(reference)


def test_two_runs_started_together_both_succeed_and_equal_one_run(tmp_path):
    articles = _corpus(tmp_path / "articles", n=10)
    reference = tmp_path / "reference.duckdb"
    _run(_env(articles, reference, tmp_path / "home_ref"))

    shared = tmp_path / "shared.duckdb"
    procs = [subprocess.Popen(_materialize_cmd(), cwd=REPO, env=_env(articles, shared, tmp_path / f"home_{i}"),
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
             for i in range(2)]
    for proc in procs:
        _, err = proc.communicate(timeout=900)
        assert proc.returncode == 0, err[-4000:]
    assert _snapshot(shared) == _snapshot(reference)
