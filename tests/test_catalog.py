"""What the Dagster catalog shows: column schema + table name on every table asset, owners, tags,
markdown descriptions, the per-year series; and a COMMENT on every column of the warehouse."""
from __future__ import annotations

import datetime as dt

import dagster as dg
import duckdb

from pipeline.assets.catalog import OWNERS
from pipeline.assets.marts import load_marts, mart_assets, run_mart_sql
from pipeline.definitions import defs
from pipeline.resources import WarehouseResource
from pipeline.warehouse.store import apply_schema
from tests.test_marts import add_article, make_db, usa_pol_f16

CONTRACT = ("articles", "rejected_inputs", "sentences", "entity_mentions", "numeric_figures",
            "date_mentions", "arms_transfer_mentions")


def test_every_column_of_every_table_and_mart_has_a_comment():
    con = make_db()
    run_mart_sql(con)
    relations = set(CONTRACT) | {m.name for m in load_marts()}
    missing = con.execute(
        "SELECT table_name || '.' || column_name FROM duckdb_columns() "
        "WHERE schema_name = 'main' AND coalesce(trim(comment), '') = '' AND list_contains($r, table_name) "
        "ORDER BY 1", {"r": sorted(relations)}).fetchall()
    assert missing == []
    assert relations <= {r[0] for r in con.execute("SELECT DISTINCT table_name FROM duckdb_columns()").fetchall()}


def test_schema_is_applied_once_per_version_of_the_ddl(tmp_path):
    """The comments are catalog writes: a writer must not redo them every time it opens the file."""
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    apply_schema(con)
    con.execute("COMMENT ON COLUMN articles.title IS 'changed by hand'")
    apply_schema(con)                       # same DDL files: nothing re-run
    assert con.execute("SELECT comment FROM duckdb_columns() WHERE table_name = 'articles' "
                       "AND column_name = 'title'").fetchone()[0] == "changed by hand"
    con.execute("UPDATE schema_state SET digest = 'older'")
    apply_schema(con)                       # other DDL: applied again
    assert con.execute("SELECT comment FROM duckdb_columns() WHERE table_name = 'articles' "
                       "AND column_name = 'title'").fetchone()[0].startswith("Title")


def test_every_table_asset_has_owner_tags_and_markdown_description():
    graph = defs.resolve_asset_graph()
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        assert list(node.owners) == OWNERS, key
        assert node.tags.get("domain") == "arms_trade" and node.tags.get("layer"), key
    deals = graph.get(dg.AssetKey("deals"))
    assert "  \n**grain:** one row per deal_id" in deals.description    # a hard line break per header line


def _mart_metadata(tmp_path):
    db = tmp_path / "w.duckdb"
    con = make_db(db)
    for i, (day, qty) in enumerate([(dt.date(2019, 5, 1), 24), (dt.date(2021, 2, 1), 24), (dt.date(2021, 3, 1), 36)]):
        add_article(con, f"a{i}", day)
        usa_pol_f16(con, f"a{i}", 0, quantity_value=qty, deal_value=3e9, deal_currency="USD")
    con.close()
    result = dg.materialize(mart_assets, resources={"warehouse": WarehouseResource(path=str(db))})
    assert result.success
    return {e.event_specific_data.materialization.asset_key.to_user_string():
            e.event_specific_data.materialization.metadata for e in result.get_asset_materialization_events()}


def test_mart_metadata_column_schema_table_name_and_yearly_series(tmp_path):
    md = _mart_metadata(tmp_path)
    for name, metadata in md.items():
        schema = metadata["dagster/column_schema"].value
        assert schema.columns and all(c.description for c in schema.columns), name
        assert metadata["dagster/table_name"].value == f"w.main.{name}"
    deals = {c.name: c for c in md["deals"]["dagster/column_schema"].value.columns}
    assert deals["first_date"].type == "DATE" and "event date" in deals["first_date"].description
    by_year = md["transfers_by_year"]
    assert by_year["transfers_2019"].value == 1 and by_year["transfers_2021"].value == 2
    assert "| 2021 | 2 |" in by_year["transfers_per_year"].value
    assert md["deals"]["deals_2019"].value == 1 and md["deals"]["deals_2021"].value == 1
    for key, value in by_year.items():     # the Plots tab plots numeric entries: these are ints
        if key.startswith("transfers_2"):
            assert isinstance(value, dg.IntMetadataValue)


def test_comments_do_not_break_an_older_warehouse_missing_columns(tmp_path):
    con = duckdb.connect(str(tmp_path / "old.duckdb"))
    con.execute("CREATE TABLE sentences (article_id VARCHAR NOT NULL, sentence_id INTEGER NOT NULL)")
    apply_schema(con)                                    # no "column char_start does not exist" failure
    comments = dict(con.execute("SELECT column_name, comment FROM duckdb_columns() "
                                "WHERE table_name = 'sentences'").fetchall())
    assert comments["sentence_id"].startswith("0-based")
