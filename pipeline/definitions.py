"""The one Definitions of the code location: assets, checks, jobs, schedule, sensor, resources."""

import dagster as dg

from pipeline.assets.checks import build_sql_checks
from pipeline.assets.extract import extract_mentions
from pipeline.assets.ingest import ingest_articles
from pipeline.resources import ArticlesFolderResource, NlpResource, WarehouseResource
from pipeline.sensors import build_automation

try:  # the marts group is optional while it is being built
    from pipeline.assets.marts import mart_assets
except ImportError:  # pragma: no cover
    mart_assets = []

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
    resources={
        "warehouse": WarehouseResource(),
        "nlp": NlpResource(),
        "articles_folder": ArticlesFolderResource(),
    },
)
