"""Whole materialisations of the real definitions on temp folders and temp DuckDB files."""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.pipeline_helpers import REPO, copy_seeds, counts, query, run_all_assets

TABLES = ("articles", "rejected_inputs", "sentences", "entity_mentions", "numeric_figures",
          "date_mentions", "arms_transfer_mentions")


def _metadata(result, asset: str, key: str):
    for event in result.get_asset_materialization_events():
        mat = event.event_specific_data.materialization
        if mat.asset_key.to_user_string() == asset:
            return mat.metadata[key].value
    raise AssertionError(f"no {asset} materialisation")


def _extracted_this_run(result) -> int:
    return _metadata(result, "sentences", "articles_extracted_this_run")


@pytest.fixture(scope="module")
def seeded_run(tmp_path_factory):
    """One full run on the bundled seeds, shared by the read-only assertions below."""
    mp = pytest.MonkeyPatch()
    tmp = tmp_path_factory.mktemp("seeded")
    articles, warehouse = copy_seeds(tmp / "articles"), tmp / "arms.duckdb"
    result = run_all_assets(mp, articles, warehouse)
    yield articles, warehouse, result
    mp.undo()


@pytest.mark.slow
def test_seed_run_fills_contract_tables(seeded_run):
    _, warehouse, result = seeded_run
    n = counts(warehouse, TABLES)
    assert n["articles"] == 6          # md, json, html, txt + two jsonl lines
    assert n["rejected_inputs"] == 1
    assert n["sentences"] > 50 and n["entity_mentions"] > 50
    assert query(warehouse, "SELECT published_date, source FROM articles WHERE article_id = '000_144391ea574750d6'") \
        == [(dt.date(2022, 9, 6), "Washington Examiner")]
    assert query(warehouse, "SELECT source_path, reason FROM rejected_inputs") == \
        [("deliberately_bad_malformed.json", "malformed_json")]
    failed = [e.check_name for e in result.get_asset_check_evaluations() if not e.passed]
    assert failed == []


@pytest.mark.slow
def test_second_run_is_a_noop_and_changes_are_picked_up(seeded_run, tmp_path, monkeypatch):
    articles, warehouse, _ = seeded_run
    articles = copy_seeds(tmp_path / "articles")
    warehouse = tmp_path / "arms.duckdb"
    first = run_all_assets(monkeypatch, articles, warehouse)
    before = counts(warehouse, TABLES)
    assert _extracted_this_run(first) == 6

    second = run_all_assets(monkeypatch, articles, warehouse)
    assert _extracted_this_run(second) == 0
    assert _metadata(second, "articles", "files_scanned") == 0   # unchanged folder: nothing read
    assert counts(warehouse, TABLES) == before

    # an edited article is extracted again; a removed file takes all its rows with it
    json_path = articles / "m_reuters-israel-14-more-f35-2015.json"
    record = json.loads(json_path.read_text())
    record["text"] += "\n\nIsrael also ordered two more submarines from Germany."
    json_path.write_text(json.dumps(record))
    (articles / "r21578_6989.txt").unlink()
    third = run_all_assets(monkeypatch, articles, warehouse)
    assert _extracted_this_run(third) == 1
    assert _metadata(third, "articles", "files_scanned") == 5
    assert query(warehouse, "SELECT count(*) FROM articles WHERE article_id = 'r21578_6989'") == [(0,)]
    for table in TABLES[2:]:
        assert query(warehouse, f"SELECT count(*) FROM {table} WHERE article_id = 'r21578_6989'") == [(0,)]
    assert query(warehouse, "SELECT count(*) FROM sentences WHERE article_id = 'm_reuters-israel-14-more-f35-2015' "
                            "AND text LIKE '%two more submarines%'") == [(1,)]


@pytest.mark.slow
def test_documented_cli_materialize_with_fresh_dagster_home(tmp_path):
    """The exact command of the README / DESIGN run-time contract, in a subprocess."""
    articles = copy_seeds(tmp_path / "articles")
    warehouse = tmp_path / "w" / "arms.duckdb"
    env = {**os.environ, "ARMS_ARTICLES_DIR": str(articles), "ARMS_WAREHOUSE": str(warehouse),
           "DAGSTER_HOME": str(tmp_path / "dagster_home")}
    (tmp_path / "dagster_home").mkdir()
    dagster = Path(sys.executable).with_name("dagster")
    proc = subprocess.run([str(dagster), "asset", "materialize", "-m", "pipeline.definitions", "--select", "*"],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert counts(warehouse, ("articles",))["articles"] == 6
