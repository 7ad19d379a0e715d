"""The code location loads, and its pieces are the ones the README promises."""
from __future__ import annotations

import dagster as dg

from pipeline.definitions import defs

CONTRACT_TABLES = {"articles", "rejected_inputs", "sentences", "entity_mentions", "numeric_figures",
                   "date_mentions", "arms_transfer_mentions"}


def test_definitions_validate():
    dg.Definitions.validate_loadable(defs)


def test_contract_tables_are_assets_in_their_groups():
    graph = defs.resolve_asset_graph()
    keys = {k.to_user_string() for k in graph.get_all_asset_keys()}
    assert CONTRACT_TABLES <= keys
    groups = {k.to_user_string(): graph.get(k).group_name for k in graph.get_all_asset_keys()}
    assert groups["articles"] == "ingest"
    assert groups["arms_transfer_mentions"] == "extract"


def test_job_schedule_sensor_and_checks_exist():
    assert defs.resolve_job_def("all_assets_job") is not None
    assert defs.resolve_schedule_def("hourly_refresh").cron_schedule == "0 * * * *"
    assert defs.resolve_sensor_def("new_articles_sensor") is not None
    check_keys = {k.name for k in defs.resolve_asset_graph().asset_check_keys}
    assert {"sentences_offsets_in_text", "transfers_possible", "rejected_inputs_known_reasons"} <= check_keys


def test_no_configuration_read_at_import(monkeypatch, tmp_path):
    """Resources resolve ARMS_* when used, so one loaded code location serves any folder."""
    from pipeline.resources import ArticlesFolderResource, WarehouseResource

    monkeypatch.setenv("ARMS_ARTICLES_DIR", str(tmp_path / "in"))
    monkeypatch.setenv("ARMS_WAREHOUSE", str(tmp_path / "w.duckdb"))
    assert ArticlesFolderResource().resolved_path() == tmp_path / "in"
    assert WarehouseResource().resolved_path() == tmp_path / "w.duckdb"
