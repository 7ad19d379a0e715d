-- grain: one row per article whose extraction is complete; the incremental bookkeeping.
-- An article is extracted again when its content_hash or the extractor version differs.
CREATE TABLE IF NOT EXISTS extraction_state (
    article_id         VARCHAR PRIMARY KEY,
    content_hash       VARCHAR NOT NULL,
    extractor_version  VARCHAR NOT NULL,
    extracted_at       TIMESTAMP NOT NULL DEFAULT current_timestamp
);
