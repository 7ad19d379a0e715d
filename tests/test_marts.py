"""The SQL marts on hand-built rows in a temporary DuckDB (no spaCy, no Dagster run needed)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from pipeline.assets.checks import build_sql_checks, load_sql_checks
from pipeline.assets.marts import MARTS_DIR, load_marts, mart_assets, run_mart_sql
from pipeline.assets.sqlfile import parse_sql_file
from pipeline.resources import WarehouseResource

CHECKS_DIR = Path(__file__).resolve().parents[1] / "sql" / "checks"
MART_NAMES = {m.name for m in load_marts()}
mart_checks = [c for c in build_sql_checks() if all(k.asset_key.to_user_string() in MART_NAMES for k in c.check_keys)]


def load_checks():
    """The SQL checks whose asset is a mart."""
    return [c for c in load_sql_checks() if c.asset in MART_NAMES]


def run_check(con, check):
    """The offending rows of a check (empty = pass)."""
    return con.execute(check.sql, check.params()).df()

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = sorted((ROOT / "sql" / "schema").glob("*.sql"))

MENTION_COLS = (
    "article_id", "mention_id", "sentence_id", "char_start", "char_end", "evidence",
    "supplier_name", "supplier_iso3", "recipient_name", "recipient_iso3", "weapon_text",
    "weapon_category", "quantity_value", "quantity_low", "quantity_high", "quantity_text",
    "quantity_qualifier", "deal_value", "deal_currency", "stage", "modality", "date_start",
    "date_end", "date_text", "confidence", "extractor_version",
)


def make_db(path: Path | None = None) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(path) if path else ":memory:")
    for ddl in SCHEMA:
        con.execute(ddl.read_text())
    return con


def add_article(con, article_id, published=None, url=None):
    con.execute(
        "INSERT INTO articles (article_id, title, published_date, url, text, content_hash, source_path, n_chars) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [article_id, article_id, published, url, "text", "h-" + article_id, article_id + ".json", 4],
    )


def add_mention(con, article_id, mention_id, **kw):
    row = {
        "article_id": article_id, "mention_id": mention_id, "sentence_id": 0, "char_start": 0,
        "char_end": 4, "evidence": kw.pop("evidence", f"evidence {article_id}/{mention_id}"),
        "weapon_category": "aircraft", "stage": "unknown", "modality": "asserted",
        "confidence": 0.5, "extractor_version": "test",
    }
    row.update(kw)
    cols = [c for c in MENTION_COLS if c in row]
    con.execute(
        f"INSERT INTO arms_transfer_mentions ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
        [row[c] for c in cols],
    )


def usa_pol_f16(con, article_id, mention_id, **kw):
    base = dict(supplier_name="United States", supplier_iso3="USA", recipient_name="Poland",
                recipient_iso3="POL", weapon_text="F-16", weapon_category="aircraft")
    base.update(kw)
    add_mention(con, article_id, mention_id, **base)


def deals(con):
    return con.execute("SELECT * FROM deals ORDER BY first_date NULLS LAST, deal_id").df()


def deal_of(con, article_id, mention_id):
    return con.execute("SELECT deal_id FROM deal_mentions WHERE article_id = ? AND mention_id = ?",
                       [article_id, mention_id]).fetchone()[0]


# ---------------------------------------------------------------- factory / files

def test_every_mart_file_creates_the_table_named_like_it_and_declares_deps():
    models = load_marts(MARTS_DIR)
    names = [m.name for m in models]
    assert {"transfer_dyads", "deals", "deal_mentions", "country_activity", "register_export"} <= set(names)
    for m in models:
        assert f"CREATE OR REPLACE TABLE {m.name} AS" in m.sql or f"CREATE OR REPLACE VIEW {m.name} AS" in m.sql
        assert "grain:" in m.description
        assert m.depends_on, m.name
        for dep in m.depends_on:        # a mart runs after the marts it reads
            if dep in names:
                assert names.index(dep) < names.index(m.name)


def test_depends_on_header_and_cycle_detection(tmp_path):
    (tmp_path / "a.sql").write_text("-- a model\n-- grain: x\n-- depends_on: b, articles\nCREATE OR REPLACE VIEW a AS SELECT 1\n")
    (tmp_path / "b.sql").write_text("-- depends_on: a\nCREATE OR REPLACE VIEW b AS SELECT 1\n")
    assert parse_sql_file(tmp_path / "a.sql").depends_on == ("b", "articles")
    with pytest.raises(ValueError, match="cycle"):
        load_marts(tmp_path)


def test_assets_and_checks_are_wired():
    keys = {a.key.to_user_string(): a for a in mart_assets}
    assert set(keys) == {m.name for m in load_marts()}
    deals_asset = keys["deals"]
    deps = {k.to_user_string() for k in deals_asset.asset_deps[deals_asset.key]}
    assert deps == {"deal_mentions", "stg_transfer_mentions"}
    stg = keys["stg_transfer_mentions"]
    assert {k.to_user_string() for k in stg.asset_deps[stg.key]} == {"arms_transfer_mentions", "articles",
                                                                    "entity_mentions"}
    assert deals_asset.group_names_by_key[deals_asset.key] == "marts"
    check_names = {k.name for c in mart_checks for k in c.check_keys}
    assert {"deals_deal_id_unique", "deals_have_mentions", "transfer_dyads_no_self_dyad",
            "transfer_dyads_quantity_non_negative"} <= check_names
    # checks on contract tables in the same folder are not ours
    assert all(k.asset_key.to_user_string() in keys for c in mart_checks for k in c.check_keys)


# ---------------------------------------------------------------- empty / NULL-heavy

def test_empty_tables_give_empty_marts():
    con = make_db()
    counts = run_mart_sql(con)
    assert counts == {name: 0 for name in counts}
    assert set(counts) >= {"transfer_dyads", "deals", "country_activity", "register_export"}
    for check in load_checks():
        assert run_check(con, check).empty, check.name


def test_marts_are_idempotent():
    con = make_db()
    add_article(con, "a1", dt.date(2020, 1, 1))
    usa_pol_f16(con, "a1", 0)
    first = run_mart_sql(con)
    assert run_mart_sql(con) == first
    assert first["deals"] == 1


def test_a_mart_is_rebuilt_only_when_its_inputs_change():
    from pipeline.assets.marts import build_if_changed, input_token

    con = make_db()
    add_article(con, "a1", dt.date(2020, 1, 1))
    usa_pol_f16(con, "a1", 0)
    con.execute("INSERT INTO extraction_state (article_id, content_hash, extractor_version) VALUES ('a1', 'h-a1', 'v1')")
    models = load_marts()
    built = [build_if_changed(con, m, input_token(con)) for m in models]
    assert all(rebuilt for _rows, rebuilt in built)
    again = [build_if_changed(con, m, input_token(con)) for m in models]
    assert [r for r, _ in again] == [r for r, _ in built] and not any(rebuilt for _r, rebuilt in again)
    # a re-extracted article (new extractor version) moves the token: everything is rebuilt
    con.execute("UPDATE extraction_state SET extractor_version = 'v2'")
    assert all(rebuilt for _r, rebuilt in (build_if_changed(con, m, input_token(con)) for m in models))
    # a dropped mart is rebuilt even though its inputs did not change
    con.execute("DROP TABLE IF EXISTS deals")
    con.execute("DROP VIEW IF EXISTS deals")
    rows, rebuilt = build_if_changed(con, next(m for m in models if m.name == "deals"), input_token(con))
    assert rebuilt and rows == 1


def test_null_heavy_rows():
    con = make_db()
    # no article row, no dates, no names for one side, no quantity, no weapon text
    add_mention(con, "ghost", 0, recipient_name="Hezbollah", weapon_category="small_arms")
    add_mention(con, "ghost", 1, recipient_name="hezbollah ", weapon_category="small_arms",
                supplier_iso3="IRN")
    add_mention(con, "ghost", 2)   # neither party: cannot form a dyad, left out
    counts = run_mart_sql(con)
    assert counts["stg_transfer_mentions"] == 2
    assert counts["transfer_dyads"] == 2
    assert counts["deals"] == 2
    d = deals(con)
    assert d["first_date"].isna().all()
    assert set(d["best_stage"]) == {"unknown"}
    assert d["best_quantity"].isna().all()
    names = con.execute("SELECT DISTINCT recipient_name, recipient_iso3 FROM transfer_dyads").fetchall()
    assert names == [("Hezbollah", None)]     # one group despite case/space: keyed by lower(trim(name))
    assert counts["register_export"] == 2
    for check in load_checks():
        assert run_check(con, check).empty, check.name


# ---------------------------------------------------------------- deals clustering

def test_two_articles_reporting_the_same_f16_deal_cluster_into_one_deal():
    con = make_db()
    add_article(con, "reuters-1", dt.date(2020, 3, 1), url="https://r/1")
    add_article(con, "ap-7", dt.date(2020, 9, 15), url="https://ap/7")
    usa_pol_f16(con, "reuters-1", 0, stage="approved", quantity_value=32.0, quantity_text="32", confidence=0.9)
    usa_pol_f16(con, "reuters-1", 1, sentence_id=3, stage="negotiating")
    usa_pol_f16(con, "ap-7", 0, stage="ordered", quantity_value=32.0, weapon_text="F-16V Block 70")
    run_mart_sql(con)
    d = deals(con)
    assert len(d) == 1
    row = d.iloc[0]
    assert (row.n_mentions, row.n_articles) == (3, 2)
    assert list(row.article_ids) == ["ap-7", "reuters-1"]
    assert list(row.weapon_texts) == ["F-16", "F-16V Block 70"]
    assert row.best_quantity == 32.0
    assert row.best_stage == "ordered"
    assert row.first_date.date() == dt.date(2020, 3, 1) and row.last_date.date() == dt.date(2020, 9, 15)
    assert row.evidence_sample == "evidence reuters-1/0"       # highest confidence
    reg = con.execute("SELECT * FROM register_export").df().iloc[0]
    assert (reg.recipient, reg.supplier, reg.year_of_order, reg.number_ordered) == ("Poland", "United States", 2020, 32.0)
    assert reg.status == "ordered" and reg.weapon_description == "aircraft"
    assert reg.sources == "ap-7; reuters-1" and reg.source_urls == "https://ap/7; https://r/1"


def test_different_category_is_a_different_deal():
    con = make_db()
    add_article(con, "a1", dt.date(2020, 3, 1))
    add_article(con, "a2", dt.date(2020, 4, 1))
    usa_pol_f16(con, "a1", 0)
    usa_pol_f16(con, "a2", 0, weapon_text="Abrams", weapon_category="armoured_vehicles")
    run_mart_sql(con)
    assert sorted(deals(con)["weapon_category"]) == ["aircraft", "armoured_vehicles"]


def test_five_years_apart_is_a_different_deal_but_mentions_chain_within_18_months():
    con = make_db()
    for aid, day in [("a1", dt.date(2010, 1, 1)), ("a2", dt.date(2011, 3, 1)),   # 14 months later
                     ("a3", dt.date(2012, 6, 1)),                                  # 15 months later: chains
                     ("a4", dt.date(2017, 6, 1))]:                                 # 5 years later: new deal
        add_article(con, aid, day)
        usa_pol_f16(con, aid, 0)
    run_mart_sql(con)
    d = deals(con)
    assert list(d["n_mentions"]) == [3, 1]
    assert deal_of(con, "a1", 0) == deal_of(con, "a3", 0) != deal_of(con, "a4", 0)


def test_date_start_wins_over_published_date():
    con = make_db()
    add_article(con, "a1", dt.date(2020, 1, 1))
    add_article(con, "a2", dt.date(2020, 2, 1))
    usa_pol_f16(con, "a1", 0)
    usa_pol_f16(con, "a2", 0, date_start=dt.date(1985, 1, 1), date_end=dt.date(1985, 12, 31))  # "delivered in 1985"
    run_mart_sql(con)
    assert sorted(d.year for d in deals(con)["first_date"]) == [1985, 2020]


def test_incompatible_quantities_split_compatible_ones_do_not():
    con = make_db()
    add_article(con, "a1", dt.date(2020, 1, 1))
    usa_pol_f16(con, "a1", 0, quantity_value=24.0)
    usa_pol_f16(con, "a1", 1, quantity_value=36.0)    # within a factor 2 of 24: same deal
    usa_pol_f16(con, "a1", 2, quantity_value=100.0)   # > 2 x 36: another deal
    usa_pol_f16(con, "a1", 3)                         # no quantity: joins the nearest (tie -> larger group)
    run_mart_sql(con)
    d = deals(con).sort_values("n_mentions", ascending=False)
    assert list(d["n_mentions"]) == [3, 1]
    assert deal_of(con, "a1", 0) == deal_of(con, "a1", 1) == deal_of(con, "a1", 3) != deal_of(con, "a1", 2)
    assert sorted(d["best_quantity"]) == [24.0, 100.0]


def test_unspecified_mention_joins_the_specific_deal_of_its_dyad():
    con = make_db()
    add_article(con, "a1", dt.date(2020, 1, 1))
    add_article(con, "a2", dt.date(2020, 6, 1))
    add_article(con, "a3", dt.date(2026, 6, 1))
    usa_pol_f16(con, "a1", 0, stage="ordered")
    usa_pol_f16(con, "a2", 0, weapon_text="the arms package", weapon_category="unspecified", stage="delivered")
    usa_pol_f16(con, "a3", 0, weapon_text="weapons", weapon_category="unspecified")  # too far: own deal
    run_mart_sql(con)
    d = deals(con)
    assert list(d["weapon_category"]) == ["aircraft", "unspecified"]
    assert list(d["n_mentions"]) == [2, 1]
    assert d.iloc[0].best_stage == "delivered"
    # the attached mention does not change the id of the aircraft deal
    alone = make_db()
    add_article(alone, "a1", dt.date(2020, 1, 1))
    usa_pol_f16(alone, "a1", 0, stage="ordered")
    run_mart_sql(alone)
    assert deal_of(alone, "a1", 0) == deal_of(con, "a1", 0) == deal_of(con, "a2", 0)


def test_dyads_are_directional_and_parties_fall_back_to_names():
    con = make_db()
    add_article(con, "a1", dt.date(2020, 1, 1))
    usa_pol_f16(con, "a1", 0)
    add_mention(con, "a1", 1, supplier_iso3="POL", supplier_name="Poland", recipient_iso3="USA",
                recipient_name="United States")
    add_mention(con, "a1", 2, supplier_iso3="USA", supplier_name="Lockheed Martin", recipient_name="Kurdish fighters",
                weapon_category="small_arms")
    run_mart_sql(con)
    assert con.execute("SELECT count(*) FROM deals").fetchone()[0] == 3
    kurds = con.execute("SELECT supplier_name, recipient_iso3, recipient_name FROM deals "
                        "WHERE weapon_category = 'small_arms'").fetchone()
    # the state's display name is its most frequent name; the group keeps its name, no ISO3
    assert kurds == ("United States", None, "Kurdish fighters")


def test_deal_id_is_stable_when_rows_are_inserted_in_another_order():
    rows = [("a1", 0, dt.date(2020, 1, 1), 32.0), ("a2", 0, dt.date(2020, 5, 1), None),
            ("a3", 4, dt.date(2021, 2, 1), 30.0), ("a4", 1, dt.date(2027, 1, 1), None),
            ("a5", 2, dt.date(2020, 2, 1), 200.0)]

    def build(order):
        con = make_db()
        for aid, mid, day, qty in order:
            add_article(con, aid, day)
            usa_pol_f16(con, aid, mid, quantity_value=qty)
        run_mart_sql(con)
        return con.execute("SELECT article_id, mention_id, deal_id FROM deal_mentions ORDER BY 1, 2").fetchall()

    forward, backward = build(rows), build(list(reversed(rows)))
    assert forward == backward
    assert len({d for _, _, d in forward}) == 3
    # the id is a hash of the earliest mention + dyad + category, not a row number
    assert len(forward[0][2]) == 32 and not forward[0][2].isdigit()


def test_best_stage_cancelled_when_the_latest_mention_says_so():
    con = make_db()
    add_article(con, "a1", dt.date(2019, 1, 1))
    add_article(con, "a2", dt.date(2019, 6, 1))
    add_article(con, "a3", dt.date(2019, 9, 1))
    usa_pol_f16(con, "a1", 0, stage="ordered")
    usa_pol_f16(con, "a2", 0, stage="cancelled")
    usa_pol_f16(con, "a3", 0, stage="unknown")       # unknown stages do not count as "latest"
    run_mart_sql(con)
    assert deals(con).iloc[0].best_stage == "cancelled"
    usa_pol_f16(con, "a3", 1, stage="delivered")     # a later delivery overrides the cancellation
    run_mart_sql(con)
    assert deals(con).iloc[0].best_stage == "delivered"


def test_best_quantity_from_highest_confidence_then_most_mentions():
    con = make_db()
    add_article(con, "a1", dt.date(2020, 1, 1))
    usa_pol_f16(con, "a1", 0, quantity_value=30.0, confidence=0.6)
    usa_pol_f16(con, "a1", 1, quantity_value=32.0, confidence=0.6)
    usa_pol_f16(con, "a1", 2, quantity_value=32.0, confidence=0.6)
    usa_pol_f16(con, "a1", 3, confidence=0.99)        # no quantity: not a candidate
    run_mart_sql(con)
    assert deals(con).iloc[0].best_quantity == 32.0
    usa_pol_f16(con, "a1", 4, quantity_value=31.0, confidence=0.9)
    run_mart_sql(con)
    assert deals(con).iloc[0].best_quantity == 31.0


# ---------------------------------------------------------------- dyads, country activity, checks

def test_transfer_dyads_columns_and_total_quantity():
    con = make_db()
    add_article(con, "a1", dt.date(2020, 1, 1))
    add_article(con, "a2", None)
    usa_pol_f16(con, "a1", 0, quantity_value=12.0, stage="approved")
    usa_pol_f16(con, "a1", 1, quantity_value=32.0, stage="ordered")
    usa_pol_f16(con, "a2", 0, quantity_value=5.0, date_start=dt.date(2021, 5, 1), stage="delivered")
    usa_pol_f16(con, "a2", 1, quantity_value=1000.0, quantity_qualifier="vague")   # not comparable
    run_mart_sql(con)
    row = con.execute("SELECT * FROM transfer_dyads").df().iloc[0]
    assert (row.supplier_iso3, row.recipient_iso3, row.weapon_category) == ("USA", "POL", "aircraft")
    assert (row.n_mentions, row.n_articles) == (4, 2)
    assert row.total_quantity == 32.0 + 5.0          # per-article max, summed
    assert list(row.stages) == ["approved", "delivered", "ordered", "unknown"]
    assert row.latest_stage == "delivered"
    assert row.first_date.date() == dt.date(2020, 1, 1) and row.last_date.date() == dt.date(2021, 5, 1)


def test_country_activity_per_country_and_year():
    con = make_db()
    add_article(con, "a1", dt.date(2020, 1, 1))
    add_article(con, "a2", dt.date(2021, 1, 1))
    usa_pol_f16(con, "a1", 0)
    add_mention(con, "a1", 1, supplier_iso3="RUS", supplier_name="Russia", recipient_iso3="IND",
                recipient_name="India", weapon_category="air_defence")
    add_mention(con, "a2", 0, supplier_iso3="USA", supplier_name="United States", recipient_iso3="IND",
                recipient_name="India", weapon_category="helicopters")
    run_mart_sql(con)
    ca = {(r[0], r[1]): r[2:] for r in con.execute(
        "SELECT country_iso3, year, as_supplier_mentions, as_recipient_mentions, counterparts, categories, n_articles "
        "FROM country_activity").fetchall()}
    assert ca[("USA", 2020)] == (1, 0, ["POL"], ["aircraft"], 1)
    assert ca[("USA", 2021)] == (1, 0, ["IND"], ["helicopters"], 1)
    assert ca[("IND", 2020)] == (0, 1, ["RUS"], ["air_defence"], 1)
    assert len(ca) == 6


def _failing(con):
    return {c.name for c in load_checks() if not run_check(con, c).empty}


def test_checks_flag_self_dyads_and_negative_quantities():
    con = make_db()
    add_article(con, "a1", dt.date(2020, 1, 1))
    usa_pol_f16(con, "a1", 0)
    run_mart_sql(con)
    assert _failing(con) == set()
    add_mention(con, "a1", 1, supplier_iso3="USA", recipient_iso3="USA")
    usa_pol_f16(con, "a1", 2, quantity_value=-3.0)
    run_mart_sql(con)
    assert _failing(con) == {"transfer_dyads_no_self_dyad", "transfer_dyads_quantity_non_negative",
                             "deals_quantity_non_negative"}


def test_key_and_coverage_checks_catch_broken_marts():
    con = make_db()
    add_article(con, "a1", dt.date(2020, 1, 1))
    usa_pol_f16(con, "a1", 0)
    run_mart_sql(con)
    con.execute("INSERT INTO deals SELECT * FROM deals")           # duplicated key
    con.execute("DELETE FROM deal_mentions")                        # deals without mentions
    assert _failing(con) == {"deals_deal_id_unique", "deals_have_mentions", "deal_mentions_one_deal_per_mention"}


# ---------------------------------------------------------------- through Dagster

def test_mart_assets_materialise_through_the_warehouse_resource(tmp_path):

    import dagster as dg

    db = tmp_path / "w.duckdb"
    con = make_db(db)
    add_article(con, "a1", dt.date(2020, 1, 1))
    usa_pol_f16(con, "a1", 0)
    add_mention(con, "a1", 1, supplier_iso3="USA", recipient_iso3="USA")   # trips the WARN check
    con.close()

    result = dg.materialize([*mart_assets, *mart_checks], resources={"warehouse": WarehouseResource(path=str(db))})
    assert result.success
    mats = {m.asset_key.to_user_string(): m for m in result.get_asset_materialization_events()}
    md = mats["transfer_dyads"].materialization.metadata
    assert md["row_count"].value == 2
    assert "POL" in md["top_dyads"].value and "USA" in md["preview"].value
    assert mats["deals"].materialization.metadata["row_count"].value == 2
    evals = {e.check_name: e for e in result.get_asset_check_evaluations()}
    assert evals["transfer_dyads_no_self_dyad"].passed is False
    assert evals["transfer_dyads_no_self_dyad"].severity == dg.AssetCheckSeverity.WARN
    assert evals["deals_deal_id_unique"].passed is True


# ---------------------------------------------------------------- analyst helpers

def test_transfers_by_year_counts_mentions_articles_deals_per_year_and_category():
    con = make_db()
    add_article(con, "a1", dt.date(2020, 3, 1))
    add_article(con, "a2", dt.date(2020, 6, 1))
    add_article(con, "a3", None)
    usa_pol_f16(con, "a1", 0, quantity_value=24.0)
    usa_pol_f16(con, "a2", 0, quantity_value=24.0)                               # same deal, other article
    usa_pol_f16(con, "a2", 1, weapon_category="helicopters", date_start=dt.date(2021, 1, 1))
    usa_pol_f16(con, "a3", 0)                                                    # no date at all
    run_mart_sql(con)
    rows = con.execute("SELECT year, weapon_category, n_mentions, n_articles, n_deals, n_dyads, suppliers, "
                       "recipients, quantity_reported FROM transfers_by_year").fetchall()
    assert rows == [(2020, "aircraft", 2, 2, 1, 1, ["USA"], ["POL"], 24.0),
                    (2021, "helicopters", 1, 1, 1, 1, ["USA"], ["POL"], None),
                    (None, "aircraft", 1, 1, 1, 1, ["USA"], ["POL"], None)]


def test_deal_evidence_lists_every_sentence_of_a_deal_with_its_article():
    con = make_db()
    add_article(con, "a1", dt.date(2020, 3, 1), url="https://example.org/a1")
    add_article(con, "a2", dt.date(2020, 6, 1), url="https://example.org/a2")
    usa_pol_f16(con, "a1", 0, quantity_value=24.0, evidence="Poland ordered 24 F-16s from the US.")
    usa_pol_f16(con, "a2", 0, evidence="The F-16 jets for Poland arrived.", stage="delivered")
    run_mart_sql(con)
    rows = con.execute("SELECT deal_id, article_id, evidence, stage, title, url, n_articles FROM deal_evidence").fetchall()
    assert len({r[0] for r in rows}) == 1 and [r[1] for r in rows] == ["a1", "a2"]
    assert rows[0][2:] == ("Poland ordered 24 F-16s from the US.", "unknown", "a1", "https://example.org/a1", 2)
    assert rows[1][3] == "delivered"


def test_register_export_writes_money_as_whole_units():
    con = make_db()
    add_article(con, "a1", dt.date(2020, 3, 1))
    usa_pol_f16(con, "a1", 0, deal_value=3e9, deal_currency="USD")
    add_article(con, "a2", dt.date(2020, 3, 1))
    add_mention(con, "a2", 0, supplier_iso3="FRA", recipient_iso3="IND", deal_value=1234.5, deal_currency="EUR")
    run_mart_sql(con)
    comments = dict(con.execute("SELECT supplier_iso3, comments FROM register_export").fetchall())
    assert "value 3000000000 USD" in comments["USA"] and "3000000000.0" not in comments["USA"]
    assert "value 1234.50 EUR" in comments["FRA"]
