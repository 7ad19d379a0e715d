"""The DuckDB warehouse: one writer, schema from sql/schema, idempotent per-article writes."""
