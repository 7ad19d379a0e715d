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


SEED_ARTICLES = 21          # 19 files: a .jsonl of five, two rejected (seeds/README.md)
NOT_ARMS = ("example-2023-tanker-sale", "example-2024-airliner-orders", "example-2022-wheat-exports")


@pytest.mark.slow
def test_seed_run_fills_contract_tables(seeded_run):
    _, warehouse, result = seeded_run
    n = counts(warehouse, TABLES)
    assert n["articles"] == SEED_ARTICLES
    assert n["sentences"] > 80 and n["entity_mentions"] > 150 and n["arms_transfer_mentions"] > 20
    assert query(warehouse, "SELECT published_date, source FROM articles WHERE article_id = '000_144391ea574750d6'") \
        == [(dt.date(2022, 9, 6), "Washington Examiner")]
    assert query(warehouse, "SELECT source_path, reason FROM rejected_inputs ORDER BY source_path") == \
        [("deliberately_bad_malformed.json", "malformed_json"), ("example-not-english.md", "not_english")]
    # every constructed article says so, in every format (the .txt through its file name only)
    assert query(warehouse, "SELECT count(*) FROM articles WHERE article_id <> '000_144391ea574750d6' "
                            "AND source_path NOT LIKE '%.txt' AND coalesce(source, '') <> 'example'") == [(0,)]
    assert {r[0] for r in query(warehouse, "SELECT DISTINCT regexp_extract(source_path, '\\.([a-z]+)', 1) "
                                           "FROM articles")} == {"md", "json", "jsonl", "html", "txt"}
    failed = [e.check_name for e in result.get_asset_check_evaluations() if not e.passed]
    assert failed == []


@pytest.mark.slow
def test_seed_marts_cluster_deals_and_span_years(seeded_run):
    """The demo corpus shows what the marts are for: several articles on one deal, several years."""
    _, warehouse, _ = seeded_run
    for mart in ("transfer_dyads", "deals", "deal_mentions", "deal_evidence", "country_activity",
                 "register_export", "transfers_by_year", "stg_transfer_mentions"):
        assert query(warehouse, f"SELECT count(*) > 0 FROM {mart}") == [(True,)], mart
    clustered = query(warehouse, "SELECT supplier_iso3, recipient_iso3, weapon_category, n_articles, best_quantity "
                                 "FROM deals WHERE n_articles >= 3 ORDER BY supplier_iso3")
    assert clustered == [("KOR", "POL", "artillery", 3, 48.0), ("TUR", "MAR", "uav", 3, 13.0)]
    assert query(warehouse, "SELECT count(*) FROM deals WHERE n_articles >= 2")[0][0] >= 4
    evidence = query(warehouse, "SELECT count(DISTINCT article_id), count(DISTINCT title) FROM deal_evidence "
                                "WHERE supplier_iso3 = 'KOR' AND recipient_iso3 = 'POL'")
    assert evidence == [(3, 3)]
    years = [r[0] for r in query(warehouse, "SELECT DISTINCT year FROM transfers_by_year WHERE year IS NOT NULL "
                                            "ORDER BY year")]
    assert len(years) >= 3 and years[0] <= 2021 and years[-1] >= 2024
    # the stories about oil tankers, airliners and wheat are not arms transfers
    assert query(warehouse, "SELECT count(*) FROM arms_transfer_mentions WHERE list_contains($ids, article_id)",
                 {"ids": list(NOT_ARMS)}) == [(0,)]
    assert query(warehouse, "SELECT count(*) FROM articles WHERE list_contains($ids, article_id)",
                 {"ids": list(NOT_ARMS)}) == [(3,)]


@pytest.mark.slow
def test_second_run_is_a_noop_and_changes_are_picked_up(seeded_run, tmp_path, monkeypatch):
    articles, warehouse, _ = seeded_run
    articles = copy_seeds(tmp_path / "articles")
    warehouse = tmp_path / "arms.duckdb"
    first = run_all_assets(monkeypatch, articles, warehouse)
    before = counts(warehouse, TABLES)
    assert _extracted_this_run(first) == SEED_ARTICLES

    second = run_all_assets(monkeypatch, articles, warehouse)
    assert _extracted_this_run(second) == 0
    assert _metadata(second, "articles", "files_scanned") == 0   # unchanged folder: nothing read
    assert counts(warehouse, TABLES) == before

    # an edited article is extracted again; a removed file takes all its rows with it
    json_path = articles / "example-2021-india-rafale.json"
    record = json.loads(json_path.read_text())
    record["text"] += "\n\nIndia also ordered two more submarines from France."
    json_path.write_text(json.dumps(record))
    (articles / "example-lithuania-nasams.txt").unlink()
    third = run_all_assets(monkeypatch, articles, warehouse)
    assert _extracted_this_run(third) == 1
    assert _metadata(third, "articles", "files_scanned") == 18
    gone = "example-lithuania-nasams"
    assert query(warehouse, "SELECT count(*) FROM articles WHERE article_id = $id", {"id": gone}) == [(0,)]
    for table in TABLES[2:]:
        assert query(warehouse, f"SELECT count(*) FROM {table} WHERE article_id = $id", {"id": gone}) == [(0,)]
    assert query(warehouse, "SELECT count(*) FROM sentences WHERE article_id = 'example-2021-india-rafale' "
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
    assert counts(warehouse, ("articles",))["articles"] == SEED_ARTICLES


@pytest.mark.slow
def test_make_run_on_the_seeds_fits_one_screen(tmp_path):
    """`make run`'s console: progress lines and the summary, no DEBUG events or warnings, <= 40 lines."""
    home = tmp_path / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text((REPO / "pipeline" / "dagster_instance.yaml").read_text())
    env = {**os.environ, "ARMS_WAREHOUSE": str(tmp_path / "arms.duckdb"), "DAGSTER_HOME": str(home)}
    env.pop("ARMS_ARTICLES_DIR", None)
    proc = subprocess.run(["make", "--no-print-directory", "-o", "setup", "run"], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=900)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output[-3000:]
    lines = output.splitlines()
    assert len(lines) <= 40, output
    assert not any(word in output for word in ("DEBUG", "Warning", "Traceback", "STEP_"))
    assert any("extract_mentions" in line and "21/21 articles" in line and "articles/s" in line for line in lines)
    assert "deals" in output and "make sql" in lines[-1]


@pytest.mark.slow
def test_dagster_cli_with_the_repo_instance_prints_info_not_debug(tmp_path):
    """pipeline/dagster_instance.yaml (what `make setup` installs) sets the console to INFO for every run."""
    home = tmp_path / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text((REPO / "pipeline" / "dagster_instance.yaml").read_text())
    (tmp_path / "articles").mkdir()
    env = {**os.environ, "ARMS_ARTICLES_DIR": str(tmp_path / "articles"),
           "ARMS_WAREHOUSE": str(tmp_path / "arms.duckdb"), "DAGSTER_HOME": str(home)}
    dagster = Path(sys.executable).with_name("dagster")
    proc = subprocess.run([str(dagster), "asset", "materialize", "-m", "pipeline.definitions", "--select", "*"],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert " - INFO - " in proc.stderr and "0 new, 0 changed, 0 removed" in proc.stderr
    assert " - DEBUG - " not in proc.stderr
