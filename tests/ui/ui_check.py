"""`make ui-check`: screenshot of the Dagster asset graph, taken by headless Chromium from a real webserver.

1. Installs Debian's ``chromium`` + ``chromium-driver`` if ``/usr/bin/chromium`` is missing (needs root).
2. Starts ``dagster-webserver -m pipeline.definitions`` on a free loopback port with a temp
   ``DAGSTER_HOME`` and a temp warehouse, reading the repo's ``seeds/articles``.
3. Launches ``all_assets_job`` through GraphQL, as the UI's "Materialize all" does, so the graph shows
   materialisation status (``--no-materialize`` skips it; a failed run is reported, not fatal).
4. Loads the global asset lineage page (``/asset-groups``: every group of the code location in one
   graph, each group opened so its assets show) in headless Chromium and writes
   ``warehouse/ui/asset_graph.png``.

Usage: ``.venv/bin/python tests/ui/ui_check.py [--out PNG] [--no-materialize] [--budget-ms N] [--collapsed]``
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.ui.webserver import Webserver  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
DEFAULT_OUT = REPO / "warehouse" / "ui" / "asset_graph.png"
GRAPH_PATH = "/asset-groups"  # Dagster 1.13: the global asset lineage, all groups in one graph


def say(msg: str) -> None:
    print(f"ui-check: {msg}", flush=True)


def ensure_chromium() -> Path:
    if CHROMIUM.exists():
        return CHROMIUM
    if os.geteuid() != 0:
        sys.exit("ui-check: /usr/bin/chromium is missing and this is not root, so it cannot be installed.\n"
                 "Install it once as root:  apt-get update && apt-get install -y chromium chromium-driver")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in (["apt-get", "update"], ["apt-get", "install", "-y", "chromium", "chromium-driver"]):
        say("running: " + " ".join(cmd))
        result = subprocess.run(cmd, env=env)
        if result.returncode != 0:
            sys.exit(f"ui-check: `{' '.join(cmd)}` failed with exit code {result.returncode}")
    if not CHROMIUM.exists():
        sys.exit("ui-check: apt-get finished but /usr/bin/chromium is still missing")
    return CHROMIUM


def ignore_output_folder(folder: Path) -> None:
    """The screenshot is a build artefact: a self-ignoring .gitignore keeps the folder out of git."""
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / ".gitignore"
    if not marker.exists():
        marker.write_text("# written by tests/ui/ui_check.py: screenshots are not versioned\n*\n")


def materialize(ws: Webserver) -> None:
    started = time.monotonic()
    run_id = ws.launch_job("all_assets_job")
    say(f"launched all_assets_job, run {run_id}")
    status = ws.wait_for_run(run_id, timeout=300)
    say(f"run {run_id} finished {status} in {time.monotonic() - started:.0f}s")
    if status != "SUCCESS":
        say("the graph will show the failure; errors of the run:\n" + ws.run_events(run_id, errors_only=True))


def expand_groups_query(groups) -> str:
    """``expanded=`` opens every group box on the lineage page, so each asset and edge is drawn.

    The page keeps its open groups in this query parameter (mirrored to localStorage); a group's id is
    ``global@global:<group>`` unless the per-code-location grouping feature flag is switched on.
    """
    return urllib.parse.urlencode({"expanded": ",".join(f"global@global:{g}" for g in groups)})


def screenshot(chromium: Path, url: str, out: Path, budget_ms: int, profile: Path) -> None:
    cmd = [str(chromium), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
           "--no-first-run", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars",
           f"--user-data-dir={profile}", "--window-size=1600,1000",
           "--run-all-compositor-stages-before-draw", f"--virtual-time-budget={budget_ms}",
           f"--screenshot={out}", url]
    say("running: " + " ".join(cmd))
    if out.exists():
        out.unlink()
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=180,
                            env={**os.environ, "NO_PROXY": "127.0.0.1,localhost"})
    if result.returncode != 0 or not out.exists() or out.stat().st_size == 0:
        sys.exit(f"ui-check: chromium failed (exit {result.returncode}), no screenshot\n"
                 f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="PNG to write")
    parser.add_argument("--no-materialize", action="store_true", help="skip the seed run before the screenshot")
    parser.add_argument("--budget-ms", type=int, default=20000, help="Chromium virtual time for the JS app")
    parser.add_argument("--path", default=GRAPH_PATH, help="UI page to capture")
    parser.add_argument("--collapsed", action="store_true", help="show each group as one box")
    args = parser.parse_args(argv)

    chromium = ensure_chromium()
    out = args.out.resolve()
    ignore_output_folder(out.parent)
    tmp = Path(tempfile.mkdtemp(prefix="arms-ui-check-"))
    ws = Webserver(dagster_home=tmp / "dagster_home", articles=REPO / "seeds" / "articles",
                   warehouse=tmp / "arms.duckdb", log_path=tmp / "webserver.log")
    try:
        say(f"starting dagster-webserver on {ws.url} (DAGSTER_HOME={ws.dagster_home})")
        ws.start()
        ws.wait_ready(timeout=120)
        groups = sorted({n["groupName"] for n in ws.asset_nodes()})
        say(f"webserver up; asset groups: {', '.join(groups)}")
        # A fresh DAGSTER_HOME greets the first visitor with a "Join the Dagster community" modal over
        # the graph; dismiss it the way its "Skip" button does.
        ws.graphql("mutation { setNuxSeen }")
        if not args.no_materialize:
            materialize(ws)
        url = ws.url + args.path
        if args.path == GRAPH_PATH and not args.collapsed:
            url += "?" + expand_groups_query(groups)
        screenshot(chromium, url, out, args.budget_ms, tmp / "chromium-profile")
    finally:
        ws.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    say(f"screenshot written: {out} ({out.stat().st_size} bytes)")
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
