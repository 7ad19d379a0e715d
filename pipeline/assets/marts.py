"""SQL marts as Dagster assets: one asset per file in ``sql/marts/``, one check per file in ``sql/checks/``.

A mart file is one idempotent ``CREATE OR REPLACE TABLE|VIEW <stem> AS ...`` statement whose leading
``--`` comment block is its description. Two header lines are read:

* ``-- depends_on: a, b``  other marts or contract tables (asset keys) the model reads;
* ``-- grain: ...``        what one row is (shown in the description).

A check file is a query returning the offending rows (0 rows = pass) with the headers
``-- asset: <mart>`` and ``-- severity: ERROR|WARN``.

``run_mart_sql`` runs every mart in dependency order on a plain DuckDB connection; the tests and
``pipeline.export`` use it without Dagster.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
from dagster import (
    AssetCheckResult,
    AssetCheckSeverity,
    AssetChecksDefinition,
    AssetExecutionContext,
    AssetKey,
    AssetsDefinition,
    MaterializeResult,
    MetadataValue,
    asset,
    asset_check,
)

SQL_ROOT = Path(__file__).resolve().parents[2] / "sql"
MARTS_DIR = SQL_ROOT / "marts"
CHECKS_DIR = SQL_ROOT / "checks"
PREVIEW_ROWS = 10

_HEADER_FIELD = re.compile(r"^--\s*([a-z_]+)\s*:\s*(.*?)\s*$")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class SqlModel:
    """One SQL file and what its header says about it."""

    name: str
    path: Path
    sql: str
    description: str
    fields: dict[str, str] = field(default_factory=dict)

    @property
    def depends_on(self) -> tuple[str, ...]:
        raw = self.fields.get("depends_on", "")
        return tuple(d.strip() for d in raw.split(",") if d.strip())


def parse_sql_file(path: Path) -> SqlModel:
    """Read a mart/check file: its leading ``--`` lines are the description, ``-- key: value`` fields."""
    text = path.read_text(encoding="utf-8")
    header: list[str] = []
    fields: dict[str, str] = {}
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("--"):
            if stripped:
                break
            continue
        header.append(stripped[2:].strip())
        m = _HEADER_FIELD.match(stripped)
        if m:
            fields[m.group(1)] = m.group(2)
    name = path.stem
    if not _NAME.match(name):
        raise ValueError(f"{path}: file stem {name!r} is not a valid table name")
    for dep in fields.get("depends_on", "").split(","):
        if dep.strip() and not _NAME.match(dep.strip()):
            raise ValueError(f"{path}: bad depends_on entry {dep.strip()!r}")
    description = fields.get("description") or "\n".join(header)
    return SqlModel(name=name, path=path, sql=text, description=description, fields=fields)


def load_marts(sql_dir: Path = MARTS_DIR) -> list[SqlModel]:
    """All mart files of ``sql_dir`` in dependency order (a mart after the marts it depends on)."""
    models = {p.stem: parse_sql_file(p) for p in sorted(Path(sql_dir).glob("*.sql"))}
    ordered: list[SqlModel] = []
    state: dict[str, str] = {}

    def visit(name: str, chain: tuple[str, ...]) -> None:
        if state.get(name) == "done":
            return
        if state.get(name) == "visiting":
            raise ValueError(f"dependency cycle among marts: {' -> '.join(chain + (name,))}")
        state[name] = "visiting"
        for dep in models[name].depends_on:
            if dep in models:          # anything else is an upstream contract table
                visit(dep, chain + (name,))
        state[name] = "done"
        ordered.append(models[name])

    for name in models:
        visit(name, ())
    return ordered


def load_checks(checks_dir: Path = CHECKS_DIR, marts_dir: Path = MARTS_DIR) -> list[SqlModel]:
    """The check files of ``checks_dir`` whose ``-- asset:`` is a mart of ``marts_dir``.

    Checks on the contract tables live in the same folder; ``pipeline.assets.checks`` owns those.
    """
    marts = {p.stem for p in Path(marts_dir).glob("*.sql")}
    checks = []
    for path in sorted(Path(checks_dir).glob("*.sql")):
        c = parse_sql_file(path)
        if c.fields.get("asset") not in marts:
            continue
        if c.fields.get("severity", "ERROR").upper() not in ("ERROR", "WARN"):
            raise ValueError(f"{c.path}: severity must be ERROR or WARN")
        checks.append(c)
    return checks


def _count(con: duckdb.DuckDBPyConnection, name: str) -> int:
    # ``name`` is a validated file stem (identifier regex), never data; quoted as an identifier.
    return int(con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])


def run_mart(con: duckdb.DuckDBPyConnection, model: SqlModel) -> int:
    con.execute(model.sql)
    return _count(con, model.name)


def run_mart_sql(con: duckdb.DuckDBPyConnection, sql_dir: Path = MARTS_DIR) -> dict[str, int]:
    """Execute every mart of ``sql_dir`` in dependency order; return ``{mart: row_count}``."""
    return {m.name: run_mart(con, m) for m in load_marts(sql_dir)}


def run_check(con: duckdb.DuckDBPyConnection, check: SqlModel):
    """The offending rows of a check query as a DataFrame (empty = pass)."""
    return con.execute(check.sql).df()


def df_to_markdown(df, max_rows: int = PREVIEW_ROWS) -> str:
    """Markdown table of the first rows (``tabulate`` when available, else a plain pipe table)."""
    head = df.head(max_rows)
    try:
        return head.to_markdown(index=False)
    except ImportError:  # pragma: no cover - tabulate ships with dagster
        cols = [str(c) for c in head.columns]
        lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
        for row in head.itertuples(index=False):
            lines.append("| " + " | ".join(str(v).replace("|", "\\|") for v in row) + " |")
        return "\n".join(lines)


def _extra_metadata(con: duckdb.DuckDBPyConnection, name: str) -> dict:
    if name == "transfer_dyads":
        top = con.execute(
            """SELECT coalesce(supplier_iso3, supplier_name) AS supplier,
                      coalesce(recipient_iso3, recipient_name) AS recipient,
                      weapon_category, n_mentions, n_articles, first_date, last_date, latest_stage
               FROM transfer_dyads
               ORDER BY n_articles DESC, n_mentions DESC, supplier NULLS LAST, recipient NULLS LAST
               LIMIT 10"""
        ).df()
        return {"top_dyads": MetadataValue.md(df_to_markdown(top) if len(top) else "_no dyads_")}
    return {}


def _mart_asset(model: SqlModel) -> AssetsDefinition:
    @asset(
        name=model.name,
        group_name="marts",
        deps=[AssetKey(d) for d in model.depends_on],
        description=model.description,
        required_resource_keys={"warehouse"},
        kinds={"duckdb", "sql"},
        metadata={"sql_file": str(model.path.relative_to(SQL_ROOT.parent))},
    )
    def _build(context: AssetExecutionContext) -> MaterializeResult:
        with context.resources.warehouse.write() as con:
            rows = run_mart(con, model)
            preview = con.execute(f'SELECT * FROM "{model.name}" LIMIT {PREVIEW_ROWS}').df()
            extra = _extra_metadata(con, model.name)
        context.log.info("%s: %d rows", model.name, rows)
        return MaterializeResult(
            metadata={
                "row_count": MetadataValue.int(rows),
                "dagster/row_count": MetadataValue.int(rows),
                "preview": MetadataValue.md(df_to_markdown(preview) if rows else "_empty_"),
                **extra,
            }
        )

    return _build


def _mart_check(check: SqlModel) -> AssetChecksDefinition:
    severity = AssetCheckSeverity.WARN if check.fields.get("severity", "ERROR").upper() == "WARN" \
        else AssetCheckSeverity.ERROR

    @asset_check(
        asset=AssetKey(check.fields["asset"]),
        name=check.name,
        description=check.description,
        required_resource_keys={"warehouse"},
    )
    def _check(context) -> AssetCheckResult:
        with context.resources.warehouse.read() as con:
            bad = run_check(con, check)
        return AssetCheckResult(
            passed=len(bad) == 0,
            severity=severity,
            metadata={
                "offending_rows": MetadataValue.int(len(bad)),
                "sample": MetadataValue.md(df_to_markdown(bad) if len(bad) else "_none_"),
            },
        )

    return _check


mart_assets: list[AssetsDefinition] = [_mart_asset(m) for m in load_marts()]
mart_checks: list[AssetChecksDefinition] = [_mart_check(c) for c in load_checks()]
