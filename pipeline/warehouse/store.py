"""All writes to the contract tables: schema, per-article replace, removal.

Functions take an open DuckDB connection (from ``WarehouseResource.write()``, which holds the
single-writer lock and the transaction). Data always travels as registered DataFrames or
``$parameters``; table names come only from the constants below, never from data.
"""
from __future__ import annotations

import bisect
import dataclasses
import hashlib
from pathlib import Path
from typing import Iterable, Sequence

import duckdb
import pandas as pd

from pipeline.records import Article, ArticleExtraction, Reject
from pipeline.settings import SQL_DIR

# Tables whose rows belong to one article (deleted and re-inserted together).
EXTRACTION_TABLES = ("sentences", "entity_mentions", "numeric_figures", "date_mentions",
                     "arms_transfer_mentions")
ARTICLE_TABLES = ("articles", "extraction_state") + EXTRACTION_TABLES


SCHEMA_STATE_DDL = "CREATE TABLE IF NOT EXISTS schema_state (digest VARCHAR NOT NULL, applied_at TIMESTAMP)"


def apply_schema(con: duckdb.DuckDBPyConnection, schema_dir: Path = SQL_DIR / "schema") -> None:
    """Run every DDL file (CREATE ... IF NOT EXISTS, ALTER ... IF NOT EXISTS, COMMENT ON COLUMN), unless
    the warehouse already has exactly these files applied: a writer opens the warehouse for every chunk,
    and re-writing a hundred column comments each time would cost a catalog write per statement."""
    texts = [ddl.read_text(encoding="utf-8") for ddl in sorted(schema_dir.glob("*.sql"))]
    digest = hashlib.sha256("\0".join(texts).encode()).hexdigest()
    try:
        applied = con.execute("SELECT digest FROM schema_state").fetchone()
    except duckdb.CatalogException:
        applied = None
    if applied is not None and applied[0] == digest:
        return
    for text in texts:
        for statement in duckdb.extract_statements(text):
            try:
                con.execute(statement)
            except (duckdb.BinderException, duckdb.CatalogException):
                # a column description for a column an older warehouse lacks is not worth failing a run
                if not statement.query.lstrip().upper().startswith("COMMENT ON"):
                    raise
    con.execute(SCHEMA_STATE_DDL)
    con.execute("DELETE FROM schema_state")
    con.execute("INSERT INTO schema_state VALUES ($digest, current_timestamp)", {"digest": digest})


def _ids_frame(ids: Iterable[str]) -> pd.DataFrame:
    return pd.DataFrame({"article_id": pd.Series(list(ids), dtype="object")})


def delete_articles(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str],
                    tables: Sequence[str] = ARTICLE_TABLES) -> None:
    if not article_ids:
        return
    con.register("_ids", _ids_frame(article_ids))
    try:
        for table in tables:
            con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT article_id FROM _ids)")
    finally:
        con.unregister("_ids")


def _insert(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    if frame.empty:
        return
    con.register("_rows", frame)
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _rows")
    finally:
        con.unregister("_rows")


def upsert_articles(con: duckdb.DuckDBPyConnection, articles: Sequence[Article]) -> None:
    """Replace the ``articles`` rows of these ids (their extraction rows are left to re-extraction)."""
    if not articles:
        return
    delete_articles(con, [a.article_id for a in articles], tables=("articles",))
    frame = pd.DataFrame([
        {
            "article_id": a.article_id, "title": a.title, "published_date": a.published_date,
            "source": a.source, "url": a.url, "text": a.text, "content_hash": a.content_hash,
            "source_path": a.source_path, "language": a.language, "n_chars": len(a.text),
            "provenance": a.provenance, "published_raw": a.published_raw,
            "published_note": a.published_note,
        }
        for a in articles
    ])
    frame["published_date"] = pd.to_datetime(frame["published_date"]).dt.date
    _insert(con, "articles", frame)


def replace_rejects(con: duckdb.DuckDBPyConnection, rejects: Sequence[Reject]) -> None:
    """``rejected_inputs`` mirrors the folder as it is now: the last scan's rejects, all of them."""
    con.execute("DELETE FROM rejected_inputs")
    _insert(con, "rejected_inputs", pd.DataFrame(
        [{"source_path": r.source_path, "article_id": r.article_id, "reason": r.reason,
          "detail": r.detail} for r in rejects],
        columns=["source_path", "article_id", "reason", "detail"]))


def _sentence_index(sentences: Sequence[tuple[int, int, str]]):
    starts = [s for s, _, _ in sentences]

    def sentence_of(char_start: int) -> int | None:
        i = bisect.bisect_right(starts, char_start) - 1
        return i if i >= 0 else None

    return sentence_of


def extraction_frames(extractions: Sequence[ArticleExtraction], version: str) -> dict[str, pd.DataFrame]:
    """Rows for every extraction table, with sentence ids and per-article mention ids assigned."""
    rows: dict[str, list[dict]] = {t: [] for t in EXTRACTION_TABLES}
    for ex in extractions:
        aid = ex.article_id
        sentence_of = _sentence_index(ex.sentences)
        parsed = ex.parsed if ex.parsed is not None else [None] * len(ex.sentences)
        for i, ((start, end, text), was_parsed) in enumerate(zip(ex.sentences, parsed)):
            rows["sentences"].append({"article_id": aid, "sentence_id": i, "char_start": start,
                                      "char_end": end, "text": text, "parsed": was_parsed})
        for table, id_col, records in (("entity_mentions", "mention_id", ex.entities),
                                       ("numeric_figures", "figure_id", ex.figures),
                                       ("date_mentions", "date_id", ex.dates),
                                       ("arms_transfer_mentions", "mention_id", ex.transfers)):
            for i, rec in enumerate(records):
                row = dataclasses.asdict(rec)
                row.update(article_id=aid, sentence_id=sentence_of(rec.char_start))
                row[id_col] = i
                if table == "arms_transfer_mentions":
                    row["extractor_version"] = version
                rows[table].append(row)
    frames = {}
    for table, table_rows in rows.items():
        frame = pd.DataFrame(table_rows)
        for col in ("date_start", "date_end"):
            if col in frame:
                frame[col] = pd.to_datetime(frame[col]).dt.date
        frames[table] = frame
    return frames


def write_extractions(con: duckdb.DuckDBPyConnection, extractions: Sequence[ArticleExtraction],
                      version: str) -> None:
    """Replace all extraction rows of these articles and mark them done, in the caller's transaction."""
    if not extractions:
        return
    ids = [ex.article_id for ex in extractions]
    delete_articles(con, ids, tables=("extraction_state",) + EXTRACTION_TABLES)
    for table, frame in extraction_frames(extractions, version).items():
        _insert(con, table, frame)
    _insert(con, "extraction_state", pd.DataFrame({
        "article_id": ids, "content_hash": [ex.content_hash for ex in extractions],
        "extractor_version": [version] * len(ids)}))


def table_counts(con: duckdb.DuckDBPyConnection, tables: Iterable[str]) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
