"""What the Dagster catalog shows about each table: owner, tags, column schema, table name, yearly series.

The column schema is read from DuckDB itself (``duckdb_columns()``), with each column's
``COMMENT ON COLUMN`` text (sql/schema, sql/marts) as its description, so the catalog can never
drift from the warehouse. Numbers that should be plotted across materialisations (the Plots tab
plots each numeric metadata key over time) are plain ints, one key per year.
"""
from __future__ import annotations

import dagster as dg
import duckdb

OWNERS = ["team:arms-trade-analysts"]
# layer: where the table sits in the flow; domain: what it is about (filters in the catalog).
LAYER_TAGS = {
    "ingest": {"domain": "arms_trade", "layer": "raw"},
    "extract": {"domain": "arms_trade", "layer": "extracted"},
    "marts": {"domain": "arms_trade", "layer": "mart"},
}

COLUMNS_SQL = """
SELECT column_name, data_type, is_nullable, comment
FROM duckdb_columns()
WHERE database_name = current_database() AND schema_name = 'main' AND table_name = $table
ORDER BY column_index
"""
PER_YEAR_SQL = """
SELECT year(coalesce(t.date_start, a.published_date)) AS year, count(*) AS mentions
FROM arms_transfer_mentions AS t LEFT JOIN articles AS a USING (article_id)
WHERE coalesce(t.date_start, a.published_date) IS NOT NULL
GROUP BY ALL ORDER BY year
"""


def column_schema(con: duckdb.DuckDBPyConnection, table: str) -> dg.TableSchema:
    """The table's (or view's) columns as DuckDB has them: name, type, nullability, comment."""
    rows = con.execute(COLUMNS_SQL, {"table": table}).fetchall()
    return dg.TableSchema(columns=[
        dg.TableColumn(name=name, type=data_type, description=comment or None,
                       constraints=dg.TableColumnConstraints(nullable=bool(nullable)))
        for name, data_type, nullable, comment in rows])


def table_metadata(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, object]:
    """``dagster/column_schema`` and ``dagster/table_name`` (``<database>.main.<table>``) of a table."""
    database = con.execute("SELECT current_database()").fetchone()[0]
    return {"dagster/column_schema": column_schema(con, table),
            "dagster/table_name": f"{database}.main.{table}"}


def per_year_metadata(rows: list[tuple[int, int]], prefix: str, what: str) -> dict[str, object]:
    """One int per year (``<prefix>_2021``: the Plots tab draws each over materialisations) and the
    whole series as a small markdown table."""
    metadata: dict[str, object] = {f"{prefix}_{year}": dg.MetadataValue.int(int(n)) for year, n in rows}
    table = "\n".join([f"| year | {what} |", "|---|---|", *(f"| {year} | {n} |" for year, n in rows)])
    metadata[f"{prefix}_per_year"] = dg.MetadataValue.md(table if rows else f"_no dated {what}_")
    return metadata


def transfers_per_year(con: duckdb.DuckDBPyConnection) -> dict[str, object]:
    """Transfer mentions per year of their event date (date_start, else the article's date)."""
    return per_year_metadata(con.execute(PER_YEAR_SQL).fetchall(), "transfers", "transfer mentions")
