-- grain: one row per date expression, resolved against the publication date where possible
CREATE TABLE IF NOT EXISTS date_mentions (
    article_id   VARCHAR NOT NULL,
    date_id      INTEGER NOT NULL,
    sentence_id  INTEGER,
    char_start   INTEGER NOT NULL,
    char_end     INTEGER NOT NULL,
    text         VARCHAR NOT NULL,
    date_start   DATE,
    date_end     DATE,
    granularity  VARCHAR NOT NULL,   -- day, week, month, quarter, season, year, decade, unknown
    date_type    VARCHAR NOT NULL,   -- absolute, relative, publication
    PRIMARY KEY (article_id, date_id)
);
-- column descriptions (duckdb_columns().comment; the Dagster catalog shows them)
COMMENT ON COLUMN date_mentions.article_id IS 'Article of the date';
COMMENT ON COLUMN date_mentions.date_id IS 'Date number within the article';
COMMENT ON COLUMN date_mentions.sentence_id IS 'Sentence of the date';
COMMENT ON COLUMN date_mentions.char_start IS 'Start offset in articles.text';
COMMENT ON COLUMN date_mentions.char_end IS 'End offset (exclusive) in articles.text';
COMMENT ON COLUMN date_mentions.text IS 'The date expression as written';
COMMENT ON COLUMN date_mentions.date_start IS 'First day the expression covers';
COMMENT ON COLUMN date_mentions.date_end IS 'Last day the expression covers';
COMMENT ON COLUMN date_mentions.granularity IS 'day, week, month, quarter, season, year, decade or unknown';
COMMENT ON COLUMN date_mentions.date_type IS 'absolute, relative (resolved against the publication date) or publication';
