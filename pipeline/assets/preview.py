"""Markdown previews for materialisation metadata shown in the UI.

Cells are formatted for a reader, not as Python reprs: NULL/NaN/NaT are empty, lists are
comma-separated, dates are ISO, whole floats are integers (``3000000000``, not ``3000000000.0``),
and ``|`` / line breaks inside a cell cannot break the table.
"""
from __future__ import annotations

import datetime as dt
import decimal
import math
from typing import Any, Sequence

import dagster as dg
import duckdb
import pandas as pd

PREVIEW_ROWS = 10
MAX_CELL_CHARS = 80


def format_cell(value: Any) -> str:
    """One value as the text an analyst expects to read in a table cell."""
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        value = value.tolist()                       # numpy arrays and scalars -> Python values
    if value is None or value is pd.NaT or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(format_cell(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (float, decimal.Decimal)):
        whole = math.isfinite(value) and value == int(value)
        return str(int(value)) if whole else f"{float(value):g}"
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = " ".join(str(value).split())
    if len(text) > MAX_CELL_CHARS:
        text = text[:MAX_CELL_CHARS - 3] + "..."
    return text.replace("|", "\\|")


def rows_to_markdown(columns: Sequence[str], rows: Sequence[Sequence[Any]], max_rows: int = PREVIEW_ROWS) -> str:
    """A GitHub-style markdown table of the first ``max_rows`` rows."""
    lines = ["| " + " | ".join(columns) + " |", "|" + "|".join("---" for _ in columns) + "|"]
    for row in list(rows)[:max_rows]:
        lines.append("| " + " | ".join(format_cell(v) for v in row) + " |")
    return "\n".join(lines)


def df_to_markdown(df: pd.DataFrame, max_rows: int = PREVIEW_ROWS) -> str:
    """The first rows of a DataFrame as a markdown table (same cell formatting as the SQL previews)."""
    head = df.head(max_rows)
    return rows_to_markdown([str(c) for c in head.columns], head.itertuples(index=False, name=None), max_rows)


def markdown_preview(con: duckdb.DuckDBPyConnection, query: str, params: dict | None = None,
                     limit: int = PREVIEW_ROWS) -> dg.MetadataValue:
    """The query's first rows as markdown metadata (``_no rows_`` when it returns none)."""
    # the query text comes from code, never from data; the limit is an int
    cursor = con.execute(f"SELECT * FROM ({query}) LIMIT {int(limit)}", params or {})
    columns = [d[0] for d in cursor.description]
    rows = cursor.fetchall()
    return dg.MetadataValue.md(rows_to_markdown(columns, rows, limit) if rows else "_no rows_")
