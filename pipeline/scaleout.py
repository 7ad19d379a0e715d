"""Scale-out interchange: extraction batches -> Parquet files -> one DuckDB writer.

Extraction is a pure function of the article batch, so batches can run anywhere (worker
processes, a Celery worker, a Kubernetes pod) as long as each one only *writes files* and a
single process merges those files into the warehouse (the single-writer rule). These functions
are that contract, with no Dagster in them:

- :func:`extract_batch_to_parquet` (runs on a worker): ``extract_chunk`` over the batch, the
  warehouse's own row builder (``store.write_extractions``) into an in-memory DuckDB with the
  contract schema, then one Parquet file per table: ``<root>/<table>/<batch_id>.parquet``.
  Typed by the schema, so every batch's files have the same columns and types.
- :func:`merge_parquet` (runs once, in the writer): per table, delete the rows of the batch's
  articles and ``INSERT ... BY NAME SELECT * FROM read_parquet($files)``, in the caller's
  transaction (``WarehouseResource.write()``). Idempotent per article, like ``write_extractions``.

``root`` is a local folder here; ``read_parquet`` accepts ``s3://``/``gs://`` URLs (DuckDB's
httpfs extension) and pyarrow writes to any fsspec/pyarrow filesystem, which is the object-storage
variant described in docs/scaling.md.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Sequence

import duckdb

from pipeline.records import Article
from pipeline.warehouse.store import EXTRACTION_TABLES, apply_schema, delete_articles, write_extractions

# The per-article tables a batch produces; extraction_state is written last so that a reader of
# the files sees "done" only for articles whose rows are all there.
BATCH_TABLES = EXTRACTION_TABLES + ("extraction_state",)


def _filesystem(root: Path | str):
    """(pyarrow filesystem, path inside it) for a local folder or a URI (``s3://bucket/prefix``)."""
    from pyarrow import fs

    root = str(root)
    if "://" in root:
        return fs.FileSystem.from_uri(root)
    return fs.LocalFileSystem(), str(Path(root).resolve())


def batch_path(root: Path | str, table: str, batch_id: str) -> str:
    """``<root>/<table>/<batch_id>.parquet`` (a local path or a URI, as ``root`` is)."""
    if table not in BATCH_TABLES:
        raise ValueError(f"unknown table {table!r}")
    return f"{str(root).rstrip('/')}/{table}/{batch_id}.parquet"


def extract_batch_to_parquet(articles: Sequence[Article], root: Path | str, batch_id: str, version: str,
                             model: str | None = None, batch_size: int = 64) -> dict[str, int]:
    """Extract one batch in this process and write its rows as Parquet; return rows per table."""
    import pyarrow.parquet as pq

    from pipeline.nlp.runner import extract_chunk

    extractions = extract_chunk(list(articles), model, batch_size)
    filesystem, base = _filesystem(root)
    local = "://" not in str(root)
    counts: dict[str, int] = {}
    con = duckdb.connect(":memory:")
    try:
        apply_schema(con)
        write_extractions(con, extractions, version)
        for table in BATCH_TABLES:  # extraction_state last: "done" only once the rows exist
            arrow = con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetch_arrow_table()
            path = f"{base}/{table}/{batch_id}.parquet"
            filesystem.create_dir(f"{base}/{table}", recursive=True)
            if local:  # write then rename, so a reader never sees half a file
                pq.write_table(arrow, path + ".tmp", filesystem=filesystem)
                filesystem.move(path + ".tmp", path)
            else:  # an object PUT is atomic already
                pq.write_table(arrow, path, filesystem=filesystem)
            counts[table] = arrow.num_rows
    finally:
        con.close()
    return counts


def batch_files(root: Path | str, table: str) -> list[str]:
    """Every ``<root>/<table>/*.parquet``, as paths/URIs DuckDB's ``read_parquet`` accepts."""
    from pyarrow import fs

    filesystem, base = _filesystem(root)
    infos = filesystem.get_file_info(fs.FileSelector(f"{base}/{table}", allow_not_found=True))
    names = sorted(i.path.rsplit("/", 1)[-1] for i in infos
                   if i.type == fs.FileType.File and i.path.endswith(".parquet"))
    return [batch_path(root, table, name[: -len(".parquet")]) for name in names]


def merge_parquet(con: duckdb.DuckDBPyConnection, root: Path | str,
                  files: dict[str, Iterable[str]] | None = None) -> dict[str, int]:
    """Merge batch files into the warehouse on ``con`` (the single writer, inside its transaction).

    ``files`` maps table -> file list/URLs; by default every ``<root>/<table>/*.parquet``.
    Rows of the articles present in the batches are replaced; returns rows inserted per table.
    """
    files = {t: list(files[t]) if files and t in files else batch_files(root, t) for t in BATCH_TABLES}
    state = files["extraction_state"]
    if not state:
        return {t: 0 for t in BATCH_TABLES}
    ids = [r[0] for r in con.execute("SELECT DISTINCT article_id FROM read_parquet($files)",
                                     {"files": state}).fetchall()]
    delete_articles(con, ids, tables=("extraction_state",) + EXTRACTION_TABLES)
    inserted = {}
    for table in BATCH_TABLES:  # extraction_state last
        if not files[table]:
            inserted[table] = 0
            continue
        before = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM read_parquet($files, union_by_name = true)",
                    {"files": files[table]})
        inserted[table] = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] - before
    return inserted


def split_batches(articles: Sequence[Article], n_batches: int) -> list[list[Article]]:
    """Contiguous, near-equal batches (order kept), none empty."""
    n_batches = max(1, min(n_batches, len(articles)))
    size, extra = divmod(len(articles), n_batches)
    out, start = [], 0
    for i in range(n_batches):
        end = start + size + (1 if i < extra else 0)
        out.append(list(articles[start:end]))
        start = end
    return out
