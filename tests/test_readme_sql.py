"""Every SQL recipe in the README runs on a warehouse materialised from the seeds (the pinned DuckDB)."""
from __future__ import annotations

import re

import duckdb
import pytest

from tests.pipeline_helpers import REPO, copy_seeds, run_all_assets

SQL_BLOCK = re.compile(r"```sql\n(.*?)```", re.S)


def readme_statements() -> list[tuple[str, str]]:
    """(label, statement) for every statement of every ```sql block; the label is its leading comment."""
    out = []
    for block in SQL_BLOCK.findall((REPO / "README.md").read_text(encoding="utf-8")):
        for statement in block.split(";\n"):
            statement = statement.strip().rstrip(";")
            if not statement:
                continue
            comment = next((line for line in statement.splitlines() if line.startswith("--")), statement[:40])
            out.append((comment, statement))
    return out


def test_readme_has_sql_recipes():
    assert len(readme_statements()) >= 9


@pytest.fixture(scope="module")
def seeded_warehouse(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    tmp = tmp_path_factory.mktemp("readme")
    warehouse = tmp / "arms.duckdb"
    run_all_assets(mp, copy_seeds(tmp / "articles"), warehouse)
    mp.undo()
    return warehouse


@pytest.mark.slow
@pytest.mark.parametrize("statement", [pytest.param(s, id=label[:50]) for label, s in readme_statements()])
def test_readme_sql_recipe_runs(seeded_warehouse, statement):
    con = duckdb.connect(str(seeded_warehouse), read_only=True)
    try:
        con.execute(statement).fetchall()
    finally:
        con.close()
