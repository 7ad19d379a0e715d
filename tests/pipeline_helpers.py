"""Helpers for tests that run the real Dagster definitions against temp folders."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds" / "articles"


def copy_seeds(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for path in SEEDS.iterdir():
        shutil.copy2(path, dest / path.name)
    return dest


def run_all_assets(monkeypatch, articles: Path, warehouse: Path, workers: int = 1):
    """Execute the code location's all-assets job in-process, configured through ARMS_* env vars."""
    monkeypatch.setenv("ARMS_ARTICLES_DIR", str(articles))
    monkeypatch.setenv("ARMS_WAREHOUSE", str(warehouse))
    monkeypatch.setenv("ARMS_NLP_WORKERS", str(workers))
    from pipeline.definitions import defs

    result = defs.resolve_job_def("all_assets_job").execute_in_process(raise_on_error=True)
    assert result.success
    return result


def counts(warehouse: Path, tables) -> dict[str, int]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        con.close()


def query(warehouse: Path, sql: str, params=None):
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql, params or {}).fetchall()
    finally:
        con.close()
