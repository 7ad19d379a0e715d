"""Markdown previews for materialisation metadata shown in the UI."""
from __future__ import annotations

import dagster as dg
import duckdb
import pandas as pd

PREVIEW_ROWS = 10
MAX_CELL_CHARS = 80


def df_to_markdown(df: pd.DataFrame, max_rows: int = PREVIEW_ROWS) -> str:
    """The first rows as a markdown table, long text cells shortened."""
    head = df.head(max_rows).copy()
    for col in head.columns:
        if head[col].dtype == object:
            head[col] = head[col].map(
                lambda v: v if not isinstance(v, str) or len(v) <= MAX_CELL_CHARS else v[:MAX_CELL_CHARS - 3] + "...")
    return head.to_markdown(index=False)


def markdown_preview(con: duckdb.DuckDBPyConnection, query: str, params: dict | None = None,
                     limit: int = PREVIEW_ROWS) -> dg.MetadataValue:
    frame = con.execute(query, params or {}).df()
    return dg.MetadataValue.md(df_to_markdown(frame, limit) if len(frame) else "_no rows_")
