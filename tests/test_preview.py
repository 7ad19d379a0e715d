"""UI previews read like tables: no NaT / nan / numpy reprs, money as integers, no broken rows."""
from __future__ import annotations

import datetime as dt

import duckdb

from pipeline.assets.preview import df_to_markdown, format_cell, markdown_preview

QUERY = """SELECT 'USA' AS supplier, 3000000000.0::DOUBLE AS deal_value, NULL::DOUBLE AS quantity,
                  NULL::DATE AS first_date, DATE '2021-03-04' AS last_date, ['ordered', 'delivered'] AS stages,
                  [2021, 2022] AS years, NULL::BIGINT AS n, 2.5::DOUBLE AS share, 'a | b' || chr(10) || 'c' AS text"""
EXPECTED_ROW = "| USA | 3000000000 |  |  | 2021-03-04 | ordered, delivered | 2021, 2022 |  | 2.5 | a \\| b c |"


def test_sql_preview_has_plain_cells():
    con = duckdb.connect()
    md = markdown_preview(con, QUERY).value
    assert md.splitlines()[0].startswith("| supplier | deal_value |")
    assert md.splitlines()[2] == EXPECTED_ROW
    for junk in ("nan", "NaT", "None", "array(", "3000000000.0", "<NA>", "00:00:00"):
        assert junk not in md


def test_dataframe_preview_matches_the_sql_one():
    """DuckDB's .df() turns NULL into NaN/NaT/<NA> and lists into numpy arrays: none of it may show."""
    con = duckdb.connect()
    assert df_to_markdown(con.execute(QUERY).df()).splitlines()[2] == EXPECTED_ROW


def test_cells():
    assert format_cell(dt.datetime(2020, 1, 2, 3, 4, 5)) == "2020-01-02 03:04:05"
    assert format_cell(float("inf")) == "inf" and format_cell(True) == "true"
    assert format_cell("x" * 200).endswith("...") and len(format_cell("x" * 200)) == 80


def test_empty_result():
    assert markdown_preview(duckdb.connect(), "SELECT 1 AS a WHERE false").value == "_no rows_"
