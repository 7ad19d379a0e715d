"""A killed run takes its spaCy workers with it and is marked failed; a new spaCy model re-extracts."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg
import psutil
import pytest
from dagster._core.instance.ref import InstanceRef

from tests.pipeline_helpers import REPO, copy_seeds, run_all_assets

pytestmark = pytest.mark.slow


def _articles(dest: Path, n: int) -> Path:
    dest.mkdir(parents=True)
    for i in range(n):
        text = (f"Report {i}. Germany approved the delivery of {i + 2} Leopard 2 tanks to Ukraine on "
                f"Wednesday, the defence ministry said. " * 8)
        (dest / f"a{i:03d}.json").write_text(json.dumps({"id": f"a{i:03d}", "text": text,
                                                         "published": "2023-01-25"}))
    return dest


def _workers(proc: psutil.Process) -> list[psutil.Process]:
    out = []
    for child in proc.children(recursive=True):
        try:
            cmd = " ".join(child.cmdline())
        except psutil.Error:
            continue
        if "multiprocessing" in cmd and "resource_tracker" not in cmd:
            out.append(child)
    return out


def test_kill_9_takes_the_workers_along_and_the_next_run_marks_the_run_failed(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(REPO / "pipeline" / "dagster_instance.yaml", home / "dagster.yaml")
    env = {**os.environ, "ARMS_ARTICLES_DIR": str(_articles(tmp_path / "articles", 44)),
           "ARMS_WAREHOUSE": str(tmp_path / "arms.duckdb"), "DAGSTER_HOME": str(home),
           "ARMS_NLP_WORKERS": "2", "ARMS_NLP_CHUNK_SIZE": "1"}
    cmd = [str(Path(sys.executable).with_name("dagster")), "asset", "materialize",
           "-m", "pipeline.definitions", "--select", "*"]
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[psutil.Process] = []
    try:
        parent = psutil.Process(proc.pid)
        deadline = time.monotonic() + 180
        while len(workers) < 2 and proc.poll() is None and time.monotonic() < deadline:
            workers = _workers(parent)
            time.sleep(0.05)
        assert len(workers) == 2, "the run ended before its workers could be seen"
        os.kill(proc.pid, signal.SIGKILL)          # the run only, as `kill -9 <pid>` would
        proc.wait(timeout=30)
        gone, alive = psutil.wait_procs(workers, timeout=15)
        assert alive == [], f"workers outlived the killed run: {[p.pid for p in alive]}"
    finally:
        for worker in workers:                     # never leak processes, even when the test fails
            try:
                worker.kill()
            except psutil.Error:
                pass
        if proc.poll() is None:
            proc.kill()

    instance = dg.DagsterInstance.from_ref(InstanceRef.from_dir(str(home)))
    [killed] = instance.get_runs()
    assert killed.status == dg.DagsterRunStatus.STARTED

    # any later run on this host notices: the cheapest is one that only checks the folder
    rerun = subprocess.run(cmd[:-1] + ["articles,rejected_inputs"], cwd=REPO, env=env, capture_output=True, text=True,
                           timeout=600)
    assert rerun.returncode == 0, rerun.stderr[-3000:]
    assert instance.get_run_by_id(killed.run_id).status == dg.DagsterRunStatus.FAILURE
    statuses = sorted(r.status.value for r in instance.get_runs())
    assert statuses == ["FAILURE", "SUCCESS"]


def _extracted(result) -> int:
    for event in result.get_asset_materialization_events():
        mat = event.event_specific_data.materialization
        if mat.asset_key.to_user_string() == "sentences":
            return mat.metadata["articles_extracted_this_run"].value
    raise AssertionError("no sentences materialisation")


def test_switching_the_spacy_model_re_extracts(nlp, tmp_path, monkeypatch):
    articles, warehouse = copy_seeds(tmp_path / "articles"), tmp_path / "arms.duckdb"
    assert _extracted(run_all_assets(monkeypatch, articles, warehouse)) == 21
    assert _extracted(run_all_assets(monkeypatch, articles, warehouse)) == 0
    model_dir = tmp_path / "other_model"
    nlp.to_disk(model_dir)                         # another model: here the same weights, saved as a folder
    monkeypatch.setenv("ARMS_SPACY_MODEL", str(model_dir))
    assert _extracted(run_all_assets(monkeypatch, articles, warehouse)) == 21
