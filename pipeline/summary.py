"""`python -m pipeline.summary`: what the last run left in the warehouse, in a few lines."""
from __future__ import annotations

import argparse
import sys

from pipeline.resources import WarehouseResource

COUNTS = ("articles", "rejected_inputs", "sentences", "entity_mentions", "numeric_figures",
          "date_mentions", "arms_transfer_mentions")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--warehouse", help="DuckDB file (default: $ARMS_WAREHOUSE or warehouse/arms.duckdb)")
    args = parser.parse_args(argv)
    warehouse = WarehouseResource(path=args.warehouse)
    try:
        with warehouse.read() as con:
            print(f"warehouse: {warehouse.resolved_path()}")
            for table in COUNTS:
                n = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                print(f"  {table:<24} {n:>8}")
            rejects = con.execute("SELECT source_path, reason, detail FROM rejected_inputs "
                                  "ORDER BY source_path LIMIT 10").fetchall()
            for path, reason, detail in rejects:
                print(f"  rejected {path}: {reason} ({detail})")
            rows = con.execute(
                "SELECT coalesce(supplier_iso3, supplier_name, '?'), coalesce(recipient_iso3, recipient_name, '?'), "
                "weapon_category, count(*) FROM arms_transfer_mentions GROUP BY ALL ORDER BY 4 DESC LIMIT 10"
            ).fetchall()
            if rows:
                print("  top transfers (supplier -> recipient, category, mentions):")
                for s, r, c, n in rows:
                    print(f"    {s} -> {r}  {c}  {n}")
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
