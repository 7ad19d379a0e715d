"""`make run`'s console (python -m pipeline.materialize): the pipeline's INFO lines, no framework noise,
and a failure as one paragraph that names the variable and the path to fix."""
from __future__ import annotations

import logging
import os
import subprocess
import sys

import dagster as dg

from pipeline import materialize
from tests.pipeline_helpers import REPO


def _run(monkeypatch, tmp_path, **env):
    monkeypatch.setenv("ARMS_WAREHOUSE", str(tmp_path / "arms.duckdb"))
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    instance = dg.DagsterInstance.ephemeral()
    result = materialize.run(instance=instance)
    result.logs = [e.user_message for e in instance.all_logs(result.run_id)]
    return result


def test_bad_variable_is_one_paragraph_naming_it(monkeypatch, tmp_path, capsys):
    result = _run(monkeypatch, tmp_path, ARMS_NLP_WORKERS="abc")
    assert not result.success
    text = materialize.failure_paragraph(result)
    assert "ARMS_NLP_WORKERS" in text and "'abc'" in text and "nothing was written" in text
    assert "Traceback" not in text and "Stack Trace" not in text and "Dagster" in text
    assert len(text.splitlines()) <= 5
    assert "Stack Trace" not in capsys.readouterr().out


def test_missing_folder_names_the_variable_and_path_and_hides_not_executing(monkeypatch, tmp_path, capsys):
    missing = tmp_path / "no_such_folder"
    result = _run(monkeypatch, tmp_path, ARMS_ARTICLES_DIR=str(missing))
    assert not result.success
    text = " ".join(materialize.failure_paragraph(result).split())
    assert "step ingest_articles" in text and str(missing) in text and "ARMS_ARTICLES_DIR" in text
    out = capsys.readouterr().out
    assert "Not executing" not in out and "STEP_START" not in out and "DEBUG" not in out
    # without the quiet logger Dagster prints one "Not executing" line per skipped step
    assert any("Not executing" in m for m in result.logs)


def test_console_lines_are_the_pipelines_own_messages(monkeypatch, tmp_path, capsys):
    """An empty folder on a fresh warehouse: a successful run whose console is a handful of lines."""
    articles = tmp_path / "articles"
    articles.mkdir()
    result = _run(monkeypatch, tmp_path, ARMS_ARTICLES_DIR=str(articles))
    assert result.success
    lines = capsys.readouterr().out.splitlines()
    assert any("ingest_articles" in line and "0 new" in line for line in lines)
    assert any(line.split()[1] == "deals" and "rows" in line for line in lines)
    assert not any("RUN_START" in line or "STEP_SUCCESS" in line or "ASSET_MATERIALIZATION" in line
                   for line in lines)
    assert len(lines) < 20


def test_a_failed_check_is_one_line():
    event = dg.AssetCheckEvaluation(
        asset_key=dg.AssetKey("deals"), check_name="deals_have_mentions", passed=False,
        severity=dg.AssetCheckSeverity.ERROR, metadata={"offending_rows": dg.MetadataValue.int(3)})
    fake = type("E", (), {"event_type_value": "ASSET_CHECK_EVALUATION", "event_specific_data": event})
    assert materialize._check_failure_line(fake) == "check deals_have_mentions on deals failed [ERROR] (3 rows)"
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "msg", None, None)
    record.dagster_meta = {"dagster_event": fake, "orig_message": "raw"}
    assert materialize._UserMessagesOnly().filter(record) and record.dagster_meta["orig_message"].startswith("check")


def test_module_exits_non_zero_with_the_paragraph_on_stderr(tmp_path):
    env = {**os.environ, "ARMS_WAREHOUSE": str(tmp_path / "arms.duckdb"), "ARMS_MAX_REMOVAL_SHARE": "60%",
           "DAGSTER_HOME": str(tmp_path / "home")}
    (tmp_path / "home").mkdir()
    proc = subprocess.run([sys.executable, "-m", "pipeline.materialize"], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1
    assert "ARMS_MAX_REMOVAL_SHARE" in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) <= 5, proc.stderr
    assert "Warning" not in proc.stdout + proc.stderr          # no framework deprecation notices


def test_a_failed_check_reaches_the_console(tmp_path, capsys):
    """Dagster logs check evaluations at DEBUG: the console still shows a failed one, as a warning."""
    from pipeline.assets.marts import mart_assets
    from tests.test_marts import add_article, add_mention, make_db, mart_checks

    db = tmp_path / "w.duckdb"
    con = make_db(db)
    add_article(con, "a1")
    add_mention(con, "a1", 0, supplier_iso3="USA", recipient_iso3="USA")     # a self-dyad: WARN check
    con.close()
    from pipeline.resources import WarehouseResource

    job = dg.Definitions(assets=mart_assets, asset_checks=mart_checks,
                         resources={"warehouse": WarehouseResource(path=str(db))},
                         jobs=[dg.define_asset_job("marts_job")]).resolve_job_def("marts_job")
    result = job.with_logger_defs({"console": materialize.progress_console_logger}).execute_in_process(
        instance=dg.DagsterInstance.ephemeral(), run_config={"loggers": {"console": {"config": {"log_level": "INFO"}}}})
    assert result.success
    out = capsys.readouterr().out
    assert "WARNING: check transfer_dyads_no_self_dyad on transfer_dyads failed [WARN] (1 row)" in out
    assert "passed" not in out and "ASSET_CHECK" not in out
