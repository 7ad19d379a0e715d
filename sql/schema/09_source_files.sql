-- grain: one row per input file seen in the articles folder; lets ingest skip unchanged files
-- (same size and mtime) without reading them.
CREATE TABLE IF NOT EXISTS source_files (
    source_path  VARCHAR PRIMARY KEY,
    size_bytes   BIGINT NOT NULL,
    mtime_ns     BIGINT NOT NULL,
    seen_at      TIMESTAMP NOT NULL DEFAULT current_timestamp
);
