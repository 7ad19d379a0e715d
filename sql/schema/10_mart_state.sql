-- grain: one row per mart: the fingerprint of the inputs it was last built from.
-- The fingerprint covers the extracted articles (ids, content hashes, extractor version), the row
-- counts of the extraction tables and the text of every mart file; when it has not changed, a run
-- keeps the mart as it is instead of rebuilding it (a no-op run rebuilds nothing).
CREATE TABLE IF NOT EXISTS mart_state (
    mart          VARCHAR PRIMARY KEY,
    input_token   VARCHAR NOT NULL,
    built_at      TIMESTAMP NOT NULL DEFAULT current_timestamp
);
-- column descriptions (duckdb_columns().comment; the Dagster catalog shows them)
COMMENT ON COLUMN mart_state.mart IS 'A mart (sql/marts/<mart>.sql)';
COMMENT ON COLUMN mart_state.input_token IS 'Digest of the mart''s inputs and of every mart file when it was last built';
COMMENT ON COLUMN mart_state.built_at IS 'When';
