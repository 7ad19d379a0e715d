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


README_GOLD = re.compile(r"```jsonl\n(.*?)```", re.S)


def readme_gold_lines() -> list[str]:
    return [line for block in README_GOLD.findall((REPO / "README.md").read_text(encoding="utf-8"))
            for line in block.splitlines() if line.strip()]


def test_readme_gold_example_is_what_pipeline_evaluate_reads():
    import json

    from pipeline.evaluate import parse_gold_record

    lines = readme_gold_lines()
    assert len(lines) >= 2
    gold = [parse_gold_record(json.loads(line)) for line in lines]
    assert gold[0].required and gold[0].required[0].quantity == {"value": 48}


@pytest.mark.slow
def test_readme_gold_example_scores_the_seed_articles(seeded_warehouse):
    """The documented example is right about the bundled seeds: perfect tuple and relevance scores."""
    import json

    from pipeline.evaluate import parse_gold_record, read_warehouse, score

    gold = {g.article_id: g for g in (parse_gold_record(json.loads(line)) for line in readme_gold_lines())}
    metrics, _ = score(gold, read_warehouse(seeded_warehouse, list(gold)))
    assert metrics["articles_missing"] == 0
    assert (metrics["tuple_p"], metrics["tuple_r"], metrics["relevance_p"]) == (1.0, 1.0, 1.0)
    assert metrics["quantity_acc"] == 1.0
