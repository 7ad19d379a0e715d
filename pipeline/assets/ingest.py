"""Ingest group: the articles folder -> ``articles`` + ``rejected_inputs``.

A run first compares the folder's fingerprint (every file's path, size, mtime, ctime and inode, the size limit,
the ingest code) with the last scan's: unchanged, nothing is read. Otherwise it scans the whole
folder (read + hash) and writes only what changed: new or edited articles are replaced, articles
whose file disappeared are removed with all their rows - unless the scan would remove all or most
of the warehouse (``pipeline.ingest.removal``): then the run fails and nothing is written.
"""

import hashlib
from collections import Counter

import dagster as dg

from pipeline.assets.catalog import LAYER_TAGS, OWNERS, table_metadata
from pipeline.assets.preview import markdown_preview
from pipeline.ingest import scan
from pipeline.ingest.removal import mass_removal_problem
from pipeline.resources import ArticlesFolderResource, WarehouseResource
from pipeline.sensors import folder_fingerprint
from pipeline.settings import code_digest
from pipeline.warehouse.store import delete_articles, replace_rejects, upsert_articles


@dg.multi_asset(
    specs=[
        dg.AssetSpec("articles", group_name="ingest", kinds={"duckdb"}, owners=OWNERS, tags=LAYER_TAGS["ingest"],
                     description="One row per ingested article: normalised text, metadata, content hash."),
        dg.AssetSpec("rejected_inputs", group_name="ingest", kinds={"duckdb"}, owners=OWNERS,
                     tags=LAYER_TAGS["ingest"],
                     description="Every input that was not ingested, with the reason and detail."),
    ],
    pool="arms_warehouse",
)
def ingest_articles(context: dg.AssetExecutionContext, articles_folder: ArticlesFolderResource,
                    warehouse: WarehouseResource):
    root = articles_folder.resolved_path()
    _require_folder(root)
    max_bytes = articles_folder.resolved_max_bytes()
    folder_key = str(root.resolve())
    listing, n_listed = folder_fingerprint(root)
    fingerprint = hashlib.sha256(f"{listing}|{max_bytes}|{code_digest('ingest')}".encode()).hexdigest()
    unchanged = _unchanged_folder(warehouse, root, folder_key, fingerprint)
    if unchanged:
        context.log.info(f"{root}: no file added, edited or removed since the last scan ({n_listed} files); "
                         "nothing to ingest")
        yield from unchanged
        return
    result = scan(root, max_bytes)
    context.log.info(f"scanned {root}: {result.n_files} files -> {len(result.articles)} articles, "
                     f"{len(result.rejects)} rejected")
    with warehouse.write() as con:
        stored = {aid: key for aid, *key in con.execute(
            "SELECT article_id, content_hash, source_path, published_raw FROM articles").fetchall()}
        changed = [a for a in result.articles
                   if stored.get(a.article_id) != [a.content_hash, a.source_path, a.published_raw]]
        present = {a.article_id for a in result.articles}
        removed = sorted(set(stored) - present)
        problem = mass_removal_problem(len(stored), len(removed), result.n_files,
                                       articles_folder.resolved_max_removal_share())
        if problem and not articles_folder.resolved_allow_mass_removal():
            # raised inside the transaction: it rolls back, nothing is removed or added
            raise dg.Failure(
                description=(f"refusing to ingest {root}: {problem}. Nothing was changed. A warehouse "
                             "mirrors one folder: check ARMS_ARTICLES_DIR, or set ARMS_ALLOW_MASS_REMOVAL=1 "
                             "for this run if the removal is intended."),
                metadata={"folder": str(root), "stored": len(stored), "would_remove": len(removed),
                          "files_scanned": result.n_files, "sample": ", ".join(removed[:10])},
            )
        if problem:
            context.log.warning(f"{problem}; going ahead because ARMS_ALLOW_MASS_REMOVAL is set")
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
        catalog = {t: table_metadata(con, t) for t in ("articles", "rejected_inputs")}
    new = sum(1 for a in result.articles if a.article_id not in stored)
    undated = _log_changes(context.log, root, result, new, len(changed) - new, removed, len(stored))
    reasons = Counter(r.reason for r in result.rejects)
    yield dg.MaterializeResult(asset_key="articles", metadata={
        "dagster/row_count": n_articles, "files_scanned": result.n_files, "new": new,
        "changed": len(changed) - new, "removed": len(removed), "folder": str(root),
        "unparsed_published_dates": len(undated), "preview": article_preview, **catalog["articles"],
    })
    yield dg.MaterializeResult(asset_key="rejected_inputs", metadata={
        "dagster/row_count": len(result.rejects),
        "by_reason": dg.MetadataValue.json(dict(sorted(reasons.items()))),
        "preview": reject_preview, **catalog["rejected_inputs"],
    })


def _unchanged_folder(warehouse: WarehouseResource, root, folder_key: str,
                      fingerprint: str) -> list[dg.MaterializeResult]:
    """When the folder is as the last scan left it: the two materialisations, without reading a file."""
    with warehouse.write() as con:
        last = con.execute("SELECT fingerprint FROM ingest_state WHERE folder = $folder",
                           {"folder": folder_key}).fetchone()
        if not last or last[0] != fingerprint:
            return []
        n_articles, n_rejected = con.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM rejected_inputs)").fetchone()
        catalog = {t: table_metadata(con, t) for t in ("articles", "rejected_inputs")}
    return [
        dg.MaterializeResult(asset_key="articles", metadata={
            "dagster/row_count": n_articles, "files_scanned": 0, "new": 0, "changed": 0, "removed": 0,
            "folder": str(root), **catalog["articles"]}),
        dg.MaterializeResult(asset_key="rejected_inputs", metadata={
            "dagster/row_count": n_rejected, **catalog["rejected_inputs"]}),
    ]


def _require_folder(root) -> None:
    """A missing folder fails the run with the variable to fix (a scan would find nothing and stop later)."""
    if not root.is_dir():
        raise dg.Failure(
            description=(f"articles folder {root} does not exist or is not a folder. Fix: set ARMS_ARTICLES_DIR "
                         "to the folder that holds the articles (default seeds/articles)"),
            metadata={"ARMS_ARTICLES_DIR": str(root)},
        )


def _log_changes(log, root, result, new: int, changed: int, removed: list[str], n_stored: int) -> list:
    """The run log's account of what the scan changed; returns the articles kept without a usable date."""
    log.info(f"articles: {new} new, {changed} changed, {len(removed)} removed (of {n_stored} stored before)")
    if removed:
        log.warning(f"removed {len(removed)} articles whose file is gone from {root}: "
                    f"{', '.join(removed[:10])}{' ...' if len(removed) > 10 else ''}")
    undated = [a for a in result.articles if a.published_note]
    if undated:
        examples = "; ".join(f"{a.article_id}: {a.published_raw!r}" for a in undated[:5])
        log.warning(f"{len(undated)} articles kept with published_date NULL because their date is not "
                    f"an ISO date ({examples}{' ...' if len(undated) > 5 else ''}); "
                    "see articles.published_raw / published_note")
    return undated
