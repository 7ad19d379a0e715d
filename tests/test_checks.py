"""Each SQL asset check catches the impossible data it names, and passes on clean data."""
from __future__ import annotations

import datetime as dt

import pytest

from pipeline.assets.checks import load_sql_checks
from pipeline.records import Article, ArticleExtraction, EntityMention, Figure, DateMention, TransferMention
from pipeline.resources import WarehouseResource
from pipeline.warehouse.store import upsert_articles, write_extractions

TEXT = "Iran sold drones to Russia. It was 2022."
CHECKS = {c.name: c for c in load_sql_checks()}


def _clean_extraction() -> ArticleExtraction:
    return ArticleExtraction(
        article_id="a1", content_hash="h",
        sentences=[(0, 27, "Iran sold drones to Russia."), (28, 40, "It was 2022.")],
        entities=[EntityMention(0, 4, "Iran", "COUNTRY", "Iran", "IRN"),
                  EntityMention(10, 16, "drones", "WEAPON", "drones", None, "uav")],
        figures=[Figure(35, 39, "2022", 2022, 2022, 2022, "exact", "year")],
        dates=[DateMention(35, 39, "2022", dt.date(2022, 1, 1), dt.date(2022, 12, 31), "year", "absolute")],
        transfers=[TransferMention(0, 27, "Iran sold drones to Russia.", "Iran", "IRN", "Russia", "RUS",
                                   "drones", "uav", stage="delivered")],
    )


@pytest.fixture
def warehouse(tmp_path):
    wh = WarehouseResource(path=str(tmp_path / "w.duckdb"))
    with wh.write() as con:
        upsert_articles(con, [Article("a1", TEXT, content_hash="h", source_path="a1.txt")])
        write_extractions(con, [_clean_extraction()], "v")
    return wh


def test_clean_data_passes_every_contract_check(warehouse):
    with warehouse.write() as con:
        for name, check in CHECKS.items():
            if check.asset in {"transfer_dyads", "deals", "deal_mentions"}:
                continue  # marts are not built in this test
            assert check.offending_rows(con)[0] == 0, name


@pytest.mark.parametrize("check_name, corruption", [
    ("transfers_possible", "UPDATE arms_transfer_mentions SET recipient_iso3 = 'IRN'"),   # supplies itself
    ("transfers_possible", "UPDATE arms_transfer_mentions SET quantity_value = -3"),
    ("transfers_possible", "UPDATE arms_transfer_mentions SET date_start = DATE '2022-02-01', "
                           "date_end = DATE '2022-01-01'"),
    ("transfers_possible", "UPDATE arms_transfer_mentions SET stage = 'rumoured'"),
    ("transfers_possible", "UPDATE arms_transfer_mentions SET char_start = 1"),            # evidence off text
    ("sentences_offsets_in_text", "UPDATE sentences SET char_end = 400 WHERE sentence_id = 1"),
    ("sentences_every_article_has_some", "DELETE FROM sentences"),
    ("entity_mentions_offsets_in_text", "UPDATE entity_mentions SET char_start = 1 WHERE mention_id = 0"),
    ("entity_mentions_known_labels", "UPDATE entity_mentions SET label = 'GPE' WHERE mention_id = 0"),
    ("entity_mentions_known_labels", "UPDATE entity_mentions SET weapon_category = NULL WHERE label = 'WEAPON'"),
    ("numeric_figures_consistent", "UPDATE numeric_figures SET value_low = 10, value_high = 5"),
    ("date_mentions_ordered", "UPDATE date_mentions SET date_end = DATE '2021-01-01'"),
    ("rejected_inputs_known_reasons", "INSERT INTO rejected_inputs (source_path, reason) VALUES ('x', 'cosmic_rays')"),
])
def test_check_catches_impossible_data(warehouse, check_name, corruption):
    check = CHECKS[check_name]
    assert check.severity == "ERROR"
    with warehouse.write() as con:
        con.execute(corruption)
        n_bad, sample = check.offending_rows(con)
    assert n_bad >= 1 and len(sample) >= 1


def test_multi_line_description_is_kept_whole(tmp_path):
    """The UI shows a check's description: every line of it, not just the first."""
    (tmp_path / "demo_check.sql").write_text(
        "-- asset: articles\n"
        "-- description: no article is empty,\n"
        "--   none is longer than its file\n"
        "-- and every id is unique: really.\n"
        "-- severity: WARN\n"
        "SELECT 1 WHERE false\n")
    [check] = load_sql_checks(tmp_path)
    assert check.description == ("no article is empty, none is longer than its file "
                                 "and every id is unique: really.")
    assert check.severity == "WARN"
    assert "every enum is from the contract" in CHECKS["transfers_possible"].description
