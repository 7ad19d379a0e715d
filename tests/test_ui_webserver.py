"""The Dagster UI's own API, used the way the UI uses it: a real ``dagster-webserver`` subprocess,
GraphQL over loopback HTTP to list the asset graph and launch ``all_assets_job``, then the warehouse.

Runs start through ``DefaultRunCoordinator`` (see ``tests/ui/webserver.py``): with Dagster's default
``QueuedRunCoordinator`` and no ``dagster-daemon`` a launched run stays QUEUED for ever.
"""
from __future__ import annotations

import time

import pytest

from tests.pipeline_helpers import copy_seeds, counts
from tests.ui.webserver import CHROMIUM, Webserver

STARTUP_TIMEOUT = 120   # seconds until /server_info answers and the code location is loaded
RUN_TIMEOUT = 240       # bound for the seed run (~75 s on 2 idle cores; slack for a loaded machine)


@pytest.mark.slow
def test_webserver_lists_assets_and_runs_the_job(tmp_path):
    articles = copy_seeds(tmp_path / "articles")
    warehouse = tmp_path / "arms.duckdb"
    ws = Webserver(dagster_home=tmp_path / "dagster_home", articles=articles, warehouse=warehouse,
                   log_path=tmp_path / "webserver.log", extra_env={"ARMS_NLP_WORKERS": "1"})
    try:
        ws.start()
        info = ws.wait_ready(timeout=STARTUP_TIMEOUT)
        assert info["dagster_webserver_version"] == info["dagster_version"]

        # The asset graph as the UI sees it: three groups, the headline table among the assets.
        nodes = ws.asset_nodes()
        groups = {n["groupName"] for n in nodes}
        keys = {"/".join(n["assetKey"]["path"]): n for n in nodes}
        assert {"ingest", "extract", "marts"} <= groups, groups
        assert "arms_transfer_mentions" in keys, sorted(keys)
        assert keys["arms_transfer_mentions"]["groupName"] == "extract"
        assert {"articles", "rejected_inputs"} <= {k for k, n in keys.items() if n["groupName"] == "ingest"}
        assert all("all_assets_job" in n["jobNames"] for n in nodes)

        # "Materialize all" from the UI: launch the job on the code location's repository.
        started = time.monotonic()
        run_id = ws.launch_job("all_assets_job")
        status = ws.wait_for_run(run_id, timeout=RUN_TIMEOUT)
        if status != "SUCCESS":
            pytest.fail(f"run {run_id} ended {status} after {time.monotonic() - started:.0f}s\n"
                        f"{ws.run_events(run_id, errors_only=True)}\n--- full event log ---\n"
                        f"{ws.run_events(run_id)[-20000:]}")
        _assert_catalog(ws)
        page = ws.dump_dom("/assets/transfers_by_year", tmp_path / "chromium") if CHROMIUM.exists() else None
    finally:
        ws.stop()

    # The webserver (and with it every DuckDB handle of the run) is gone: read the warehouse.
    n = counts(warehouse, ("articles", "rejected_inputs", "arms_transfer_mentions"))
    assert n["articles"] == 21           # seeds/articles: 19 files, a .jsonl of five, two rejected
    assert n["rejected_inputs"] == 2

    if page is None:
        pytest.skip(f"{CHROMIUM} missing (`make ui-check` installs it): the rendered asset page was not checked")
    # The asset page as a browser shows it: the Columns table with the COMMENT texts, the owner,
    # and the per-year keys in the Metadata table (whose Plots toggle draws them over runs).
    assert "Year of the event date" in page and "Distinct deals (deal_mentions.deal_id)" in page
    assert "arms-trade-analysts" in page and ">layer: mart<" in page
    for year in (2019, 2021, 2024):
        assert f"transfers_{year}" in page


def _assert_catalog(ws: Webserver) -> None:
    """What the UI's asset page is built from (GraphQL): column schema, table name, per-year numbers."""
    mart = ws.asset_catalog("transfers_by_year")
    meta = mart["metadata"]
    columns = {c["name"]: c for c in meta["dagster/column_schema"]["schema"]["columns"]}
    assert {"year", "weapon_category", "n_mentions", "n_articles", "n_deals"} <= set(columns)
    assert all(c["description"] for c in columns.values()) and columns["year"]["type"] == "BIGINT"
    assert meta["dagster/table_name"]["text"] == "arms.main.transfers_by_year"
    per_year = {k: v for k, v in meta.items() if k.startswith("transfers_") and k[-4:].isdigit()}
    assert len(per_year) >= 3 and all(v["__typename"] == "IntMetadataEntry" for v in per_year.values())
    assert sum(v["intValue"] for v in per_year.values()) >= 20
    assert "| 2022 |" in meta["transfers_per_year"]["mdStr"]
    assert mart["definition"]["owners"] == [{"__typename": "TeamAssetOwner", "team": "arms-trade-analysts"}]
    assert {"key": "layer", "value": "mart"} in mart["definition"]["tags"]
    assert "  \n**grain:**" in mart["definition"]["description"]
    deals = ws.asset_catalog("deals")["metadata"]
    assert "n_articles" in {c["name"] for c in deals["dagster/column_schema"]["schema"]["columns"]}
    assert any(k.startswith("deals_20") for k in deals)
    articles = ws.asset_catalog("articles")["metadata"]
    assert articles["dagster/table_name"]["text"] == "arms.main.articles"
    assert "nan" not in articles["preview"]["mdStr"] and "NaT" not in articles["preview"]["mdStr"]
