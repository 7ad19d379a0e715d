-- grain: one row per articles folder: the fingerprint of its last complete scan.
-- The fingerprint covers every input file's path, size and mtime, the size limit and the ingest
-- code; when it has not changed, a run skips reading the folder (a no-op run costs ~nothing).
CREATE TABLE IF NOT EXISTS ingest_state (
    folder       VARCHAR PRIMARY KEY,
    fingerprint  VARCHAR NOT NULL,
    n_files      INTEGER NOT NULL,
    scanned_at   TIMESTAMP NOT NULL DEFAULT current_timestamp
);
-- column descriptions (duckdb_columns().comment; the Dagster catalog shows them)
COMMENT ON COLUMN ingest_state.folder IS 'Absolute path of an articles folder';
COMMENT ON COLUMN ingest_state.fingerprint IS 'Digest of every file''s path, size, mtime, ctime and inode, the size limit and the ingest code';
COMMENT ON COLUMN ingest_state.n_files IS 'Input files in the last complete scan';
COMMENT ON COLUMN ingest_state.scanned_at IS 'When';
