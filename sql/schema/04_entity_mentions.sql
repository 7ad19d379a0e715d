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
