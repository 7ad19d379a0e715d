-- grain: one row per sentence of an article (the spaCy model's sentence recogniser, senter)
CREATE TABLE IF NOT EXISTS sentences (
    article_id   VARCHAR NOT NULL,
    sentence_id  INTEGER NOT NULL,   -- 0-based position in the article
    char_start   INTEGER NOT NULL,
    char_end     INTEGER NOT NULL,
    text         VARCHAR NOT NULL,
    parsed       BOOLEAN,            -- got the parser and NER (ARMS_NLP_DEPTH=gated parses only where a transfer can be)
    PRIMARY KEY (article_id, sentence_id)
);
-- warehouses made before the two-tier NLP
ALTER TABLE sentences ADD COLUMN IF NOT EXISTS parsed BOOLEAN;
-- column descriptions (duckdb_columns().comment; the Dagster catalog shows them)
COMMENT ON COLUMN sentences.article_id IS 'Article of the sentence';
COMMENT ON COLUMN sentences.sentence_id IS '0-based position of the sentence in the article';
COMMENT ON COLUMN sentences.char_start IS 'Start offset in articles.text';
COMMENT ON COLUMN sentences.char_end IS 'End offset (exclusive) in articles.text';
COMMENT ON COLUMN sentences.text IS 'The sentence text (= substring of articles.text)';
COMMENT ON COLUMN sentences.parsed IS 'true: the sentence got the parser and NER; false: only the cheap tier (ARMS_NLP_DEPTH=gated parses only where a transfer can be)';
