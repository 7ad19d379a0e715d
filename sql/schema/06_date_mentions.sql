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
