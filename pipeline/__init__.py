"""Arms-trade news pipeline: articles -> spaCy -> DuckDB, orchestrated by Dagster."""
