-- grain: one row per ingested article (article_id is unique across the articles folder)
CREATE TABLE IF NOT EXISTS articles (
    article_id      VARCHAR PRIMARY KEY,
    title           VARCHAR,
    published_date  DATE,            -- from metadata only; NULL when unknown, never guessed
    source          VARCHAR,
    url             VARCHAR,
    text            VARCHAR NOT NULL, -- normalised body: every char offset in the warehouse indexes this
    content_hash    VARCHAR NOT NULL, -- sha256 over title, published date and text
    source_path     VARCHAR NOT NULL, -- relative to the articles folder; "file.jsonl:3" for a jsonl line
    language        VARCHAR,
    n_chars         INTEGER NOT NULL,
    provenance      VARCHAR,
    ingested_at     TIMESTAMP NOT NULL DEFAULT current_timestamp,
    published_raw   VARCHAR,          -- the publication date exactly as the input gave it (NULL: none given)
    published_note  VARCHAR           -- why published_date is NULL although a date was given ("not an ISO date ...")
);
-- warehouses made before the columns existed
ALTER TABLE articles ADD COLUMN IF NOT EXISTS published_raw VARCHAR;
ALTER TABLE articles ADD COLUMN IF NOT EXISTS published_note VARCHAR;
