"""`make run-cluster`: the whole job on a real Dask cluster of separate processes on this machine.

Starts ``dask scheduler`` and ``dask worker --nworkers N`` (each in its own process group), prints
their addresses and the dashboard, runs ``dagster asset materialize -m pipeline.definitions --select '*'``
with ``ARMS_DASK_SCHEDULER`` pointing at the scheduler, and stops the cluster afterwards, also on
Ctrl-C, SIGTERM or a failed run. The same job runs on a real cluster by setting ARMS_DASK_SCHEDULER
to its scheduler's address instead (README, docs/scaling.md).

    python -m pipeline.run_cluster [--workers 2] [--port 0] [--dashboard-port 0]
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STOP_GRACE_S = 10.0


def _start(args: list[str], log: Path) -> subprocess.Popen:
    """A ``python -m dask ...`` process in its own process group (so stopping it stops its children),
    writing to ``log``; Ctrl-C in the terminal reaches the Dagster run, not the cluster."""
    from pipeline.cluster import dask_config_environ

    with open(log, "wb") as out:
        return subprocess.Popen([sys.executable, "-m", "dask", *args], stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True, env={**dask_config_environ(), **os.environ})


def _stop(proc: subprocess.Popen, name: str) -> None:
    """SIGTERM to the process group, SIGKILL after a grace period."""
    if proc.poll() is not None:
        return
    for sig, wait_s in ((signal.SIGTERM, STOP_GRACE_S), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait_s)
            print(f"stopped {name} (pid {proc.pid})")
            return
        except subprocess.TimeoutExpired:
            continue


def _wait_for_scheduler(file: Path, proc: subprocess.Popen, log: Path, timeout_s: float = 60.0) -> dict:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"dask scheduler exited with code {proc.returncode}; its log:\n{log.read_text()}")
        if file.exists() and file.stat().st_size:
            try:
                return json.loads(file.read_text())
            except ValueError:
                pass                    # being written
        time.sleep(0.1)
    raise RuntimeError(f"dask scheduler did not start within {timeout_s:.0f} s; its log: {log}")


def _wait_for_workers(address: str, n: int, timeout_s: float = 120.0) -> list[tuple[str, int]]:
    """(address, pid) of each worker once all ``n`` have joined the scheduler."""
    from distributed import Client

    with Client(address, timeout=30) as client:
        client.wait_for_workers(n, timeout=timeout_s)
        return sorted(client.run(os.getpid).items())


def _run_dagster(address: str) -> int:
    """The job, as `make run` runs it, with the cluster configured; waits for it to wind down on Ctrl-C."""
    cmd = [str(Path(sys.executable).with_name("dagster")), "asset", "materialize",
           "-m", "pipeline.definitions", "--select", "*"]
    proc = subprocess.Popen(cmd, env={**os.environ, "ARMS_DASK_SCHEDULER": address})
    try:
        return proc.wait()
    except KeyboardInterrupt:           # Ctrl-C reached it too; SIGTERM reached only us: interrupt it, let it end
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        raise


def _print_logs(folder: Path, lines: int = 30) -> None:
    for log in sorted(folder.glob("*.log")):
        print(f"--- last lines of {log.name}:")
        print("\n".join(log.read_text(errors="replace").splitlines()[-lines:]))


def run(n_workers: int, host: str, port: int, dashboard_port: int) -> int:
    with tempfile.TemporaryDirectory(prefix="arms-dask-") as tmp:
        tmp_dir = Path(tmp)
        started: list[tuple[subprocess.Popen, str]] = []
        try:
            scheduler_file, scheduler_log = tmp_dir / "scheduler.json", tmp_dir / "scheduler.log"
            started.append((_start(["scheduler", "--host", host, "--port", str(port), "--dashboard-address",
                                    f"{host}:{dashboard_port}", "--scheduler-file", str(scheduler_file)],
                                   scheduler_log), "dask scheduler"))
            info = _wait_for_scheduler(scheduler_file, started[0][0], scheduler_log)
            address, dashboard = info["address"], info.get("services", {}).get("dashboard")
            print(f"dask scheduler: {address} (pid {started[0][0].pid}, log {scheduler_log})")
            if dashboard:
                print(f"dask dashboard: http://{host}:{dashboard}/status")
            workers_log = tmp_dir / "workers.log"
            started.append((_start(["worker", address, "--nworkers", str(n_workers), "--nthreads", "1",
                                    "--no-dashboard", "--local-directory", str(tmp_dir / "workers")],
                                   workers_log), "dask workers"))
            for worker, pid in _wait_for_workers(address, n_workers):
                print(f"dask worker:    {worker} (pid {pid}, log {workers_log})")
            print(f"running the job with ARMS_DASK_SCHEDULER={address}", flush=True)
            return _run_dagster(address)
        except KeyboardInterrupt:
            print("interrupted: stopping the cluster")
            return 130
        except Exception:
            _print_logs(tmp_dir)       # the temporary folder, logs included, goes when this returns
            raise
        finally:
            for proc, name in reversed(started):
                _stop(proc, name)


def _interrupt(signum, frame) -> None:
    """SIGTERM (a CI timeout, `kill`) must stop the cluster too: raise, so the `finally` runs."""
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=2, help="worker processes (dask worker --nworkers)")
    parser.add_argument("--host", default="127.0.0.1", help="interface to listen on (default: loopback only)")
    parser.add_argument("--port", type=int, default=0, help="scheduler port (0 = any free port)")
    parser.add_argument("--dashboard-port", type=int, default=0, help="dashboard port (0 = any free port)")
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)     # our lines in order with the run's, also when piped
    signal.signal(signal.SIGTERM, _interrupt)
    return run(args.workers, args.host, args.port, args.dashboard_port)


if __name__ == "__main__":
    sys.exit(main())
