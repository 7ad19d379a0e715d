"""Ingest group: the articles folder -> ``articles`` + ``rejected_inputs``.

A run first compares the folder's fingerprint (every file's path, size, mtime, ctime and inode, the size limit,
the ingest code) with the last scan's: unchanged, nothing is read. Otherwise it scans the whole
folder (read + hash) and writes only what changed: new or edited articles are replaced, articles
whose file disappeared are removed with all their rows.
"""

import hashlib
from collections import Counter

import dagster as dg

from pipeline.assets.preview import markdown_preview
from pipeline.ingest import scan
from pipeline.resources import ArticlesFolderResource, WarehouseResource
from pipeline.sensors import folder_fingerprint
from pipeline.settings import code_digest
from pipeline.warehouse.store import delete_articles, replace_rejects, upsert_articles


@dg.multi_asset(
    specs=[
        dg.AssetSpec("articles", group_name="ingest", kinds={"duckdb"},
                     description="One row per ingested article: normalised text, metadata, content hash."),
        dg.AssetSpec("rejected_inputs", group_name="ingest", kinds={"duckdb"},
                     description="Every input that was not ingested, with the reason and detail."),
    ],
    pool="arms_warehouse",
)
def ingest_articles(context: dg.AssetExecutionContext, articles_folder: ArticlesFolderResource,
                    warehouse: WarehouseResource):
    root = articles_folder.resolved_path()
    if not root.is_dir():
        raise dg.Failure(
            description=f"articles folder {root} does not exist or is not a folder",
            metadata={"ARMS_ARTICLES_DIR": str(root)},
        )
    max_bytes = articles_folder.resolved_max_bytes()
    folder_key = str(root.resolve())
    listing, n_listed = folder_fingerprint(root)
    fingerprint = hashlib.sha256(f"{listing}|{max_bytes}|{code_digest('ingest')}".encode()).hexdigest()
    with warehouse.write() as con:
        last = con.execute("SELECT fingerprint FROM ingest_state WHERE folder = $folder",
                           {"folder": folder_key}).fetchone()
        if last and last[0] == fingerprint:
            n_articles, n_rejected = con.execute(
                "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM rejected_inputs)").fetchone()
            unchanged = True
        else:
            unchanged = False
    if unchanged:
        context.log.info(f"{root}: no file added, edited or removed since the last scan ({n_listed} files); "
                         "nothing to ingest")
        yield dg.MaterializeResult(asset_key="articles", metadata={
            "dagster/row_count": n_articles, "files_scanned": 0, "new": 0, "changed": 0, "removed": 0,
            "folder": str(root)})
        yield dg.MaterializeResult(asset_key="rejected_inputs", metadata={"dagster/row_count": n_rejected})
        return
    result = scan(root, max_bytes)
    context.log.info(f"scanned {root}: {result.n_files} files -> {len(result.articles)} articles, "
                     f"{len(result.rejects)} rejected")
    with warehouse.write() as con:
        stored = dict(con.execute("SELECT article_id, content_hash || source_path FROM articles").fetchall())
        changed = [a for a in result.articles if stored.get(a.article_id) != a.content_hash + a.source_path]
        present = {a.article_id for a in result.articles}
        removed = sorted(set(stored) - present)
        delete_articles(con, removed)
        upsert_articles(con, changed)
        replace_rejects(con, result.rejects)
        con.execute("INSERT OR REPLACE INTO ingest_state (folder, fingerprint, n_files) VALUES ($f, $fp, $n)",
                    {"f": folder_key, "fp": fingerprint, "n": result.n_files})
        n_articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        article_preview = markdown_preview(
            con, "SELECT article_id, title, published_date, source, n_chars FROM articles "
                 "ORDER BY published_date DESC NULLS LAST, article_id")
        reject_preview = markdown_preview(
            con, "SELECT source_path, reason, detail FROM rejected_inputs ORDER BY source_path")
    new = sum(1 for a in result.articles if a.article_id not in stored)
    context.log.info(f"articles: {new} new, {len(changed) - new} changed, {len(removed)} removed")
    reasons = Counter(r.reason for r in result.rejects)
    yield dg.MaterializeResult(asset_key="articles", metadata={
        "dagster/row_count": n_articles, "files_scanned": result.n_files, "new": new,
        "changed": len(changed) - new, "removed": len(removed), "folder": str(root),
        "preview": article_preview,
    })
    yield dg.MaterializeResult(asset_key="rejected_inputs", metadata={
        "dagster/row_count": len(result.rejects),
        "by_reason": dg.MetadataValue.json(dict(sorted(reasons.items()))),
        "preview": reject_preview,
    })
