-- grain: one row per input (file, or jsonl line) that was not ingested, with why
CREATE TABLE IF NOT EXISTS rejected_inputs (
    source_path  VARCHAR NOT NULL,
    article_id   VARCHAR,
    reason       VARCHAR NOT NULL,   -- empty, not_utf8, binary, malformed_json, too_large, duplicate, no_text, ...
    detail       VARCHAR,
    seen_at      TIMESTAMP NOT NULL DEFAULT current_timestamp
);
