"""`python -m pipeline.summary`: what the last run left in the warehouse, on one screen, and what to do next."""
from __future__ import annotations

import argparse
import sys

import duckdb

from pipeline.resources import WarehouseResource

COUNTS = ("articles", "rejected_inputs", "sentences", "entity_mentions", "numeric_figures",
          "date_mentions", "arms_transfer_mentions", "transfer_dyads", "deals")
TOP_N = 8
REJECTS_SQL = "SELECT reason, count(*) AS n FROM rejected_inputs GROUP BY reason ORDER BY n DESC, reason"
MULTI_ARTICLE_DEALS_SQL = "SELECT count(*) FROM deals WHERE n_articles > 1"
# Ties broken on every key, so two runs on the same data print the same lines.
TOP_DYADS_SQL = """
SELECT coalesce(supplier_iso3, supplier_name, '?') AS supplier, coalesce(recipient_iso3, recipient_name, '?') AS recipient,
       weapon_category, n_mentions, n_articles
FROM transfer_dyads
ORDER BY n_mentions DESC, n_articles DESC, supplier, recipient, weapon_category
LIMIT $n
"""
NEXT = ("next:  make ui    the Dagster UI (assets, column docs, runs, checks) on http://127.0.0.1:3000",
        "       make sql   query the warehouse read-only (README: Example queries)")


def _exists(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    return con.execute("SELECT count(*) FROM (SELECT table_name AS n FROM duckdb_tables() UNION ALL "
                       "SELECT view_name FROM duckdb_views()) WHERE n = $name", {"name": name}).fetchone()[0] > 0


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def summary_lines(con: duckdb.DuckDBPyConnection, warehouse: str) -> list[str]:
    """The summary as lines: table counts (rejects by reason, deals seen in several articles), top dyads."""
    lines = [f"warehouse: {warehouse}"]
    for table in COUNTS:
        if not _exists(con, table):
            lines.append(f"  {table:<24} {'-':>8}   not built yet")
            continue
        # ``table`` comes from COUNTS above, never from data
        n = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        note = ""
        if table == "rejected_inputs" and n:
            note = ", ".join(f"{reason} {k}" for reason, k in con.execute(REJECTS_SQL).fetchall())
        elif table == "deals" and n:
            note = f"{con.execute(MULTI_ARTICLE_DEALS_SQL).fetchone()[0]} reported by more than one article"
        lines.append(f"  {table:<24} {n:>8}" + (f"   {note}" if note else ""))
    if _exists(con, "transfer_dyads"):
        rows = con.execute(TOP_DYADS_SQL, {"n": TOP_N}).fetchall()
        if rows:
            lines.append("  top dyads (supplier -> recipient, weapon category):")
            lines += [f"    {s} -> {r}  {c}  {_plural(m, 'mention')}, {_plural(a, 'article')}"
                      for s, r, c, m, a in rows]
    return lines + list(NEXT)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--warehouse", help="DuckDB file (default: $ARMS_WAREHOUSE or warehouse/arms.duckdb)")
    args = parser.parse_args(argv)
    warehouse = WarehouseResource(path=args.warehouse)
    try:
        with warehouse.read() as con:
            print("\n".join(summary_lines(con, str(warehouse.resolved_path()))))
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
