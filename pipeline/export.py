"""Write the SIPRI-register-shaped view ``register_export`` to CSV.

    python -m pipeline.export [--warehouse W.duckdb] [--out DIR | --out FILE.csv]
    make export OUT=DIR|FILE.csv

The warehouse defaults to $ARMS_WAREHOUSE, else ``warehouse/arms.duckdb``; the CSV goes to FILE.csv,
or to ``DIR/register_export.csv``, DIR defaulting to ``exports/`` beside the warehouse file (so
``warehouse/exports/register_export.csv`` for the default warehouse). When the warehouse has no
``register_export`` yet, the SQL marts are built first (through the single-writer warehouse lock).
The file is readable by others (0644 under the usual umask 022), like any file the user writes.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import duckdb
import pandas as pd

from pipeline import settings

VIEW = "register_export"
FILE_NAME = "register_export.csv"


def _has_relation(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    return con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
    ).fetchone()[0] > 0


def build_marts(warehouse: Path) -> dict[str, int]:
    """Run every mart through the warehouse resource (file lock + transaction + schema)."""
    from pipeline.assets.marts import run_mart_sql
    from pipeline.resources import WarehouseResource

    with WarehouseResource(path=str(warehouse)).write() as con:
        return run_mart_sql(con)


def _integral_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """Counts stored as DOUBLE print as ``32`` rather than ``32.0`` when every value is whole."""
    for col in frame.columns:
        series = frame[col]
        if pd.api.types.is_float_dtype(series):
            values = series.dropna()
            if len(values) and (values == values.round()).all():
                frame[col] = series.astype("Int64")
    return frame


def _readable_by_others(path: str) -> None:
    """mkstemp makes 0600 files; an export is meant to be shared: the mode ``open()`` would give (umask)."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(path, 0o666 & ~umask)


def export_register(warehouse: Path, out: Path) -> tuple[Path, int]:
    """Write ``register_export`` of ``warehouse`` to ``out`` (a .csv file, or a folder that gets
    ``register_export.csv``); return the path and the number of rows."""
    warehouse = Path(warehouse)
    if not warehouse.is_file():
        raise FileNotFoundError(
            f"warehouse {warehouse} does not exist: run the pipeline first (`make run`) "
            f"or pass --warehouse / set ARMS_WAREHOUSE")
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        ready = _has_relation(con, VIEW)
    finally:
        con.close()
    if not ready:
        build_marts(warehouse)
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        frame = con.execute("SELECT * FROM register_export").df()
    finally:
        con.close()
    frame = _integral_counts(frame)
    out = Path(out)
    target = out if out.suffix.lower() == ".csv" else out / FILE_NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".register_export-", suffix=".csv", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            frame.to_csv(fh, index=False)
        _readable_by_others(tmp)
        os.replace(tmp, target)          # readers never see a half-written file
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target, len(frame)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.export", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--warehouse", type=Path, default=None,
                    help="DuckDB file (default: $ARMS_WAREHOUSE or warehouse/arms.duckdb)")
    ap.add_argument("--out", type=Path, default=None,
                    help="a .csv file, or a folder for register_export.csv (default: exports/ beside the warehouse)")
    args = ap.parse_args(argv)
    warehouse = args.warehouse or settings.warehouse_path()
    out_dir = args.out or warehouse.parent / "exports"
    try:
        target, rows = export_register(warehouse, out_dir)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {rows} deals to {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
