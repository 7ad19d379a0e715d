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
-- column descriptions (duckdb_columns().comment; the Dagster catalog shows them)
COMMENT ON COLUMN numeric_figures.article_id IS 'Article of the figure';
COMMENT ON COLUMN numeric_figures.figure_id IS 'Figure number within the article';
COMMENT ON COLUMN numeric_figures.sentence_id IS 'Sentence of the figure';
COMMENT ON COLUMN numeric_figures.char_start IS 'Start offset in articles.text';
COMMENT ON COLUMN numeric_figures.char_end IS 'End offset (exclusive) in articles.text';
COMMENT ON COLUMN numeric_figures.text IS 'The figure as written ("about 24", "$3 billion")';
COMMENT ON COLUMN numeric_figures.value IS 'The number (NULL for a vague figure such as "dozens")';
COMMENT ON COLUMN numeric_figures.value_low IS 'Lower bound of a range or at_least figure';
COMMENT ON COLUMN numeric_figures.value_high IS 'Upper bound of a range or at_most figure';
COMMENT ON COLUMN numeric_figures.qualifier IS 'exact, approx, at_least, at_most, range or vague';
COMMENT ON COLUMN numeric_figures.unit IS 'count, currency, percent, year, ordinal, duration, distance, weight or other';
COMMENT ON COLUMN numeric_figures.currency IS 'ISO 4217 currency of a money figure';
COMMENT ON COLUMN numeric_figures.item IS 'The counted thing ("jets", "howitzers")';
