-- grain: one row per input (file, or jsonl line) that was not ingested, with why
CREATE TABLE IF NOT EXISTS rejected_inputs (
    source_path  VARCHAR NOT NULL,
    article_id   VARCHAR,
    reason       VARCHAR NOT NULL,   -- empty, not_utf8, binary, malformed_json, too_large, duplicate, no_text, ...
    detail       VARCHAR,
    seen_at      TIMESTAMP NOT NULL DEFAULT current_timestamp
);
-- column descriptions (duckdb_columns().comment; the Dagster catalog shows them)
COMMENT ON COLUMN rejected_inputs.source_path IS 'Input file (file.jsonl:3 for a jsonl line) relative to the articles folder';
COMMENT ON COLUMN rejected_inputs.article_id IS 'The article id the input would have had, when known';
COMMENT ON COLUMN rejected_inputs.reason IS 'Why it was not ingested: empty, binary, not_utf8, malformed_json, too_large, duplicate, no_text, not_english, ...';
COMMENT ON COLUMN rejected_inputs.detail IS 'Human-readable detail (the parser''s message, the size, the duplicate''s path)';
COMMENT ON COLUMN rejected_inputs.seen_at IS 'When the scan saw it';
