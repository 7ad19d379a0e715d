"""Start the real ``dagster-webserver`` on a free loopback port and talk to its GraphQL API.

Shared by ``tests/test_ui_webserver.py`` (launch a run through GraphQL) and ``tests/ui/ui_check.py``
(screenshot of the asset graph in headless Chromium).

Runs launched from the UI go through the instance's run coordinator. Dagster's default is the
``QueuedRunCoordinator``, which leaves every run QUEUED until a ``dagster-daemon`` dequeues it
(``make ui`` runs ``dagster dev``, which starts that daemon). A bare webserver has no daemon, so
the temp ``dagster.yaml`` is the repo's ``pipeline/dagster_instance.yaml`` (the ``arms_warehouse``
pool limit included) plus ``run_coordinator: DefaultRunCoordinator``: a launched run starts at once
in its own run-worker process. One process less to start, watch and kill.
"""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BIN = REPO / ".venv" / "bin"
INSTANCE_YAML = REPO / "pipeline" / "dagster_instance.yaml"
CHROMIUM = Path("/usr/bin/chromium")     # Debian's package; `make ui-check` installs it when missing

DEFAULT_RUN_COORDINATOR = """
# Added by tests/ui/webserver.py: no dagster-daemon here, so launched runs start immediately.
run_coordinator:
  module: dagster._core.run_coordinator
  class: DefaultRunCoordinator
"""

# Loopback only: never send these requests through an http(s)_proxy from the environment.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def write_instance(dagster_home: Path) -> Path:
    dagster_home.mkdir(parents=True, exist_ok=True)
    target = dagster_home / "dagster.yaml"
    target.write_text(INSTANCE_YAML.read_text() + DEFAULT_RUN_COORDINATOR)
    return target


class GraphQLError(RuntimeError):
    pass


