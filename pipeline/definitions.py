"""The one Definitions of the code location: assets, checks, jobs, schedule, sensor, resources."""

import dagster as dg

from pipeline.assets.checks import build_sql_checks
from pipeline.assets.extract import extract_mentions
from pipeline.assets.ingest import ingest_articles
from pipeline.assets.marts import mart_assets
from pipeline.resources import ArticlesFolderResource, DaskResource, NlpResource, WarehouseResource
from pipeline.sensors import build_automation

all_assets_job = dg.define_asset_job(
    "all_assets_job", selection=dg.AssetSelection.all(),
    description="Ingest the articles folder, extract what changed, rebuild the marts.",
)
new_articles_sensor, hourly_refresh = build_automation(all_assets_job)

defs = dg.Definitions(
    assets=[ingest_articles, extract_mentions, *mart_assets],
    asset_checks=build_sql_checks(),
    jobs=[all_assets_job],
    schedules=[hourly_refresh],
    sensors=[new_articles_sensor],
    # One process per run: a step process costs ~2 s of imports and there are ~25 steps, while the
    # parallel part (the spaCy pass) already fans out to worker processes (ARMS_NLP_WORKERS).
    # Scale-out beyond one machine is ARMS_DASK_SCHEDULER (extraction batches on Dask), docs/scaling.md.
    executor=dg.in_process_executor,
    resources={
        "warehouse": WarehouseResource(),
        "nlp": NlpResource(),
        "dask": DaskResource(),      # unused unless ARMS_DASK_SCHEDULER is set (pipeline/cluster.py)
        "articles_folder": ArticlesFolderResource(),
    },
)
