"""The hostile corpus through the whole pipeline: the run succeeds, and every input is accounted for
in ``articles`` or ``rejected_inputs`` with the outcome the ingest table promises."""
from __future__ import annotations

import dataclasses

import duckdb
import pytest

from tests import test_ingest_hostile as hostile
from tests.pipeline_helpers import run_all_assets

# The 3 MB article is parsed in segments (tests/test_nlp.py proves the stitching); here a 200 KB
# one goes through segmentation end to end so the suite stays fast.
CASES = [dataclasses.replace(c, build=hostile.large_article("large_valid.txt", 200 * 1024))
         if c.name == "large_valid" else c for c in hostile.CASES]


@pytest.mark.slow
def test_hostile_corpus_runs_and_every_input_is_accounted_for(tmp_path, monkeypatch):
    monkeypatch.setenv("ARMS_NLP_SEGMENT_CHARS", "50000")
    warehouse = tmp_path / "w.duckdb"
    with hostile.hostile_corpus(tmp_path, CASES) as root:
        result = run_all_assets(monkeypatch, root, warehouse)

    con = duckdb.connect(str(warehouse), read_only=True)
    stored = {p: "ok" for (p,) in con.execute("SELECT source_path FROM articles").fetchall()}
    rejected = con.execute("SELECT source_path, reason FROM rejected_inputs").fetchall()
    n_sentences_large = con.execute(
        "SELECT count(*) FROM sentences JOIN articles USING (article_id) WHERE source_path = 'large_valid.txt'"
    ).fetchone()[0]
    con.close()
    outcomes = dict(stored)
    for path, reason in rejected:
        assert path not in outcomes, f"{path!r} both stored and rejected"
        outcomes[path] = reason
    expected = {p: o for case in CASES for p, o in case.expect.items()}
    assert outcomes == expected
    assert len(stored) + len(rejected) == len(expected)
    assert n_sentences_large > 1000
    assert all(e.passed for e in result.get_asset_check_evaluations() if e.severity.name == "ERROR")
