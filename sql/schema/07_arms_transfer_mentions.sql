-- grain: one row per (sentence, supplier, recipient, weapon) transfer mention, with its evidence
CREATE TABLE IF NOT EXISTS arms_transfer_mentions (
    article_id          VARCHAR NOT NULL,
    mention_id          INTEGER NOT NULL,
    sentence_id         INTEGER,
    char_start          INTEGER NOT NULL,
    char_end            INTEGER NOT NULL,
    evidence            VARCHAR NOT NULL,
    supplier_name       VARCHAR,
    supplier_iso3       VARCHAR,
    recipient_name      VARCHAR,
    recipient_iso3      VARCHAR,
    weapon_text         VARCHAR,
    weapon_category     VARCHAR NOT NULL,
    quantity_value      DOUBLE,
    quantity_low        DOUBLE,
    quantity_high       DOUBLE,
    quantity_text       VARCHAR,
    quantity_qualifier  VARCHAR,
    deal_value          DOUBLE,
    deal_currency       VARCHAR,
    stage               VARCHAR NOT NULL,
    modality            VARCHAR NOT NULL,
    date_start          DATE,
    date_end            DATE,
    date_text           VARCHAR,
    confidence          DOUBLE NOT NULL,
    extractor_version   VARCHAR NOT NULL,
    trigger             VARCHAR,
    derivation          VARCHAR,    -- 'sentence', or where a party was borrowed from (previous_sentence, list_lead, title, article, speaker, ...)
    PRIMARY KEY (article_id, mention_id)
);
-- warehouses made before the column existed
ALTER TABLE arms_transfer_mentions ADD COLUMN IF NOT EXISTS derivation VARCHAR;
-- column descriptions (duckdb_columns().comment; the Dagster catalog shows them)
COMMENT ON COLUMN arms_transfer_mentions.article_id IS 'Article of the mention';
COMMENT ON COLUMN arms_transfer_mentions.mention_id IS 'Mention number within the article';
COMMENT ON COLUMN arms_transfer_mentions.sentence_id IS 'Sentence the mention was read from';
COMMENT ON COLUMN arms_transfer_mentions.char_start IS 'Start offset of the evidence in articles.text';
COMMENT ON COLUMN arms_transfer_mentions.char_end IS 'End offset (exclusive) of the evidence';
COMMENT ON COLUMN arms_transfer_mentions.evidence IS 'The evidence sentence';
COMMENT ON COLUMN arms_transfer_mentions.supplier_name IS 'Supplier as named (a company keeps its name, e.g. Lockheed Martin)';
COMMENT ON COLUMN arms_transfer_mentions.supplier_iso3 IS 'Supplier state, ISO 3166 alpha-3 (a company stands for its home state); NULL for a non-state party';
COMMENT ON COLUMN arms_transfer_mentions.recipient_name IS 'Recipient as named';
COMMENT ON COLUMN arms_transfer_mentions.recipient_iso3 IS 'Recipient state, ISO 3166 alpha-3; NULL for a non-state group';
COMMENT ON COLUMN arms_transfer_mentions.weapon_text IS 'The weapon as written';
COMMENT ON COLUMN arms_transfer_mentions.weapon_category IS 'aircraft, helicopters, uav, air_defence, missiles, artillery, ammunition, armoured_vehicles, ships, submarines, small_arms, sensors, engines, satellites, other or unspecified';
COMMENT ON COLUMN arms_transfer_mentions.quantity_value IS 'Number of items the text gives; NULL when it gives none';
COMMENT ON COLUMN arms_transfer_mentions.quantity_low IS 'Lower bound of a quantity range';
COMMENT ON COLUMN arms_transfer_mentions.quantity_high IS 'Upper bound of a quantity range';
COMMENT ON COLUMN arms_transfer_mentions.quantity_text IS 'The quantity as written';
COMMENT ON COLUMN arms_transfer_mentions.quantity_qualifier IS 'exact, approx, at_least, at_most, range or vague';
COMMENT ON COLUMN arms_transfer_mentions.deal_value IS 'Money value of the deal the sentence gives, in deal_currency';
COMMENT ON COLUMN arms_transfer_mentions.deal_currency IS 'ISO 4217 currency of deal_value';
COMMENT ON COLUMN arms_transfer_mentions.stage IS 'requested, offered, negotiating, approved, ordered, delivered, licensed, cancelled, denied or unknown';
COMMENT ON COLUMN arms_transfer_mentions.modality IS 'asserted, planned, possible, negated or historical';
COMMENT ON COLUMN arms_transfer_mentions.date_start IS 'Start of the date the text gives for the transfer; NULL when none';
COMMENT ON COLUMN arms_transfer_mentions.date_end IS 'End of that date';
COMMENT ON COLUMN arms_transfer_mentions.date_text IS 'The date expression as written';
COMMENT ON COLUMN arms_transfer_mentions.confidence IS 'Extractor confidence 0..1 (lower when a party was borrowed from context)';
COMMENT ON COLUMN arms_transfer_mentions.extractor_version IS 'Extractor release + code/data digest + spaCy model@version that produced the row';
COMMENT ON COLUMN arms_transfer_mentions.trigger IS 'The word that signalled the transfer (sold, delivery, ...)';
COMMENT ON COLUMN arms_transfer_mentions.derivation IS 'sentence, or where a party was borrowed from (previous_sentence, list_lead, title, article, speaker, ...)';
