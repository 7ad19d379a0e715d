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
-- column descriptions (duckdb_columns().comment; the Dagster catalog shows them)
COMMENT ON COLUMN articles.article_id IS 'Article id: the input''s id field, else the file stem (<stem>-<line> for a jsonl line); unique';
COMMENT ON COLUMN articles.title IS 'Title: front matter/JSON title, <title>/<h1> of HTML, first line of a .txt';
COMMENT ON COLUMN articles.published_date IS 'Publication date from the input''s metadata; NULL when unknown, never guessed';
COMMENT ON COLUMN articles.source IS 'Publisher or origin ("example" for the bundled constructed articles)';
COMMENT ON COLUMN articles.url IS 'URL of the original article';
COMMENT ON COLUMN articles.text IS 'Normalised body: every character offset in the warehouse indexes this text';
COMMENT ON COLUMN articles.content_hash IS 'sha256 over title, published date and text; a changed hash re-extracts the article';
COMMENT ON COLUMN articles.source_path IS 'Input file relative to the articles folder; file.jsonl:3 for a jsonl line';
COMMENT ON COLUMN articles.language IS 'Language of the text (always en: other languages are rejected as not_english)';
COMMENT ON COLUMN articles.n_chars IS 'Length of text in characters';
COMMENT ON COLUMN articles.provenance IS 'Free-text provenance field of the input, when it has one';
COMMENT ON COLUMN articles.ingested_at IS 'When this version of the article was stored';
COMMENT ON COLUMN articles.published_raw IS 'The publication date exactly as the input gave it (NULL: none given)';
COMMENT ON COLUMN articles.published_note IS 'Why published_date is NULL although a date was given (e.g. not an ISO date)';
