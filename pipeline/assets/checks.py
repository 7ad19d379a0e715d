"""Asset checks as data: every ``sql/checks/*.sql`` is a query returning offending rows (0 = pass).

Header lines name the asset (``-- asset:``), the severity (``-- severity: ERROR|WARN``) and a
description. Queries may use the contract vocabularies as ``$parameters`` (see ``VOCABULARIES``).
"""

from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import duckdb

from pipeline import vocab
from pipeline.assets.preview import df_to_markdown
from pipeline.assets.sqlfile import parse_sql_file
from pipeline.resources import WarehouseResource
from pipeline.settings import SQL_DIR

def vocabularies() -> dict[str, list[str]]:
    from pipeline.ingest import REJECT_REASONS

    return {
        "entity_labels": list(vocab.ENTITY_LABELS), "weapon_categories": list(vocab.WEAPON_CATEGORIES),
        "qualifiers": list(vocab.QUALIFIERS), "units": list(vocab.UNITS),
        "granularities": list(vocab.GRANULARITIES), "date_types": list(vocab.DATE_TYPES),
        "stages": list(vocab.STAGES), "modalities": list(vocab.MODALITIES),
        "reject_reasons": sorted(REJECT_REASONS),
    }


@dataclass(frozen=True)
class SqlCheck:
    name: str
    asset: str
    severity: str
    description: str
    sql: str

    def params(self) -> dict[str, list[str]]:
        return {k: v for k, v in vocabularies().items() if f"${k}" in self.sql}

    def offending_rows(self, con: duckdb.DuckDBPyConnection, limit: int = 5):
        frame = con.execute(self.sql, self.params()).df()
        return len(frame), frame.head(limit)


def load_sql_checks(check_dir: Path = SQL_DIR / "checks") -> list[SqlCheck]:
    checks = []
    for path in sorted(check_dir.glob("*.sql")):
        model = parse_sql_file(path)
        if "asset" not in model.fields:
            raise ValueError(f"{path}: missing '-- asset: <name>' header")
        severity = model.fields.get("severity", "ERROR").upper()
        if severity not in ("ERROR", "WARN"):
            raise ValueError(f"{path}: severity must be ERROR or WARN, not {severity!r}")
        checks.append(SqlCheck(name=model.name, asset=model.fields["asset"], severity=severity,
                               description=model.description, sql=model.sql))
    return checks


def _make_check(check: SqlCheck) -> dg.AssetChecksDefinition:
    @dg.asset_check(asset=check.asset, name=check.name, description=check.description,
                    blocking=check.severity == "ERROR")
    def _check(warehouse: WarehouseResource) -> dg.AssetCheckResult:
        with warehouse.write() as con:
            n_bad, sample = check.offending_rows(con)
        return dg.AssetCheckResult(
            passed=n_bad == 0,
            severity=dg.AssetCheckSeverity[check.severity],
            metadata={"offending_rows": n_bad,
                      "sample": dg.MetadataValue.md(df_to_markdown(sample) if n_bad else "_none_")},
        )

    return _check


def build_sql_checks(check_dir: Path = SQL_DIR / "checks") -> list[dg.AssetChecksDefinition]:
    return [_make_check(c) for c in load_sql_checks(check_dir)]
