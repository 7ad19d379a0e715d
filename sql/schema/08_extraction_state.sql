-- grain: one row per article whose extraction is complete; the incremental bookkeeping.
-- An article is extracted again when its content_hash or the extractor version differs.
CREATE TABLE IF NOT EXISTS extraction_state (
    article_id         VARCHAR PRIMARY KEY,
    content_hash       VARCHAR NOT NULL,
    extractor_version  VARCHAR NOT NULL,
    extracted_at       TIMESTAMP NOT NULL DEFAULT current_timestamp
);
-- column descriptions (duckdb_columns().comment; the Dagster catalog shows them)
COMMENT ON COLUMN extraction_state.article_id IS 'An article whose extraction is complete';
COMMENT ON COLUMN extraction_state.content_hash IS 'The article''s content_hash when it was extracted';
COMMENT ON COLUMN extraction_state.extractor_version IS 'The extractor version that extracted it';
COMMENT ON COLUMN extraction_state.extracted_at IS 'When';
