-- grain: one row per entity mention (one span, one label)
CREATE TABLE IF NOT EXISTS entity_mentions (
    article_id       VARCHAR NOT NULL,
    mention_id       INTEGER NOT NULL,
    sentence_id      INTEGER,
    char_start       INTEGER NOT NULL,
    char_end         INTEGER NOT NULL,
    text             VARCHAR NOT NULL,
    label            VARCHAR NOT NULL,   -- COUNTRY, ORG, PERSON, WEAPON, LOCATION, GROUP, COMPANY
    canonical_name   VARCHAR,
    country_iso3     VARCHAR,
    weapon_category  VARCHAR,
    PRIMARY KEY (article_id, mention_id)
);
-- column descriptions (duckdb_columns().comment; the Dagster catalog shows them)
COMMENT ON COLUMN entity_mentions.article_id IS 'Article of the mention';
COMMENT ON COLUMN entity_mentions.mention_id IS 'Mention number within the article';
COMMENT ON COLUMN entity_mentions.sentence_id IS 'Sentence of the mention (sentences.sentence_id)';
COMMENT ON COLUMN entity_mentions.char_start IS 'Start offset in articles.text';
COMMENT ON COLUMN entity_mentions.char_end IS 'End offset (exclusive) in articles.text';
COMMENT ON COLUMN entity_mentions.text IS 'The mention as written';
COMMENT ON COLUMN entity_mentions.label IS 'COUNTRY, ORG, PERSON, WEAPON, LOCATION, GROUP (non-state armed group) or COMPANY';
COMMENT ON COLUMN entity_mentions.canonical_name IS 'Normalised name (country name, company, weapon designation)';
COMMENT ON COLUMN entity_mentions.country_iso3 IS 'ISO 3166 alpha-3 of a country, or of the state an org/company/city stands for; for a WEAPON its origin state when known';
COMMENT ON COLUMN entity_mentions.weapon_category IS 'Weapon category of a WEAPON mention (aircraft, uav, ships, ...)';
