"""``python -m pipeline.materialize``: run ``all_assets_job`` the way ``make run`` wants it on a console.

``dagster asset materialize`` prints every framework event at DEBUG, deprecation warnings, and on a
failure a stack trace per event plus one "Not executing" line per skipped step around the one useful
sentence. This runs the same job with the same instance ($DAGSTER_HOME, so the run shows in
``make ui``), prints the pipeline's own INFO lines (progress, counts, warnings, failed checks) one per
line, and on failure one paragraph: what went wrong, and what to change (which variable, which path).
``--verbose`` restores Dagster's own console logger at DEBUG.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
import textwrap
import time
import warnings

import dagster as dg

from pipeline import settings

JOB = "all_assets_job"
NOT_EXECUTING = "Not executing."      # Dagster's per-step line after an upstream failure


class _ConsoleFormatter(logging.Formatter):
    """``12:03:04 extract_mentions  extracted 200/1000 articles ...``: the step and the message."""

    def format(self, record: logging.LogRecord) -> str:
        meta = getattr(record, "dagster_meta", None) or {}
        step = meta.get("step_key") or "run"
        message = meta.get("orig_message") or record.getMessage()
        level = "" if record.levelno < logging.WARNING else f"{record.levelname}: "
        return f"{time.strftime('%H:%M:%S', time.localtime(record.created))} {step:<22} {level}{message}"


def _check_failure_line(event) -> str | None:
    """A failed asset check as one line (framework events are otherwise not shown)."""
    data = event.event_specific_data
    if event.event_type_value != "ASSET_CHECK_EVALUATION" or data.passed:
        return None
    rows = data.metadata.get("offending_rows")
    count = f" ({rows.value} row{'' if rows.value == 1 else 's'})" if rows is not None else ""
    return (f"check {data.check_name} on {data.asset_key.to_user_string()} failed "
            f"[{data.severity.value}]{count}")


class _UserMessagesOnly(logging.Filter):
    """Keep the pipeline's own messages (at ``level`` and above) and failed checks (Dagster logs those
    events at DEBUG); drop Dagster's step/run bookkeeping."""

    def __init__(self, level: int = logging.INFO):
        super().__init__()
        self.level = level

    def filter(self, record: logging.LogRecord) -> bool:
        meta = getattr(record, "dagster_meta", None) or {}
        event = meta.get("dagster_event")
        if event is not None:
            line = _check_failure_line(event)
            if line is None:
                return False
            record.dagster_meta = {**meta, "orig_message": line}
            record.levelno, record.levelname = logging.WARNING, "WARNING"
            return True
        if record.levelno < self.level:
            return False
        return NOT_EXECUTING not in str(meta.get("orig_message") or record.getMessage())


@dg.logger(config_schema={"log_level": dg.Field(str, default_value="INFO")},
           description="One line per pipeline message; no framework events, no stack traces.")
def progress_console_logger(init_context: dg.InitLoggerContext) -> logging.Logger:
    log = logging.Logger("arms_pipeline", level=logging.DEBUG)   # the filter applies the level
    handler = logging.StreamHandler(sys.stdout)
    handler.addFilter(_UserMessagesOnly(logging.getLevelName(init_context.logger_config["log_level"].upper())))
    handler.setFormatter(_ConsoleFormatter())
    log.addHandler(handler)
    return log


# ----------------------------------------------------------------------------- the failure paragraph
def _innermost(error):
    """The root cause of a serialised error chain: the pipeline's own exception, not Dagster's wrappers."""
    while error is not None and error.cause is not None:
        error = error.cause
    return error


def _message(error) -> str:
    """The exception's message without its ``module.Class: `` prefix."""
    text = (error.message or "").strip()
    head, sep, rest = text.partition(": ")
    if sep and head.split(".")[-1] == error.cls_name:
        text = rest.strip()
    return " ".join(text.split())


def _hint(cls_name: str) -> str:
    """What to do about a known kind of failure; names the variable and the path to check."""
    warehouse, articles = settings.warehouse_path(), settings.articles_dir()
    if cls_name == "SettingsError":
        return ("Fix: correct that variable (every ARMS_* variable is listed in README.md, "
                "Configuration) and run again; nothing was written.")
    if cls_name == "Failure":
        return "Nothing was written by the failed step."
    if cls_name == "WarehouseBusy":
        return (f"Fix: another process holds the warehouse ARMS_WAREHOUSE={warehouse}: let that run finish, "
                "or close the open session (`make sql`, a notebook), then run again.")
    if cls_name in {"PermissionError", "FileNotFoundError", "IsADirectoryError", "NotADirectoryError",
                    "OSError", "IOException", "PermissionException"}:
        return (f"Fix: check that ARMS_WAREHOUSE={warehouse} is a file in a folder this user can write, and "
                f"that ARMS_ARTICLES_DIR={articles} is a readable folder.")
    return ("This looks like a bug in the pipeline: the full stack trace is in the Dagster UI (`make ui`, "
            "Runs) or on the console with `python -m pipeline.materialize --verbose`.")


def failure_paragraph(result) -> str:
    """One paragraph for a failed run: where it failed, why, and what to change."""
    failures = [e for e in result.all_events
                if e.event_type_value in ("STEP_FAILURE", "RESOURCE_INIT_FAILURE")]
    failures = failures or [e for e in result.all_events if e.event_type_value in ("PIPELINE_FAILURE", "RUN_FAILURE")]
    event = failures[0] if failures else None
    error = _innermost(getattr(event.event_specific_data, "error", None)) if event else None
    where = f"step {event.step_key}" if event is not None and event.step_key else "run start"
    why = _message(error) if error is not None else (event.message if event else "unknown error")
    hint = _hint(error.cls_name if error is not None else "")
    text = f"make run failed at {where}: {why.rstrip('.')}. {hint} (Dagster run {result.run_id})"
    return textwrap.fill(text, width=100, break_long_words=False, break_on_hyphens=False)


# ----------------------------------------------------------------------------- running the job
def _quiet_framework_warnings() -> None:
    """Dagster's beta/preview/superseded-API notices concern our code, not the operator: hide them only."""
    for category in (dg.BetaWarning, dg.PreviewWarning, dg.SupersessionWarning):
        warnings.filterwarnings("ignore", category=category)


def _instance() -> dg.DagsterInstance:
    """$DAGSTER_HOME's instance (runs show in `make ui`); an ephemeral one when it is unset."""
    return dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else dg.DagsterInstance.ephemeral()


def run(verbose: bool = False, instance: dg.DagsterInstance | None = None):
    """Execute every asset and check of the code location once; return the in-process result."""
    from pipeline.definitions import defs

    job = defs.resolve_job_def(JOB)
    if verbose:
        run_config = {"loggers": {"console": {"config": {"log_level": "DEBUG"}}}}
    else:
        job = job.with_logger_defs({"console": progress_console_logger})
        run_config = {"loggers": {"console": {"config": {"log_level": "INFO"}}}}
    return job.execute_in_process(run_config=run_config, instance=instance or _instance(), raise_on_error=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.materialize", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--verbose", action="store_true", help="Dagster's own console log at DEBUG, stacks included")
    args = parser.parse_args(argv)
    if not args.verbose:
        _quiet_framework_warnings()
    result = run(verbose=args.verbose)
    if result.success:
        return 0
    print(failure_paragraph(result), file=sys.stderr)
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
