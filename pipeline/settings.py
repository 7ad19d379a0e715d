"""ARMS_* configuration, read when a run starts (never at import time), and the extractor version."""
from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent
SQL_DIR = REPO_DIR / "sql"
DATA_DIR = PACKAGE_DIR / "data"

DEFAULT_ARTICLES_DIR = "seeds/articles"
DEFAULT_WAREHOUSE = "warehouse/arms.duckdb"
DEFAULT_MAX_ARTICLE_BYTES = 5 * 1024 * 1024

# Bump the release part by hand for a deliberate change of output; the digest part follows any edit
# of the extractor code or its data, so a changed rule can never leave stale rows behind.
EXTRACTOR_RELEASE = "0.1"


def articles_dir() -> Path:
    return Path(os.environ.get("ARMS_ARTICLES_DIR") or DEFAULT_ARTICLES_DIR)


def warehouse_path() -> Path:
    return Path(os.environ.get("ARMS_WAREHOUSE") or DEFAULT_WAREHOUSE)


def max_article_bytes() -> int:
    raw = os.environ.get("ARMS_MAX_ARTICLE_BYTES")
    if not raw:
        return DEFAULT_MAX_ARTICLE_BYTES
    try:
        value = int(raw)
    except ValueError as exc:
        raise ValueError(f"ARMS_MAX_ARTICLE_BYTES must be a whole number of bytes, got {raw!r}") from exc
    if value <= 0:
        raise ValueError(f"ARMS_MAX_ARTICLE_BYTES must be positive, got {value}")
    return value


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


def extractor_version() -> str:
    """``<release>+<digest of pipeline/extract + pipeline/data + pipeline/nlp>``."""
    return f"{EXTRACTOR_RELEASE}+{code_digest('extract', 'data', 'nlp')}"
