"""The summary `make run` prints: counts, rejects by reason, deals and dyads, next commands; stable order."""
from __future__ import annotations

import datetime as dt

from pipeline.assets.marts import run_mart_sql
from pipeline.summary import summary_lines
from tests.test_marts import add_article, add_mention, make_db


def _db(order):
    con = make_db()
    for aid in ("a1", "a2"):
        add_article(con, aid, dt.date(2021, 1, 1))
    pairs = {"FRA": "GRC", "DEU": "EGY", "USA": "POL"}      # three dyads with equal counts
    for i, supplier in enumerate(order):
        add_mention(con, "a1", i, supplier_iso3=supplier, recipient_iso3=pairs[supplier])
    add_mention(con, "a2", 0, supplier_iso3="ITA", recipient_iso3="QAT")
    add_mention(con, "a2", 1, supplier_iso3="ITA", recipient_iso3="QAT")
    for path, reason in (("b.json", "malformed_json"), ("c.txt", "not_english"), ("d.txt", "not_english")):
        con.execute("INSERT INTO rejected_inputs (source_path, reason) VALUES (?, ?)", [path, reason])
    run_mart_sql(con)
    return con


def test_summary_counts_rejects_deals_dyads_and_next_commands():
    lines = summary_lines(_db(["FRA", "DEU", "USA"]), "w.duckdb")
    text = "\n".join(lines)
    assert "rejected_inputs                 3   not_english 2, malformed_json 1" in text
    assert any(l.split()[:2] == ["deals", "4"] for l in (x.strip() for x in lines))
    assert any(l.split()[:2] == ["transfer_dyads", "4"] for l in (x.strip() for x in lines))
    assert "ITA -> QAT  aircraft  2 mentions, 1 article" in text
    assert "make ui" in lines[-2] and "make sql" in lines[-1]
    assert len(lines) <= 25


def test_ties_are_sorted_the_same_whatever_the_insertion_order():
    first = summary_lines(_db(["FRA", "DEU", "USA"]), "w")
    second = summary_lines(_db(["USA", "FRA", "DEU"]), "w")
    assert first == second
    dyads = [l.split()[0] for l in first if l.startswith("    ") and "->" in l]
    assert dyads == ["ITA", "DEU", "FRA", "USA"]