class Webserver:
    """``dagster-webserver -m pipeline.definitions`` in its own process group, env-configured."""

    def __init__(self, *, dagster_home: Path, articles: Path, warehouse: Path, log_path: Path,
                 extra_env: dict[str, str] | None = None):
        self.dagster_home, self.articles, self.warehouse = dagster_home, articles, warehouse
        self.log_path = log_path
        self.extra_env = extra_env or {}
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None
        self._log = None

    # -- process -------------------------------------------------------------------------------
    def start(self) -> "Webserver":
        write_instance(self.dagster_home)
        env = {**os.environ, **self.extra_env,
               "DAGSTER_HOME": str(self.dagster_home),
               "ARMS_ARTICLES_DIR": str(self.articles),
               "ARMS_WAREHOUSE": str(self.warehouse),
               "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"}
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(
            [str(BIN / "dagster-webserver"), "-m", "pipeline.definitions",
             "-h", "127.0.0.1", "-p", str(self.port)],
            cwd=REPO, env=env, stdout=self._log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )
        return self

    def log_tail(self, lines: int = 60) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no webserver log)"

    def wait_ready(self, timeout: float = 120.0) -> dict:
        """Poll ``/server_info`` until it answers, then until the code location has loaded."""
        deadline = time.monotonic() + timeout
        info = None
        while info is None:
            self._check_alive()
            try:
                with _OPENER.open(f"{self.url}/server_info", timeout=5) as resp:
                    info = json.loads(resp.read())
            except (urllib.error.URLError, ConnectionError, TimeoutError, json.JSONDecodeError):
                if time.monotonic() > deadline:
                    raise TimeoutError(f"webserver not up after {timeout:.0f}s\n{self.log_tail()}")
                time.sleep(0.5)
        while True:  # the server answers before the code location has finished loading
            self._check_alive()
            state = self.location_state()
            if state == "LOADED":
                return info
            if state == "ERROR":
                raise RuntimeError(f"code location failed to load: {self.location_error()}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"code location still {state} after {timeout:.0f}s\n{self.log_tail()}")
            time.sleep(0.5)

    def _check_alive(self) -> None:
        if self.proc is not None and self.proc.poll() is not None:
            raise RuntimeError(f"dagster-webserver exited with {self.proc.returncode}\n{self.log_tail()}")

    def stop(self) -> None:
        """SIGTERM the process group (webserver, its code server, run workers), then SIGKILL."""
        if self.proc is None:
            return
        descendants = []
        try:  # run workers may sit in their own session: remember every descendant first
            import psutil

            descendants = psutil.Process(self.proc.pid).children(recursive=True)
        except Exception:  # noqa: BLE001 - psutil missing or the process already gone
            pass
        for sig, grace in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
            if self.proc.poll() is not None:
                break
            try:
                os.killpg(self.proc.pid, sig)
            except ProcessLookupError:
                break
            try:
                self.proc.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                continue
        for child in descendants:
            try:
                if child.is_running():
                    child.kill()
            except Exception:  # noqa: BLE001 - already gone
                pass
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)  # stragglers left in the group
        except (ProcessLookupError, PermissionError):
            pass
        if self._log is not None:
            self._log.close()
        self.proc = None

    def __enter__(self) -> "Webserver":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- GraphQL -------------------------------------------------------------------------------
    def graphql(self, query: str, variables: dict | None = None, timeout: float = 30.0) -> dict:
        body = json.dumps({"query": query, "variables": variables or {}}).encode()
        req = urllib.request.Request(f"{self.url}/graphql", data=body, method="POST",
                                     headers={"Content-Type": "application/json"})
        try:
            with _OPENER.open(req, timeout=timeout) as resp:
                payload = json.loads(resp.read())
        except urllib.error.HTTPError as exc:
            raise GraphQLError(f"HTTP {exc.code}: {exc.read()[:2000]!r}") from exc
        if payload.get("errors"):
            raise GraphQLError(json.dumps(payload["errors"], indent=2)[:4000])
        return payload["data"]

    def location_state(self) -> str:
        data = self.graphql("""
            query { workspaceOrError { __typename ... on Workspace {
                locationEntries { name loadStatus locationOrLoadError { __typename } } } } }""")
        entries = data["workspaceOrError"].get("locationEntries") or []
        if not entries:
            return "LOADING"
        if any(e["locationOrLoadError"] and e["locationOrLoadError"]["__typename"] == "PythonError"
               for e in entries):
            return "ERROR"
        return "LOADED" if all(e["loadStatus"] == "LOADED" and e["locationOrLoadError"]
                               for e in entries) else "LOADING"

    def location_error(self) -> str:
        data = self.graphql("""
            query { workspaceOrError { ... on Workspace { locationEntries { name
                locationOrLoadError { ... on PythonError { message stack } } } } } }""")
        return json.dumps(data, indent=2)[:4000]

    def repository(self) -> tuple[str, str]:
        """(repositoryLocationName, repositoryName) of the one code location."""
        data = self.graphql("""
            query { repositoriesOrError { __typename
                ... on RepositoryConnection { nodes { name location { name } } }
                ... on PythonError { message } } }""")
        nodes = data["repositoriesOrError"].get("nodes")
        if not nodes:
            raise GraphQLError(f"no repository: {data}")
        return nodes[0]["location"]["name"], nodes[0]["name"]

    def asset_nodes(self) -> list[dict]:
        data = self.graphql("query { assetNodes { assetKey { path } groupName jobNames } }")
        return data["assetNodes"]

    def asset_catalog(self, key: str) -> dict:
        """What the asset page shows: the definition (owners, tags, description) and the latest
        materialisation's metadata entries by label (column schema, table name, numbers for Plots)."""
        data = self.graphql("""
            query Asset($key: AssetKeyInput!) { assetOrError(assetKey: $key) { __typename
                ... on Asset {
                  definition { description
                    owners { __typename ... on TeamAssetOwner { team } ... on UserAssetOwner { email } }
                    tags { key value } }
                  assetMaterializations(limit: 1) { metadataEntries { __typename label
                    ... on IntMetadataEntry { intValue }
                    ... on FloatMetadataEntry { floatValue }
                    ... on TextMetadataEntry { text }
                    ... on MarkdownMetadataEntry { mdStr }
                    ... on TableSchemaMetadataEntry { schema { columns { name type description } } } } } }
                ... on AssetNotFoundError { message } } }""", {"key": {"path": key.split("/")}})
        asset = data["assetOrError"]
        if asset["__typename"] != "Asset":
            raise GraphQLError(f"asset {key}: {asset}")
        mats = asset["assetMaterializations"]
        entries = {e["label"]: e for e in (mats[0]["metadataEntries"] if mats else [])}
        return {"definition": asset["definition"], "metadata": entries}

    def dump_dom(self, path: str, profile: Path, budget_ms: int = 20000) -> str:
        """The page as headless Chromium renders it (the UI is a JS app: the DOM after it has run)."""
        cmd = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
               "--no-first-run", "--disable-background-networking", "--disable-component-update",
               f"--user-data-dir={profile}", "--window-size=1600,1400", f"--virtual-time-budget={budget_ms}",
               "--dump-dom", self.url + path]
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=180,
                                env={**os.environ, "NO_PROXY": "127.0.0.1,localhost"})
        if result.returncode != 0:
            raise RuntimeError(f"chromium failed ({result.returncode}): {result.stderr[-2000:]}")
        return result.stdout

    def launch_job(self, job_name: str) -> str:
        location, repository = self.repository()
        data = self.graphql("""
            mutation Launch($params: ExecutionParams!) {
              launchRun(executionParams: $params) {
                __typename
                ... on LaunchRunSuccess { run { runId status } }
                ... on PythonError { message stack }
                ... on Error { message }
                ... on RunConfigValidationInvalid { errors { message } }
              } }""", {"params": {
            "selector": {"repositoryLocationName": location, "repositoryName": repository,
                         "jobName": job_name},
            "runConfigData": {},
            "executionMetadata": {"tags": [{"key": "launched_by", "value": "tests/ui"}]},
        }})
        result = data["launchRun"]
        if result["__typename"] != "LaunchRunSuccess":
            raise GraphQLError(f"launchRun failed: {json.dumps(result, indent=2)[:4000]}")
        return result["run"]["runId"]

    def run_status(self, run_id: str) -> str:
        data = self.graphql("""
            query Status($runId: ID!) { runOrError(runId: $runId) { __typename
                ... on Run { status } ... on Error { message } } }""", {"runId": run_id})
        run = data["runOrError"]
        if run["__typename"] != "Run":
            raise GraphQLError(f"runOrError: {run}")
        return run["status"]

    def wait_for_run(self, run_id: str, timeout: float = 150.0) -> str:
        """Poll until the run is finished; return its final status (SUCCESS, FAILURE, CANCELED)."""
        deadline = time.monotonic() + timeout
        status = "?"
        while time.monotonic() < deadline:
            self._check_alive()
            status = self.run_status(run_id)
            if status in {"SUCCESS", "FAILURE", "CANCELED"}:
                return status
            time.sleep(1.0)
        raise TimeoutError(f"run {run_id} still {status} after {timeout:.0f}s\n"
                           f"{self.run_events(run_id)}\n{self.log_tail()}")

    def run_events(self, run_id: str, limit: int = 1000, errors_only: bool = False) -> str:
        """The run's event log as text: one line per event, with error messages, stacks and causes.

        ``errors_only`` keeps ERROR-level events (step failures, the run failure) for a short report.
        """
        data = self.graphql("""
            query Logs($runId: ID!, $limit: Int) { logsForRun(runId: $runId, limit: $limit) {
                __typename
                ... on EventConnection { events { __typename
                    ... on MessageEvent { message level stepKey timestamp }
                    ... on ExecutionStepFailureEvent { error { message stack
                        cause { message stack } } }
                    ... on RunFailureEvent { error { message stack } }
                    ... on EngineEvent { error { message stack } } } }
                ... on Error { message } } }""", {"runId": run_id, "limit": limit})
        logs = data["logsForRun"]
        if logs["__typename"] != "EventConnection":
            return json.dumps(logs)
        lines = []
        for ev in logs["events"]:
            if ev["__typename"].endswith("PlannedEvent"):
                continue  # one line per asset / check the run intends to produce: noise here
            if errors_only and ev.get("level") != "ERROR":
                continue
            lines.append(f"[{ev.get('level')}] {ev['__typename']} {ev.get('stepKey') or ''}: "
                         f"{ev.get('message')}")
            err = ev.get("error")
            while err:
                lines.append(err.get("message", "") + "".join(err.get("stack") or []))
                err = err.get("cause")
        return "\n".join(lines)
