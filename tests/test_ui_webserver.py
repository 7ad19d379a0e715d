"""The Dagster UI's own API, used the way the UI uses it: a real ``dagster-webserver`` subprocess,
GraphQL over loopback HTTP to list the asset graph and launch ``all_assets_job``, then the warehouse.

Runs start through ``DefaultRunCoordinator`` (see ``tests/ui/webserver.py``): with Dagster's default
``QueuedRunCoordinator`` and no ``dagster-daemon`` a launched run stays QUEUED for ever.
"""
from __future__ import annotations

import time

import pytest

from tests.pipeline_helpers import copy_seeds, counts
from tests.ui.webserver import Webserver

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
    finally:
        ws.stop()

    # The webserver (and with it every DuckDB handle of the run) is gone: read the warehouse.
    n = counts(warehouse, ("articles", "rejected_inputs", "arms_transfer_mentions"))
    assert n["articles"] == 6
    assert n["rejected_inputs"] == 1
