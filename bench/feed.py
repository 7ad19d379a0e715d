"""The feed scenario of ``make bench``: N real newswire stories, mostly not about arms.

``../shared/corpora/reuters21578.jsonl.gz`` (19,043 Reuters stories of 1987, a few percent about
defence) is the pipeline's ``.jsonl`` input shape already; the first N stories are written as
``.jsonl`` files of ``STORIES_PER_FILE`` lines each (one file per story would measure the file
system, one file for all of them would pass the per-file size limit). The texts keep the wire's
hard line wraps.
"""
from __future__ import annotations

import gzip
import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FEED_CORPUS = REPO.parent / "shared" / "corpora" / "reuters21578.jsonl.gz"
STORIES_PER_FILE = 500


def feed_available(path: Path = FEED_CORPUS) -> bool:
    return path.is_file()


def _stories(path: Path, n: int | None):
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        taken = 0
        for line in fh:
            if n is not None and taken >= n:
                return
            story = json.loads(line)
            if (story.get("text") or "").strip():
                taken += 1
                yield story


def build_feed(n: int | None, out_dir: Path, path: Path = FEED_CORPUS) -> dict:
    """Write the first ``n`` stories (all when None) into ``out_dir``; return a summary."""
    out_dir.mkdir(parents=True, exist_ok=True)
    lines: list[str] = []
    written = n_chars = 0
    for story in _stories(path, n):
        lines.append(json.dumps(story, ensure_ascii=False) + "\n")
        n_chars += len(story["text"])
        written += 1
        if len(lines) == STORIES_PER_FILE:
            (out_dir / f"feed_{written // STORIES_PER_FILE:04d}.jsonl").write_text("".join(lines), encoding="utf-8")
            lines = []
    if lines:
        (out_dir / f"feed_{written // STORIES_PER_FILE + 1:04d}.jsonl").write_text("".join(lines), encoding="utf-8")
    return {"n_articles": written, "n_chars": n_chars, "dir": str(out_dir)}


def parsed_share(warehouse: Path) -> float | None:
    """Share of the stored sentences that got the parser and NER (the gate's decision)."""
    import duckdb

    if not warehouse.exists():
        return None
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        parsed, total = con.execute("SELECT count(*) FILTER (parsed), count(*) FROM sentences").fetchone()
        return round(parsed / total, 4) if total else None
    finally:
        con.close()
