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
