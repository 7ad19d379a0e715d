"""``make sql`` / ``python -m pipeline.sql_shell``: a read-only SQL shell on the warehouse.

The pinned ``duckdb`` Python package has no shell of its own (no ``python -m duckdb``) and setup does
not install the ``duckdb`` CLI, so this is a small one. It opens the warehouse read-only for each
statement and closes it again, so an open shell never makes a pipeline run wait (DuckDB lets one
process hold a file open for writing). End a statement with ``;``. Commands: ``.tables``,
``.schema TABLE``, ``.help``, ``.quit``. ``-c "SQL"`` runs SQL and exits; piped input works too.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TextIO

import duckdb

from pipeline import settings

TABLES_SQL = """
SELECT table_name AS name, 'table' AS kind, estimated_size AS approx_rows
FROM duckdb_tables() WHERE schema_name = 'main'
UNION ALL
SELECT view_name, 'view', NULL FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal
ORDER BY kind, name
"""
SCHEMA_SQL = """
SELECT column_name, data_type, comment FROM duckdb_columns()
WHERE schema_name = 'main' AND table_name = $table ORDER BY column_index
"""
HELP = """End each statement with ';'. The warehouse is read-only here.
  .tables          tables and views, with what they hold
  .schema NAME     the columns of a table or view, with their descriptions
  .quit            leave (or Ctrl-D)"""
MAX_ROWS = 40


class Shell:
    """Runs statements against a warehouse file, one short read-only connection per statement."""

    def __init__(self, warehouse: Path, out: TextIO = sys.stdout, busy_wait_s: float = 10.0):
        self.warehouse, self.out, self.busy_wait_s = warehouse, out, busy_wait_s

    def _connect(self) -> duckdb.DuckDBPyConnection:
        deadline = time.monotonic() + self.busy_wait_s
        while True:
            try:
                return duckdb.connect(str(self.warehouse), read_only=True)
            except duckdb.IOException as exc:
                if "lock" not in str(exc).lower() or time.monotonic() >= deadline:
                    raise
                time.sleep(0.2)          # a run is writing a chunk: it lets go within moments

    def run_sql(self, sql: str) -> bool:
        """Execute every statement of ``sql`` and print each result; False when one failed."""
        try:
            statements = [s.query for s in duckdb.extract_statements(sql)]
        except duckdb.Error as exc:
            print(f"error: {exc}", file=self.out)
            return False
        ok = True
        for statement in statements:
            try:
                con = self._connect()
                try:
                    rel = con.sql(statement)
                    # DuckDB's box renderer: long results show their first and last rows and the count
                    print("ok" if rel is None else str(rel).rstrip("\n"), file=self.out)
                finally:
                    con.close()
            except duckdb.Error as exc:
                print(f"error: {exc}", file=self.out)
                ok = False
        return ok

    def command(self, line: str) -> bool:
        """A dot command; False for .quit."""
        name, _, arg = line.strip().partition(" ")
        if name in (".quit", ".exit", ".q"):
            return False
        if name == ".tables":
            self._query(TABLES_SQL, {})
        elif name == ".schema" and arg.strip():
            self._query(SCHEMA_SQL, {"table": arg.strip().strip(";")})
        else:
            print(HELP, file=self.out)
        return True

    def _query(self, sql: str, params: dict) -> None:
        try:
            con = self._connect()
            try:
                print(str(con.sql(sql, params=params)).rstrip("\n"), file=self.out)
            finally:
                con.close()
        except duckdb.Error as exc:
            print(f"error: {exc}", file=self.out)


def _read_line(stream: TextIO, interactive: bool, continuing: bool) -> str | None:
    """The next input line, None at the end of input (Ctrl-D)."""
    if not interactive:
        line = stream.readline()
        return line.rstrip("\n") if line else None
    try:
        return input("   ...> " if continuing else "arms> ")
    except EOFError:
        print()
        return None


def repl(shell: Shell, stream: TextIO = sys.stdin, interactive: bool = False) -> int:
    """Read statements (up to a line ending in ';') and dot commands until the end of input."""
    if interactive:
        try:
            import readline  # noqa: F401 - line editing and history for input()
        except ImportError:
            pass
        print(f"{shell.warehouse} (read-only). .help for help, .quit to leave.", file=shell.out)
    buffer: list[str] = []
    failed = False
    while True:
        try:
            line = _read_line(stream, interactive, bool(buffer))
        except KeyboardInterrupt:          # Ctrl-C drops the statement being typed, not the shell
            print(file=shell.out)
            buffer = []
            continue
        if line is None:
            break
        if not buffer and line.strip().startswith("."):
            if not shell.command(line):
                break
            continue
        buffer.append(line)
        if "\n".join(buffer).strip().endswith(";"):
            failed |= not shell.run_sql("\n".join(buffer))
            buffer = []
    if "\n".join(buffer).strip():
        failed |= not shell.run_sql("\n".join(buffer))
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.sql_shell", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--warehouse", type=Path, help="DuckDB file (default: $ARMS_WAREHOUSE or warehouse/arms.duckdb)")
    parser.add_argument("-c", "--command", help="run this SQL (or dot command) and exit")
    args = parser.parse_args(argv)
    warehouse = args.warehouse or settings.warehouse_path()
    if not warehouse.is_file():
        print(f"error: warehouse {warehouse} does not exist yet: run `make run` first (or set ARMS_WAREHOUSE)",
              file=sys.stderr)
        return 2
    shell = Shell(warehouse)
    if args.command is not None:
        if args.command.strip().startswith("."):
            shell.command(args.command)
            return 0
        return 0 if shell.run_sql(args.command) else 1
    return repl(shell, sys.stdin, interactive=sys.stdin.isatty())


if __name__ == "__main__":
    raise SystemExit(main())
