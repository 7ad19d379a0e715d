"""Extract group: one spaCy pass per pending article -> sentences, entities, figures, dates, transfers.

An article is pending when it has no ``extraction_state`` row for its current content hash and
extractor version. Chunks are written as they finish, each in its own transaction, so an
interrupted run keeps what it finished and the next run picks up the rest. With ARMS_DASK_SCHEDULER
set, the batches run on a Dask cluster instead and are merged batch by batch (pipeline/cluster.py).
"""

from typing import Iterator

import dagster as dg

from pipeline.assets.catalog import LAYER_TAGS, OWNERS, table_metadata
from pipeline.assets.preview import markdown_preview
from pipeline.cluster import extract_on_dask
from pipeline.nlp.runner import plan_workers, run_extraction
from pipeline.progress import Progress
from pipeline.records import Article
from pipeline.resources import DaskResource, NlpResource, WarehouseResource, cpu_count
from pipeline.settings import extractor_version
from pipeline.warehouse.store import EXTRACTION_TABLES, table_counts, write_extractions

EXTRACT_DESCRIPTIONS = {
    "sentences": "Sentences of every article (spaCy boundaries), offsets into articles.text.",
    "entity_mentions": "Countries (ISO3), organisations, companies, groups, people and weapons (category).",
    "numeric_figures": "Numbers with value/range/qualifier/unit/currency and the counted item.",
    "date_mentions": "Date expressions resolved against the publication date, with granularity.",
    "arms_transfer_mentions": "Who supplies what weapons to whom, how many, at what stage, when, with evidence.",
}
PENDING_SQL = """
SELECT a.article_id, a.content_hash
FROM articles a
LEFT JOIN extraction_state s USING (article_id)
WHERE s.article_id IS NULL OR s.content_hash <> a.content_hash OR s.extractor_version <> $version
ORDER BY a.article_id
"""
ARTICLES_SQL = """
SELECT article_id, text, title, published_date, content_hash
FROM articles WHERE list_contains($ids, article_id) ORDER BY article_id
"""
# Article texts are read from the warehouse this many at a time, so memory stays flat.
READ_BATCH = 500


def _stream_articles(warehouse: WarehouseResource, ids: list[str]) -> Iterator[Article]:
    for i in range(0, len(ids), READ_BATCH):
        with warehouse.write() as con:   # the writer's lock, briefly: never nested with a write
            rows = con.execute(ARTICLES_SQL, {"ids": ids[i:i + READ_BATCH]}).fetchall()
        for article_id, text, title, published, content_hash in rows:
            yield Article(article_id=article_id, text=text, title=title, published_date=published,
                          content_hash=content_hash)


@dg.multi_asset(
    specs=[dg.AssetSpec(name, group_name="extract", deps=["articles"], kinds={"spacy", "duckdb"},
                        owners=OWNERS, tags=LAYER_TAGS["extract"], description=desc)
           for name, desc in EXTRACT_DESCRIPTIONS.items()],
    pool="arms_warehouse",
)
def extract_mentions(context: dg.AssetExecutionContext, nlp: NlpResource, warehouse: WarehouseResource,
                     dask: DaskResource):
    # One NLP pass per warehouse at a time: a concurrent run waits here ("waiting for the warehouse lock
    # held by PID n"), then reads what is still pending, so it never redoes what the other run finished.
    with warehouse.extraction_turn():
        yield from _extract(context, nlp, warehouse, dask)


def _extract(context: dg.AssetExecutionContext, nlp: NlpResource, warehouse: WarehouseResource,
             dask: DaskResource) -> Iterator[dg.MaterializeResult]:
    model = nlp.resolved_model()
    version = extractor_version(model)
    with warehouse.write() as con:
        hashes = dict(con.execute(PENDING_SQL, {"version": version}).fetchall())
    total = len(hashes)
    context.log.info(f"{total} articles need NLP (extractor {version})")
    dask_metadata, local_ids = {}, list(hashes)
    if total and dask.enabled():   # ARMS_DASK_SCHEDULER set: batches on a Dask cluster, merged here by the one writer
        dask_metadata = extract_on_dask(dask, warehouse, _stream_articles(warehouse, local_ids), total=total,
                                        run_id=context.run.run_id, version=version, model=model,
                                        nlp_batch_size=nlp.batch_size, log=context.log.info)
        local_ids = []
    workers, chunk_size = plan_workers(len(local_ids), nlp.resolved_workers(), nlp.resolved_chunk_size(), cpu_count())
    if local_ids:
        context.log.info(f"{workers} worker process(es), {chunk_size} articles per chunk")
    progress = Progress(len(local_ids))     # after the first chunk, then at most every 10 s: done/total, rate, ETA
    for extractions in run_extraction(_stream_articles(warehouse, local_ids), model=model, n_workers=workers,
                                      chunk_size=chunk_size, batch_size=nlp.batch_size):
        with warehouse.write() as con:
            write_extractions(con, extractions, version)
        line = progress.advance(len(extractions))
        if line:
            context.log.info(line)
    with warehouse.write() as con:
        counts = table_counts(con, EXTRACTION_TABLES)
        catalog = {table: table_metadata(con, table) for table in EXTRACT_DESCRIPTIONS}
        previews = {
            "entity_mentions": markdown_preview(con, "SELECT label, canonical_name, country_iso3, weapon_category, "
                                                "count(*) AS mentions FROM entity_mentions GROUP BY ALL "
                                                "ORDER BY mentions DESC, label, canonical_name NULLS LAST"),
            "arms_transfer_mentions": markdown_preview(
                con, "SELECT article_id, supplier_name, recipient_name, weapon_text, weapon_category, stage, "
                     "quantity_text, date_text FROM arms_transfer_mentions ORDER BY confidence DESC, article_id, mention_id"),
        }
    for table in EXTRACT_DESCRIPTIONS:
        metadata = {"dagster/row_count": counts[table], "articles_extracted_this_run": total,
                    "extractor_version": version, **dask_metadata, **catalog[table]}
        if table in previews:
            metadata["preview"] = previews[table]
        yield dg.MaterializeResult(asset_key=table, metadata=metadata)
