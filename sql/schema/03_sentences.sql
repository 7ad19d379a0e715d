-- grain: one row per sentence of an article (spaCy's sentence boundaries)
CREATE TABLE IF NOT EXISTS sentences (
    article_id   VARCHAR NOT NULL,
    sentence_id  INTEGER NOT NULL,   -- 0-based position in the article
    char_start   INTEGER NOT NULL,
    char_end     INTEGER NOT NULL,
    text         VARCHAR NOT NULL,
    PRIMARY KEY (article_id, sentence_id)
);
