-- grain: one row per numeric expression (count, money, percent, year, ...)
CREATE TABLE IF NOT EXISTS numeric_figures (
    article_id   VARCHAR NOT NULL,
    figure_id    INTEGER NOT NULL,
    sentence_id  INTEGER,
    char_start   INTEGER NOT NULL,
    char_end     INTEGER NOT NULL,
    text         VARCHAR NOT NULL,
    value        DOUBLE,
    value_low    DOUBLE,
    value_high   DOUBLE,
    qualifier    VARCHAR,   -- exact, approx, at_least, at_most, range, vague
    unit         VARCHAR,   -- count, currency, percent, year, ordinal, duration, distance, weight, other
    currency     VARCHAR,   -- ISO 4217
    item         VARCHAR,   -- the counted thing
    PRIMARY KEY (article_id, figure_id)
);
