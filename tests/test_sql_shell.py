"""`make sql`: a read-only shell that never keeps the warehouse open between statements."""
from __future__ import annotations

import io
import os
import subprocess
import sys

import duckdb

from pipeline.sql_shell import Shell, repl
from tests.pipeline_helpers import REPO
from tests.test_marts import make_db


def _warehouse(tmp_path):
    path = tmp_path / "arms.duckdb"
    con = make_db(path)
    con.execute("INSERT INTO articles (article_id, title, text, content_hash, source_path, n_chars) "
                "VALUES ('a1', 'One', 'text', 'h', 'a1.json', 4)")
    con.close()
    return path


def test_statements_dot_commands_and_read_only(tmp_path):
    out = io.StringIO()
    script = io.StringIO("SELECT article_id,\n  title FROM articles;\n.schema articles\n"
                         "DELETE FROM articles;\nSELECT count(*) AS n FROM articles;\n")
    assert repl(Shell(_warehouse(tmp_path), out=out), script) == 1          # the DELETE failed
    text = out.getvalue()
    assert "│ a1         │ One     │" in text
    assert "content_hash" in text and "sha256" in text                     # .schema shows the comments
    assert "read-only" in text and "error:" in text
    assert "│     1 │" in text                                              # nothing was deleted


def test_the_file_is_not_held_between_statements(tmp_path):
    """A writer can open the warehouse while the shell waits for the next statement."""
    path = _warehouse(tmp_path)
    shell = Shell(path, out=io.StringIO())
    assert shell.run_sql("SELECT 1;")
    writer = duckdb.connect(str(path))           # would raise "Could not set lock" if the shell held it
    writer.execute("INSERT INTO articles (article_id, text, content_hash, source_path, n_chars) "
                   "VALUES ('a2', 't', 'h', 'a2.json', 1)")
    writer.close()


def test_cli_one_command_and_missing_warehouse(tmp_path):
    path = _warehouse(tmp_path)
    env = {**os.environ, "ARMS_WAREHOUSE": str(path)}
    proc = subprocess.run([sys.executable, "-m", "pipeline.sql_shell", "-c", "SELECT count(*) AS n FROM articles"],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert [line.strip("│ ") for line in proc.stdout.splitlines()][-2] == "1"      # the value row
    missing = subprocess.run([sys.executable, "-m", "pipeline.sql_shell", "--warehouse", str(tmp_path / "no.duckdb")],
                             cwd=REPO, capture_output=True, text=True, timeout=120)
    assert missing.returncode == 2 and "make run" in missing.stderr
    assert not (tmp_path / "no.duckdb").exists()
