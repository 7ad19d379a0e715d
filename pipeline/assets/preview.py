"""Small helpers for materialisation metadata shown in the UI."""
from __future__ import annotations

import dagster as dg
import duckdb


def markdown_preview(con: duckdb.DuckDBPyConnection, query: str, params: dict | None = None,
                     limit: int = 10) -> dg.MetadataValue:
    frame = con.execute(query, params or {}).df().head(limit)
    if frame.empty:
        return dg.MetadataValue.md("_no rows_")
    for col in frame.columns:
        if frame[col].dtype == object:
            frame[col] = frame[col].map(lambda v: v if not isinstance(v, str) or len(v) <= 80 else v[:77] + "...")
    return dg.MetadataValue.md(frame.to_markdown(index=False))
