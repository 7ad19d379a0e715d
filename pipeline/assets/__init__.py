"""Thin Dagster assets by group: ingest, extract, marts; plus the data-quality checks."""
