"""SQL marts as Dagster assets: one asset per file in ``sql/marts/`` (their checks: ``pipeline.assets.checks``).

A mart file is one idempotent ``CREATE OR REPLACE TABLE|VIEW <stem> AS ...`` statement whose leading
``--`` comment block is its description. Two header lines are read:

* ``-- depends_on: a, b``  other marts or contract tables (asset keys) the model reads;
* ``-- grain: ...``        what one row is (shown in the description).

``run_mart_sql`` runs every mart in dependency order on a plain DuckDB connection; the tests and
``pipeline.export`` use it without Dagster.
"""

import hashlib
from pathlib import Path

import duckdb
from dagster import (
    AssetExecutionContext,
    AssetKey,
    AssetsDefinition,
    MaterializeResult,
    MetadataValue,
    asset,
)

from pipeline.assets.catalog import LAYER_TAGS, OWNERS, per_year_metadata, table_metadata
from pipeline.assets.preview import markdown_preview
from pipeline.assets.sqlfile import SqlModel, parse_sql_file
from pipeline.resources import WarehouseResource

SQL_ROOT = Path(__file__).resolve().parents[2] / "sql"
MARTS_DIR = SQL_ROOT / "marts"

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


def _count(con: duckdb.DuckDBPyConnection, name: str) -> int:
    # ``name`` is a validated file stem (identifier regex), never data; quoted as an identifier.
    return int(con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])


def run_mart(con: duckdb.DuckDBPyConnection, model: SqlModel) -> int:
    con.execute(model.sql)
    return _count(con, model.name)


def run_mart_sql(con: duckdb.DuckDBPyConnection, sql_dir: Path = MARTS_DIR) -> dict[str, int]:
    """Execute every mart of ``sql_dir`` in dependency order; return ``{mart: row_count}``."""
    return {m.name: run_mart(con, m) for m in load_marts(sql_dir)}


# What every mart reads, summarised cheaply: a changed, added or removed article or extraction moves it.
INPUT_TOKEN_SQL = """
SELECT (SELECT count(*) FROM articles),
       (SELECT coalesce(bit_xor(hash(article_id, content_hash)), 0) FROM articles),
       (SELECT count(*) FROM extraction_state),
       (SELECT coalesce(bit_xor(hash(article_id, content_hash, extractor_version)), 0) FROM extraction_state),
       (SELECT count(*) FROM arms_transfer_mentions),
       (SELECT count(*) FROM entity_mentions),
       (SELECT count(*) FROM rejected_inputs)
"""
RELATION_EXISTS_SQL = """
SELECT count(*) FROM (SELECT table_name AS name FROM duckdb_tables() UNION ALL
                      SELECT view_name FROM duckdb_views()) WHERE name = $name
"""


def input_token(con: duckdb.DuckDBPyConnection, sql_dir: Path = MARTS_DIR) -> str:
    """A digest of the marts' inputs and of every mart file's SQL (a changed model rebuilds all)."""
    digest = hashlib.sha256(repr(con.execute(INPUT_TOKEN_SQL).fetchone()).encode())
    for path in sorted(Path(sql_dir).glob("*.sql")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def build_if_changed(con: duckdb.DuckDBPyConnection, model: SqlModel, token: str) -> tuple[int, bool]:
    """(row count, rebuilt?): rebuild the mart unless it exists and was built from these very inputs."""
    built = con.execute("SELECT input_token FROM mart_state WHERE mart = $mart", {"mart": model.name}).fetchone()
    exists = con.execute(RELATION_EXISTS_SQL, {"name": model.name}).fetchone()[0] > 0
    if built is not None and built[0] == token and exists:
        return _count(con, model.name), False
    rows = run_mart(con, model)
    con.execute("INSERT OR REPLACE INTO mart_state (mart, input_token, built_at) VALUES ($mart, $token, current_timestamp)",
                {"mart": model.name, "token": token})
    return rows, True


TOP_DYADS_SQL = """
SELECT coalesce(supplier_iso3, supplier_name) AS supplier, coalesce(recipient_iso3, recipient_name) AS recipient,
       weapon_category, n_mentions, n_articles, first_date, last_date, latest_stage
FROM transfer_dyads
ORDER BY n_articles DESC, n_mentions DESC, supplier NULLS LAST, recipient NULLS LAST, weapon_category
"""
# The yearly series the Plots tab draws (one numeric key per year), per mart that has a year.
PER_YEAR_SQL = {
    "transfers_by_year": ("transfers", "transfer mentions",
                          "SELECT year, sum(n_mentions) FROM transfers_by_year WHERE year IS NOT NULL "
                          "GROUP BY year ORDER BY year"),
    "deals": ("deals", "deals first reported",
              "SELECT year(first_date), count(*) FROM deals WHERE first_date IS NOT NULL GROUP BY 1 ORDER BY 1"),
}


def _extra_metadata(con: duckdb.DuckDBPyConnection, name: str) -> dict:
    """Mart-specific metadata: the top dyads, the per-year series."""
    extra: dict = {}
    if name == "transfer_dyads":
        extra["top_dyads"] = markdown_preview(con, TOP_DYADS_SQL)
    if name in PER_YEAR_SQL:
        prefix, what, sql = PER_YEAR_SQL[name]
        extra.update(per_year_metadata(con.execute(sql).fetchall(), prefix, what))
    return extra


def _mart_asset(model: SqlModel) -> AssetsDefinition:
    @asset(
        name=model.name,
        group_name="marts",
        deps=[AssetKey(d) for d in model.depends_on],
        description=model.description,
        kinds={"duckdb", "sql"},
        owners=OWNERS,
        tags=LAYER_TAGS["marts"],
        pool="arms_warehouse",
        metadata={"sql_file": str(model.path.relative_to(SQL_ROOT.parent))},
    )
    def _build(context: AssetExecutionContext, warehouse: WarehouseResource) -> MaterializeResult:
        with warehouse.write() as con:
            rows, rebuilt = build_if_changed(con, model, input_token(con))
            preview = markdown_preview(con, f'SELECT * FROM "{model.name}"')   # name: a validated file stem
            extra = {**table_metadata(con, model.name), **_extra_metadata(con, model.name)}
        context.log.info("%d rows (%s)", rows, "rebuilt" if rebuilt else "inputs unchanged: kept")
        return MaterializeResult(
            metadata={
                "rebuilt": MetadataValue.bool(rebuilt),
                "row_count": MetadataValue.int(rows),
                "dagster/row_count": MetadataValue.int(rows),
                "preview": preview,
                **extra,
            }
        )

    return _build


mart_assets: list[AssetsDefinition] = [_mart_asset(m) for m in load_marts()]
